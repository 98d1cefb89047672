// Dual numbers a + bε (ε² = 0): forward mode written as arithmetic. Every op's dual rule is derived
// from the ops table's symbolic partials, f(a + bε) = f(a) + b·f′(a)ε (and for two arguments
// f(a + bε, c + dε) = f(a, c) + (b·∂f/∂a + d·∂f/∂c)ε), so no op is named here.
import { formatNumber, OPS_BY_ID } from '../../ad-core/index.ts';
import type { OpSpec } from '../../ad-core/index.ts';

/** `2 + 0.5ε`, `2 − 0.5ε`. */
export function dualText(value: number, tangent: number): string {
  const negative = tangent < 0 || Object.is(tangent, -0);
  return `${formatNumber(value)} ${negative ? '−' : '+'} ${formatNumber(Math.abs(tangent))}ε`;
}

/** The expression and the derivative of `∂X/∂a = Y`: [X, Y]. */
function splitRule(text: string): [string, string] {
  const eq = text.indexOf(' = ');
  const lhs = eq < 0 ? text : text.slice(0, eq);
  const rhs = eq < 0 ? '' : text.slice(eq + 3);
  const slash = lhs.lastIndexOf('/∂');
  return [lhs.slice(1, slash < 0 ? undefined : slash), rhs];
}

/** The op's expression in the letters of the dual rule: first argument a, second c. */
function rename(text: string): string {
  return text.replace(/\b[ab]\b/g, (m) => (m === 'a' ? 'a' : 'c'));
}

/** Drop one pair of brackets around the whole text: `(a·c)` → `a·c`. */
function unwrap(text: string): string {
  if (!text.startsWith('(') || !text.endsWith(')')) return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')') depth--;
    if (depth === 0 && i < text.length - 1) return text;
  }
  return text.slice(1, -1);
}

const needsBrackets = (s: string) => /[\s+−\-/·,^]/.test(unwrap(s)) && !/^\(.*\)$/.test(s);
const bracket = (s: string) => (needsBrackets(s) ? `(${s})` : s);

/**
 * `expression` (in a, c) with each argument replaced by a piece of text: brackets where an
 * argument is an operand (`(2 + 1ε)·(5 + 0ε)`), none where it already sits in a call's brackets.
 */
export function substitute(expression: string, args: string[]): string {
  const marked = expression.replace(/\b[ac]\b/g, (m) => `⟨${m === 'a' ? 0 : 1}⟩`);
  const filled = marked.replace(/⟨(\d)⟩/g, (_m, i: string) => `(${args[Number(i)] ?? '?'})`);
  return filled
    .replace(/\(\(([^()]*)\)\)/g, '($1)')
    .replace(/\(\(([^()]*)\),\(([^()]*)\)\)/g, '($1, $2)')
    .replace(/\|\(([^()]*)\)\|/g, '|$1|');
}

/** `b·cos(a)`, with a partial of 1 or −1 written as `b` or `−b`. */
function scaled(tangent: string, derivative: string): string {
  if (derivative === '1') return tangent;
  if (derivative === '−1' || derivative === '-1') return `−${tangent}`;
  return `${tangent}·${bracket(derivative)}`;
}

/** Spaces around + and − between operands (`a+c` → `a + c`), as the rest of the app writes them. */
function spaced(text: string): string {
  return text.replace(/([\w)])([+−])([\w(])/g, '$1 $2 $3');
}

export interface DualRule {
  /** `f(a + bε) = f(a) + b·f′(a)ε` for this op, in its own symbols. */
  text: string;
  /** The op's value in a (and c): `sin(a)`, `a·c`. */
  expression: string;
  /** ∂f/∂(each argument) in a (and c). */
  derivatives: string[];
  /** Whether the rule needs ε² = 0 (an op whose partials are not constants). */
  nonlinear: boolean;
}

export function dualRuleOf(row: OpSpec): DualRule {
  const parts = row.partialText.map(splitRule);
  const expression = spaced(unwrap(rename(parts[0]?.[0] ?? row.id)));
  const derivatives = parts.map(([, rhs]) => rename(rhs));
  const nonlinear = derivatives.some((d) => !/^[−-]?1$/.test(d));
  const tangents = ['b', 'd'];
  const left = substitute(expression, row.arity === 1 ? ['a + bε'] : ['a + bε', 'c + dε']);
  const terms = derivatives.map((d, i) => scaled(tangents[i]!, d));
  const joined = terms.reduce(
    (sum, t) => (sum === '' ? t : t.startsWith('−') ? `${sum} − ${t.slice(1)}` : `${sum} + ${t}`),
    '',
  );
  const epsilon = terms.length === 1 ? `${joined}ε` : `(${joined})ε`;
  const right = epsilon.startsWith('−')
    ? `${expression} − ${epsilon.slice(1)}`
    : `${expression} + ${epsilon}`;
  return { text: `${left} = ${right}`, expression, derivatives, nonlinear };
}

/** The dual rule of op `id`, or null for an id the table does not have. */
export function dualRuleFor(id: string): DualRule | null {
  const row = Object.hasOwn(OPS_BY_ID, id) ? OPS_BY_ID[id] : undefined;
  return row ? dualRuleOf(row) : null;
}
