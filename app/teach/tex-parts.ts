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

/** Combining marks that are TeX accents: `x̂` is typeset `\hat{x}`. */
const ACCENTS: Record<string, string> = {
  '\u0300': '\\grave',
  '\u0301': '\\acute',
  '\u0302': '\\hat',
  '\u0303': '\\tilde',
  '\u0304': '\\bar',
  '\u0305': '\\bar',
  '\u0306': '\\breve',
  '\u0307': '\\dot',
  '\u0308': '\\ddot',
  '\u030A': '\\mathring',
  '\u030C': '\\check',
  '\u20D7': '\\vec',
};

/** A letter with the combining marks that follow it (`x̂` is `x` + U+0302): one unit to typeset. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

/** The combining marks KaTeX's text mode accepts (the accents of Latin letters). */
const TEXT_MODE_MARKS = /^[\u0300-\u0304\u0306-\u0308\u030A-\u030C]$/u;

/**
 * One letter and its marks in math mode. Marks that are TeX accents wrap the letter (`\hat{x}`);
 * other marks KaTeX knows go with their letter into text mode; a mark it does not know is named
 * by its code point beside the letter (`x[U+0361]`) rather than left to a red parse error.
 */
function clusterTex(cluster: string): string {
  const chars = [...cluster];
  const base = chars[0] ?? '';
  const marks = chars.slice(1);
  if (marks.length === 0) return charTex(base);
  if (marks.every((m) => Object.hasOwn(ACCENTS, m))) {
    return marks.reduce((tex, m) => `${ACCENTS[m]}{${tex}}`, charTex(base));
  }
  const known = marks.filter((m) => TEXT_MODE_MARKS.test(m)).join('');
  const unknown = marks.filter((m) => !TEXT_MODE_MARKS.test(m));
  const letter = known
    ? `\\text{${escapeLatexText((base + known).normalize('NFC'))}}`
    : charTex(base);
  const tags = unknown.map((m) => {
    const code = (m.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `\\text{\\tiny[U+${code}]}`;
  });
  return letter + tags.join('');
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
  const chars = name.match(CLUSTER) ?? [];
  if (chars.length === 1) return clusterTex(chars[0] ?? '');
  const indexed = /^([A-Za-z]+)(\d+)$/.exec(name);
  if (indexed) {
    const [, stem = '', index = ''] = indexed;
    const stemTex = stem.length === 1 ? stem : `\\mathrm{${stem}}`;
    return `${stemTex}_{${index}}`;
  }
  return `\\mathrm{${chars.map(clusterTex).join('')}}`;
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
