// The formula typeset from the graph (never from the learner's raw text): the output expression,
// with `a = …` bindings shown as their own lines, and one node optionally highlighted so hovering
// a node in the graph lights up its part of the formula. The same walk writes a plain-text form
// used as the fallback until KaTeX has loaded.
import { OPS_BY_ID } from '../../ad-core/index.ts';
import type { Graph, GraphNode } from '../../ad-core/index.ts';
import { constantTex, escapeLatexText, variableTex } from './tex-parts.ts';

/** Orange of the current step with black text: legible on light and dark panels alike. */
export const HIGHLIGHT_BACKGROUND = '#E69F00';
/** Past this many characters of TeX a formula is not worth typesetting (and KaTeX gets slow on hover). */
export const MAX_TEX_CHARS = 6_000;
/** Past this many characters the plain-text form gives up too. */
export const MAX_TEXT_CHARS = 20_000;

export interface FormulaTex {
  /** TeX for KaTeX, or null when the expansion is too long to typeset usefully. */
  tex: string | null;
  /** The same as lines to typeset one by one in a narrow column (a binding's definition each, the
   *  formula last), each free to wrap: at its `=`, at a top-level + or −, and inside parentheses
   *  that hold no fraction or other tall part (see breakableParens). Null with `tex`. */
  lines: string[] | null;
  /** Plain-text rendering of the same expression (fallback, screen readers before KaTeX). */
  text: string;
}

/** Binding strength of what a node prints as; higher binds tighter. */
const Prec = { Sum: 1, Neg: 2, Product: 3, Fraction: 4, Power: 5, Atom: 6 } as const;
type Prec = (typeof Prec)[keyof typeof Prec];

interface Dialect {
  linear: boolean;
  variable(node: GraphNode): string;
  constant(node: GraphNode): string;
  binding(name: string): string;
  op(node: GraphNode, args: string[]): string;
  paren(s: string): string;
  highlight(s: string): string;
}

function precOf(node: GraphNode, asReference: boolean, linear: boolean): Prec {
  if (asReference || node.kind === 'input') return Prec.Atom;
  if (node.kind === 'constant') return (node.constant ?? 0) < 0 ? Prec.Neg : Prec.Atom;
  switch (node.op) {
    case 'add':
    case 'sub':
      return Prec.Sum;
    case 'neg':
      return Prec.Neg;
    case 'mul':
      return Prec.Product;
    case 'div':
      // `\frac` is self-delimiting; `a / b` in plain text binds like a product.
      return linear ? Prec.Product : Prec.Fraction;
    case 'pow':
      return Prec.Power;
    case 'exp':
      return linear ? Prec.Atom : Prec.Power;
    default:
      return Prec.Atom;
  }
}

/**
 * Does argument `i` of `op` need parentheses, given how tightly the argument binds? `linear` is
 * the plain-text form, where fractions and exponents are not two-dimensional.
 */
function needsParens(op: string, i: number, argPrec: Prec, linear: boolean): boolean {
  switch (op) {
    case 'div':
      return linear && (i === 0 ? argPrec <= Prec.Neg : argPrec <= Prec.Fraction);
    case 'add':
      return i === 1 && argPrec <= Prec.Neg;
    case 'sub':
      return i === 1 && argPrec <= Prec.Neg;
    case 'neg':
    case 'mul':
      return argPrec <= Prec.Neg;
    case 'pow':
      return (i === 0 || linear) && argPrec < Prec.Atom;
    default:
      return false;
  }
}

const NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;

