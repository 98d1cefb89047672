// Block names for calls of the learner's own functions (`sq(x)`, `neuron(x1, x2, w1, w2, b)`),
// and the `collapse=` list that carries them in a link. Apart from functions.ts because it prints
// expressions, and the printer reads the parser's table (the parser imports functions.ts).
import { argsOf } from './functions.ts';
import { printExpr } from './print.ts';
import type { Expr } from './types.ts';

/** Longest block name; a longer call is named `f(…)`. */
export const MAX_CALL_NAME = 32;

const ATOM = /^[\p{L}_][\p{L}\p{M}\p{N}_]*(\(.*\))?$|^[0-9.]+$/u;

/** An expression as text, with names bound in `env` written as their text (`t` → `x + 1`). */
export function argumentText(arg: Expr, env: ReadonlyMap<string, string> | null): string {
  if (arg.span.end - arg.span.start > 4 * MAX_CALL_NAME) return '…';
  const mapped = env === null ? arg : substituteNames(arg, env);
  return printExpr(mapped);
}

/** A copy of `root` with each name in `env` replaced by its text (parenthesised unless atomic). */
function substituteNames(root: Expr, env: ReadonlyMap<string, string>): Expr {
  const done = new Map<Expr, Expr>();
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack[stack.length - 1]!;
    const kids = argsOf(e);
    const pending = kids.filter((k) => !done.has(k));
    if (pending.length > 0) {
      stack.push(...pending);
      continue;
    }
    stack.pop();
    const c = (k: Expr) => done.get(k)!;
    let out: Expr;
    switch (e.kind) {
      case 'name': {
        const text = env.get(e.name);
        out = text === undefined ? e : { ...e, name: ATOM.test(text) ? text : `(${text})` };
        break;
      }
      case 'unary':
        out = { ...e, arg: c(e.arg) };
        break;
      case 'binary':
        out = { ...e, left: c(e.left), right: c(e.right) };
        break;
      case 'call':
      case 'apply':
        out = { ...e, args: e.args.map(c) };
        break;
      default:
        out = e;
    }
    done.set(e, out);
  }
  return done.get(root)!;
}

/**
 * The block name of a call: `sq(x)`, `neuron(x1, x2, w1, w2, b)`, or `sq(…)` when that would be
 * long; `taken` makes repeated calls distinct (`sq(x)`, `sq(x) #2`) and is updated.
 */
export function callName(
  name: string,
  argTexts: readonly string[],
  taken: Map<string, number>,
): string {
  let base = `${name}(${argTexts.join(', ')})`;
  if (Array.from(base).length > MAX_CALL_NAME) base = `${name}(…)`;
  const n = (taken.get(base) ?? 0) + 1;
  taken.set(base, n);
  return n === 1 ? base : `${base} #${n}`;
}

/** Is `name` a call's block name (as `callName` makes them) rather than a binding's? */
export function isCallBlockName(name: string): boolean {
  return /^[\p{L}_][\p{L}\p{M}\p{N}_]*\(.*\)( #\d+)?$/u.test(name);
}

/**
 * A `collapse=` list of block names: split at commas outside parentheses (a call's name has
 * its own commas: `neuron(x1, x2, w1, w2, b)`). Null when a name is neither a binding's nor a
 * call's, or parentheses do not balance.
 */
export function splitBlockNames(text: string): string[] | null {
  if (text === '') return [];
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return null;
    else if ((ch === ',' && depth === 0) || i === text.length) {
      names.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return null;
  const binding = /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;
  return names.every((n) => binding.test(n) || isCallBlockName(n)) ? names : null;
}
