// Functions of the learner's own: `sq(t) = t^2`, then `sq(x) + sq(y)`. A definition computes
// nothing by itself; each call is inlined when the graph is built (graph.ts), its parameters bound
// to the argument nodes, and its nodes named as one block by the call (`sq(x)`), so the engine
// sees only the inlined graph and its gradients are exact. This module checks the definitions and
// calls once the whole program is parsed (a call may come before the parser has seen every
// definition) and names the blocks.
import { diagnostic } from './diagnostics.ts';
import type { Diagnostic, Expr, Span, Statement } from './types.ts';

export type Definition = Extract<Statement, { kind: 'define' }>;

/** Deepest chain of calls inside calls: inlining recurses once per level. */
export const MAX_CALL_DEPTH = 100;
/** Most expression nodes all the inlined calls may copy into the graph. */
export const MAX_INLINED_NODES = 1_000_000;

/** Each function's first definition and its statement index, by name (a Map: user names). */
export function definitionsOf(
  statements: readonly Statement[],
): Map<string, { index: number; definition: Definition }> {
  const defs = new Map<string, { index: number; definition: Definition }>();
  statements.forEach((s, index) => {
    if (s.kind === 'define' && !defs.has(s.name)) defs.set(s.name, { index, definition: s });
  });
  return defs;
}

/** How a learner would call it: `neuron(a, b, w1, w2, c)`, with the parameters' names. */
export function callExample(d: Definition): string {
  return `${d.name}(${d.params.map((p) => p.name).join(', ')})`;
}

/** The sub-expressions of `e`, in source order. */
export const argsOf = (e: Expr): Expr[] =>
  e.kind === 'unary'
    ? [e.arg]
    : e.kind === 'binary'
      ? [e.left, e.right]
      : e.kind === 'call' || e.kind === 'apply'
        ? e.args
        : [];

interface CallSite {
  callee: string;
  span: Span;
}

/**
 * Everything wrong with the program's definitions and calls, in source order: a call of a name
 * that is never defined, a call with the wrong number of arguments, a function used as a value
 * (`sq + 1`), a call before its definition, recursion (direct or through other functions, at the
 * call that closes the loop), a parameter given twice, a last line that only defines, and
 * inlining that would nest too deep or copy too much. `suggest` proposes a built-in name for a
 * likely typo (`sinn` → `sin`).
 */