/** A binding's name; a call's block (`neuron(x1, x2, w1)`, `sq(x) #2`) as a function applied. */
function bindingTex(name: string): string {
  const call = /^([\p{L}_][\p{L}\p{M}\p{N}_]*)\((.*)\)(?: #(\d+))?$/u.exec(name);
  if (!call) return variableTex(name);
  const [, fn = '', args = '', repeat] = call;
  const typeset = args
    .split(', ')
    .map((a) => (NAME.test(a) ? variableTex(a) : `\\text{${escapeLatexText(a)}}`))
    .join(', ');
  const applied = `\\mathrm{${escapeLatexText(fn)}}\\left(${typeset}\\right)`;
  return repeat === undefined ? applied : `${applied}_{\\#${repeat}}`;
}

const TEX: Dialect = {
  linear: false,
  variable: (node) => variableTex(node.variable ?? node.label),
  constant: constantTex,
  binding: bindingTex,
  op: (node, args) => OPS_BY_ID[node.op]?.tex(args) ?? `\\text{${escapeLatexText(node.op)}}`,
  paren: (s) => `\\left(${s}\\right)`,
  highlight: (s) => `\\colorbox{${HIGHLIGHT_BACKGROUND}}{$\\textcolor{#000000}{${s}}$}`,
};

const TEXT: Dialect = {
  linear: true,
  variable: (node) => node.variable ?? node.label,
  constant: (node) => node.label,
  binding: (name) => name,
  op: (node, args) => {
    const [a = '', b = ''] = args;
    const spec = OPS_BY_ID[node.op];
    if (node.op === 'neg') return `−${a}`;
    if (node.op === 'abs') return `|${a}|`;
    if (spec?.infix !== undefined && spec.arity === 2) {
      return node.op === 'pow' ? `${a}^${b}` : `${a} ${spec.infix} ${b}`;
    }
    return `${spec?.callNames[0] ?? node.op}(${args.join(', ')})`;
  },
  paren: (s) => `(${s})`,
  highlight: (s) => `⟦${s}⟧`,
};

class TooLong extends Error {}

/** The formula's rows (`name = definition` per binding, then the formula), written in `dialect`. */
function renderRows(
  graph: Graph,
  dialect: Dialect,
  highlighted: number | null,
  limit: number,
): { rows: (readonly [string, string])[] | null; body: string } {
  const output = graph.nodes[graph.output];
  if (!output) return { rows: null, body: '' };

  // A node that a binding named is written by that name everywhere except its own definition.
  const isBindingRef = (node: GraphNode) => node.kind === 'op' && node.binding !== undefined;
  const reference = (node: GraphNode): string => {
    const name = dialect.binding(node.binding ?? node.name);
    return node.id === highlighted ? dialect.highlight(name) : name;
  };

  // The tape is in topological order, so one loop writes every node after its arguments:
  // no recursion, whatever the depth of the formula.
  const written: string[] = [];
  for (const node of graph.nodes) {
    let s: string;
    if (node.kind === 'input') s = dialect.variable(node);
    else if (node.kind === 'constant') s = dialect.constant(node);
    else {
      const args = node.args.map((argId, i) => {
        const arg = graph.nodes[argId];
        if (!arg) return '?';
        const asRef = isBindingRef(arg);
        const inner = asRef ? reference(arg) : (written[argId] ?? '?');
        const prec = precOf(arg, asRef, dialect.linear);
        return needsParens(node.op, i, prec, dialect.linear) ? dialect.paren(inner) : inner;
      });
      s = dialect.op(node, args);
    }
    if (node.id === highlighted) s = dialect.highlight(s);
    if (s.length > limit) throw new TooLong();
    written[node.id] = s;
  }

  // Several outputs are written as the last line lists them (`x y, sin(x), a`), bindings by name.
  const several = graph.outputs.length > 1;
  const body = several
    ? graph.outputs
        .map((id) => {
          const node = graph.nodes[id];
          return node && isBindingRef(node) ? reference(node) : (written[id] ?? '');
        })
        .join(', ')
    : (written[output.id] ?? '');
  const bindings = graph.nodes.filter((n) => isBindingRef(n) && (several || n.id !== graph.output));
  if (bindings.length === 0) return { rows: null, body };
  const rows = bindings.map((n) => [reference(n), written[n.id] ?? ''] as const);
  rows.push([!several && output.binding !== undefined ? reference(output) : 'f', body]);
  return { rows, body };
}

function render(graph: Graph, dialect: Dialect, highlighted: number | null, limit: number): string {
  return joinRows(renderRows(graph, dialect, highlighted, limit), dialect, limit);
}

function joinRows(
  { rows, body }: { rows: (readonly [string, string])[] | null; body: string },
  dialect: Dialect,
  limit: number,
): string {
  if (!rows) return body;
  const joined =
    dialect === TEX
      ? `\\begin{aligned}${rows.map(([l, r]) => `${l} &= ${r}`).join(' \\\\ ')}\\end{aligned}`
      : rows.map(([l, r]) => `${l} = ${r}`).join('; ');
  if (joined.length > limit) throw new TooLong();
  return joined;
}

/** Tall parts: parentheses around one of these keep growing with it (`\left( … \right)`). */
const TALL = /\\(?:frac|dfrac|tfrac|sqrt|left|sum|prod|binom|colorbox|begin)\b/;

/**
 * `\left( … \right)` as plain `( … )` where what it holds is no taller than a line: KaTeX keeps a
 * `\left … \right` group on one line, so `\tanh\left(w_{11} x_1 + w_{12} x_2 + b_1\right)` could
 * not wrap in a narrow column; with plain parentheses it wraps after a + like any sum. Innermost
 * first, so an outer pair sees what became of the inner ones.
 */
export function breakableParens(tex: string): string {
  const OPEN = '\\left(';
  const CLOSE = '\\right)';
  let out = '';
  let i = 0;
  while (i < tex.length) {
    const at = tex.indexOf(OPEN, i);
    if (at < 0) break;
    const end = matchingRight(tex, at);
    if (end < 0) break;
    const inner = breakableParens(tex.slice(at + OPEN.length, end));
    out += tex.slice(i, at);
    out += TALL.test(inner) ? `${OPEN}${inner}${CLOSE}` : `(${inner})`;
    i = end + CLOSE.length;
  }
  return out + tex.slice(i);
}

/** Where the `\right)` closing the `\left(` at `at` starts, counting nested pairs; -1 if none. */
function matchingRight(tex: string, at: number): number {
  let depth = 0;
  const pair = /\\(left|right)(?![a-zA-Z])/g;
  pair.lastIndex = at;
  for (let m = pair.exec(tex); m; m = pair.exec(tex)) {
    depth += m[1] === 'left' ? 1 : -1;
    if (depth === 0) return tex.startsWith('\\right)', m.index) ? m.index : -1;
  }
  return -1;
}

/** The formula as TeX and as plain text, `highlighted` (a node id) marked in both. */
export function formulaTex(graph: Graph, highlighted: number | null = null): FormulaTex {
  let tex: string | null;
  let lines: string[] | null = null;
  try {
    const written = renderRows(graph, TEX, highlighted, MAX_TEX_CHARS);
    tex = joinRows(written, TEX, MAX_TEX_CHARS);
    const { rows, body } = written;
    lines = (rows ? rows.map(([l, r]) => `${l} = ${r}`) : [body]).map(breakableParens);
  } catch (e) {
    if (!(e instanceof TooLong)) throw e;
    tex = null;
  }
  let text: string;
  try {
    text = render(graph, TEXT, highlighted, MAX_TEXT_CHARS);
  } catch (e) {
    if (!(e instanceof TooLong)) throw e;
    text = 'The formula is too long to write out in full.';
  }
  return { tex, lines, text };
}
