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

function render(graph: Graph, dialect: Dialect, highlighted: number | null, limit: number): string {
  const output = graph.nodes[graph.output];
  if (!output) return '';

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
  if (bindings.length === 0) return body;
  const lines = bindings.map((n) => [reference(n), written[n.id] ?? ''] as const);
  lines.push([!several && output.binding !== undefined ? reference(output) : 'f', body]);
  const joined =
    dialect === TEX
      ? `\\begin{aligned}${lines.map(([l, r]) => `${l} &= ${r}`).join(' \\\\ ')}\\end{aligned}`
      : lines.map(([l, r]) => `${l} = ${r}`).join('; ');
  if (joined.length > limit) throw new TooLong();
  return joined;
}

/** The formula as TeX and as plain text, `highlighted` (a node id) marked in both. */
export function formulaTex(graph: Graph, highlighted: number | null = null): FormulaTex {
  let tex: string | null;
  try {
    tex = render(graph, TEX, highlighted, MAX_TEX_CHARS);
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
  return { tex, text };
}