export function resolveFunctions(
  statements: readonly Statement[],
  suggest: (name: string) => string | null,
): Diagnostic[] {
  const defs = definitionsOf(statements);
  const found: Diagnostic[] = [];
  const bindings = new Set(statements.flatMap((s) => (s.kind === 'assign' ? [s.name] : [])));
  /** Calls made inside each definition's body, by the caller's name. */
  const callsIn = new Map<string, CallSite[]>();

  statements.forEach((s, i) => {
    if (s.kind === 'define') {
      const seen = new Set<string>();
      for (const p of s.params) {
        if (seen.has(p.name)) found.push(diagnostic('duplicate-parameter', p.span, p.name, s.name));
        seen.add(p.name);
      }
      if (defs.get(s.name)?.definition === s) callsIn.set(s.name, []);
    }
    const locals = s.kind === 'define' ? new Set(s.params.map((p) => p.name)) : null;
    const own =
      s.kind === 'define' && defs.get(s.name)?.definition === s ? callsIn.get(s.name) : undefined;
    const stack: Expr[] = s.kind === 'expr' && s.outputs ? [...s.outputs] : [s.expr];
    while (stack.length > 0) {
      const e = stack.pop() as Expr;
      if (e.kind === 'name') {
        const def = defs.get(e.name);
        if (def && !locals?.has(e.name) && !bindings.has(e.name)) {
          found.push(diagnostic('not-a-function', e.span, e.name, callExample(def.definition)));
        }
        continue;
      }
      if (e.kind === 'apply') {
        const def = defs.get(e.name);
        if (!def) {
          found.push(diagnostic('unknown-function', e.nameSpan, e.name, suggest(e.name)));
        } else {
          const d = def.definition;
          if (d.params.length !== e.args.length) {
            found.push(
              diagnostic(
                'wrong-arity',
                e.span,
                e.name,
                d.params.length,
                e.args.length,
                callExample(d),
              ),
            );
          }
          if (d === s) {
            found.push(diagnostic('recursive-function', e.span, e.name, `${e.name} → ${e.name}`));
          } else if (own) {
            own.push({ callee: e.name, span: e.span });
          } else if (def.index > i) {
            found.push(
              diagnostic('undefined-binding', e.nameSpan, e.name, false, `${callExample(d)} = …`),
            );
          }
        }
      }
      const kids = argsOf(e);
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as Expr);
    }
  });

  // A call from a body to a function defined further down: a loop if that function leads back.
  for (const [caller, sites] of callsIn) {
    const at = defs.get(caller)!.index;
    for (const site of sites) {
      const callee = defs.get(site.callee)!;
      if (callee.index <= at) continue;
      const path = pathBetween(callsIn, site.callee, caller);
      if (path) {
        found.push(
          diagnostic('recursive-function', site.span, caller, [caller, ...path].join(' → ')),
        );
      } else {
        found.push(
          diagnostic(
            'undefined-binding',
            site.span,
            site.callee,
            false,
            `${callExample(callee.definition)} = …`,
          ),
        );
      }
    }
  }

  const last = statements[statements.length - 1];
  if (last?.kind === 'define') {
    found.push(diagnostic('no-output', last.nameSpan, last.name, callExample(last)));
  }
  if (found.length === 0) found.push(...expansionLimits(statements, defs));
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** The chain of calls from `from` to `to` (`from` first, `to` last), or null if none. */
function pathBetween(callsIn: Map<string, CallSite[]>, from: string, to: string): string[] | null {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let q = 0; q < queue.length; q++) {
    const f = queue[q]!;
    if (f === to) {
      const path: string[] = [];
      for (let at: string | null = f; at !== null; at = previous.get(at) ?? null) path.push(at);
      return path.reverse();
    }
    for (const site of callsIn.get(f) ?? []) {
      if (previous.has(site.callee)) continue;
      previous.set(site.callee, f);
      queue.push(site.callee);
    }
  }
  return null;
}

/** How many expression nodes one expression has, not counting what its calls copy in. */
function ownSize(root: Expr, calls: Expr[]): number {
  let n = 0;
  const stack = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    n++;
    if (e.kind === 'apply') calls.push(e);
    stack.push(...argsOf(e));
  }
  return n;
}

/**
 * Inlining copies a body at every call, so sizes multiply along a chain of calls (`f2(t) =
 * f1(f1(t))`, `f3(t) = f2(f2(t))`, …): refuse before building what would not fit. Runs only
 * on a program without other errors, so every call is to an earlier definition.
 */
function expansionLimits(
  statements: readonly Statement[],
  defs: ReturnType<typeof definitionsOf>,
): Diagnostic[] {
  const size = new Map<string, number>();
  const depth = new Map<string, number>();
  let total = 0;
  for (const s of statements) {
    const calls: Expr[] = [];
    let n = ownSize(s.expr, calls);
    if (s.kind === 'expr' && s.outputs) for (const o of s.outputs.slice(1)) n += ownSize(o, calls);
    let deepest = 0;
    for (const c of calls) {
      if (c.kind !== 'apply') continue;
      n += size.get(c.name) ?? 0;
      const d = (depth.get(c.name) ?? 0) + 1;
      deepest = Math.max(deepest, d);
      if (d > MAX_CALL_DEPTH) return [diagnostic('too-deep', c.span, MAX_CALL_DEPTH)];
      const copied = s.kind === 'define' ? n : total + n;
      if (copied > MAX_INLINED_NODES) {
        return [diagnostic('expansion-too-large', c.span, c.name, copied, MAX_INLINED_NODES)];
      }
    }
    if (s.kind === 'define') {
      if (defs.get(s.name)?.definition === s) {
        size.set(s.name, n);
        depth.set(s.name, deepest);
      }
    } else total += n;
  }
  return [];
}
