// Small TeX builders shared by the typeset formula and the LaTeX export. Every piece of TeX the
// app produces is assembled here from graph data (names, numbers, Wengert indices), so the
// escaping rules live in one place.
import type { GraphNode } from '../../ad-core/index.ts';

const GREEK: Record<string, string> = {
  α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\varepsilon', ϵ: '\\epsilon',
  ζ: '\\zeta', η: '\\eta', θ: '\\theta', ϑ: '\\vartheta', ι: '\\iota', κ: '\\kappa',
  λ: '\\lambda', μ: '\\mu', ν: '\\nu', ξ: '\\xi', π: '\\pi', ϖ: '\\varpi', ρ: '\\rho',
  ϱ: '\\varrho', σ: '\\sigma', ς: '\\varsigma', τ: '\\tau', υ: '\\upsilon', φ: '\\varphi',
  ϕ: '\\phi', χ: '\\chi', ψ: '\\psi', ω: '\\omega', Γ: '\\Gamma', Δ: '\\Delta',
  Θ: '\\Theta', Λ: '\\Lambda', Ξ: '\\Xi', Π: '\\Pi', Σ: '\\Sigma', Υ: '\\Upsilon',
  Φ: '\\Phi', Ψ: '\\Psi', Ω: '\\Omega',
};

const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '_': '\\_',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  '$': '\\$',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes text for LaTeX text mode (table cells, `\text{…}`). */
export function escapeLatexText(text: string): string {
  let out = '';
  for (const ch of text) out += TEXT_ESCAPES[ch] ?? (ch === '\n' || ch === '\r' ? ' ' : ch);
  return out;
}

function charTex(ch: string): string {
  if (/^[A-Za-z0-9]$/.test(ch)) return ch;
  if (ch === '_') return '\\_';
  const greek = GREEK[ch];
  // Braced so a following letter cannot extend the command name (`\thetax`).
  if (greek) return `{${greek}}`;
  return `\\text{${escapeLatexText(ch)}}`;
}

/**
 * A variable name in math mode: `x`, `\theta`, `x_{1}` for `x1` (as the textbooks write it),
 * `\mathrm{w\_0}` for anything else, so the name the learner typed stays recognisable.
 */
export function variableTex(name: string): string {
  const chars = [...name];
  if (chars.length === 1) return charTex(chars[0] ?? '');
  const indexed = /^([A-Za-z]+)(\d+)$/.exec(name);
  if (indexed) {
    const [, stem = '', index = ''] = indexed;
    const stemTex = stem.length === 1 ? stem : `\\mathrm{${stem}}`;
    return `${stemTex}_{${index}}`;
  }
  return `\\mathrm{${chars.map(charTex).join('')}}`;
}

/**
 * A number in math mode. `digits` significant digits (full precision when omitted); NaN and
 * ±∞ are written out; exponents become `\times 10^{…}`.
 */
export function numberTex(x: number, digits?: number): string {
  if (Number.isNaN(x)) return '\\mathrm{NaN}';
  if (x === Infinity) return '\\infty';
  if (x === -Infinity) return '-\\infty';
  if (x === 0) return '0';
  const rounded = digits === undefined ? x : Number(x.toPrecision(digits));
  const abs = Math.abs(rounded);
  if (abs >= 1e-4 && abs < 1e6) return String(rounded);
  const [mantissa = '', exponent = '0'] = rounded.toExponential().split('e');
  const exp = String(Number(exponent));
  return mantissa === '1' ? `10^{${exp}}` : mantissa === '-1' ? `-10^{${exp}}` : `${mantissa} \\times 10^{${exp}}`;
}

/** Wengert name in TeX: `v_{-1}`; a constant node is its value. */
export function wengertTex(node: GraphNode): string {
  if (node.kind === 'constant') return constantTex(node);
  if (node.wengertIndex === null) return `\\text{${escapeLatexText(node.name)}}`;
  return `v_{${node.wengertIndex}}`;
}

/** A constant node as it reads in a formula: `\pi`, `e`, `0.5`. */
export function constantTex(node: GraphNode): string {
  const value = node.constant ?? Number(node.label);
  if (node.label === 'π' || node.label === 'pi' || value === Math.PI) return '\\pi';
  if (node.label === 'e' && value === Math.E) return 'e';
  return numberTex(value);
}
