// From a parsed program to the tape: nodes in topological order, inputs first, one node per
// variable, bindings shared, Wengert names, per-edge adjacency and a typed-array view.
//
// Built with explicit stacks, never recursion: a 1,000,000-character `x+x+…` parses to a tree
// ~500,000 levels deep on the left.
import { literalName } from './format.ts';
import { definitionsOf } from './functions.ts';
import { argumentText, callName } from './functions-names.ts';
import { buildTape, NodeBuilder, wengertName, wireEdges } from './graph-builder.ts';
import { OP_INDEX, OPS_BY_INDEX } from './ops.ts';
import { parse } from './parser.ts';
import type {
  BuildOptions,
  BuildResult,
  Diagnostic,
  Expr,
  Graph,
  GraphNode,
  Program,
  Span,
  Statement,
} from './types.ts';

export { OP_CONSTANT, OP_INPUT, wengertName } from './graph-builder.ts';

/** Parse and build in one go: the app's and the CLI's entry point. */
export function compile(source: string, options?: BuildOptions): BuildResult {
  const parsed = parse(source);
  if (!parsed.ok) return parsed;
  return buildGraph(parsed.program, options);
}

const diagnostic = (code: Diagnostic['code'], message: string, span: Span): BuildResult => ({
  ok: false,
  diagnostics: [{ code, message, span }],
});

/** The expressions a statement computes, in order: one, or a last line's several outputs. */
function statementExprs(statement: Statement): readonly Expr[] {
  return statement.kind === 'expr' && statement.outputs ? statement.outputs : [statement.expr];
}

/** Children of an expression in source order. */
function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'unary':
      return [e.arg];
    case 'binary':
      return [e.left, e.right];
    case 'call':
    case 'apply':
      return e.args;
    default:
      return [];
  }
}

/**
 * The functions some computing statement calls, directly or through other functions. Bodies
 * only call earlier definitions (the parser checks), so one backwards pass finds them all.
 */
function calledFunctions(program: Program): Set<string> {
  const called = new Set<string>();
  for (let i = program.statements.length - 1; i >= 0; i--) {
    const s = program.statements[i]!;
    if (s.kind === 'define' && !called.has(s.name)) continue;
    const stack: Expr[] = [...statementExprs(s)];
    while (stack.length > 0) {
      const e = stack.pop()!;
      if (e.kind === 'apply') called.add(e.name);
      stack.push(...children(e));
    }
  }
  return called;
}

/** Variable names in order of first appearance: names not bound by an earlier statement. */
function collectVariables(program: Program): string[] | { error: BuildResult } {
  const bound = new Set<string>();
  const boundAnywhere = new Set(
    program.statements.flatMap((s) => (s.kind === 'assign' ? [s.name] : [])),
  );
  const variables = new Set<string>();
  const called = calledFunctions(program);
  for (const statement of program.statements) {
    // A function's body names its parameters (local) and variables; a body never called adds none.
    if (statement.kind === 'define' && !called.has(statement.name)) continue;
    const locals =
      statement.kind === 'define' ? new Set(statement.params.map((p) => p.name)) : null;
    const stack: Expr[] = [...statementExprs(statement)].reverse();
    while (stack.length > 0) {
      const e = stack.pop()!;
      if (e.kind === 'name' && locals?.has(e.name)) continue;
      if (e.kind === 'call') {
        const row = OPS_BY_INDEX[OP_INDEX[e.fn] ?? -1];
        if (!row)
          return {
            error: diagnostic('unknown-function', `Unknown function \`${e.name}\`.`, e.nameSpan),
          };
        if (row.arity !== e.args.length) {
          const message = `\`${e.name}\` takes ${row.arity} argument${row.arity === 1 ? '' : 's'}, got ${e.args.length}.`;
          return { error: diagnostic('wrong-arity', message, e.span) };
        }
      }
      if (e.kind === 'name' && !bound.has(e.name)) {
        if (boundAnywhere.has(e.name)) {
          return {
            error: diagnostic(
              'undefined-binding',
              `\`${e.name}\` is used before it is defined.`,
              e.span,
            ),
          };
        }
        variables.add(e.name);
      }
      const kids = children(e);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    if (statement.kind === 'assign') {
      if (bound.has(statement.name)) {
        return {
          error: diagnostic(
            'duplicate-binding',
            `\`${statement.name}\` is bound twice.`,
            statement.nameSpan,
          ),
        };
      }
      bound.add(statement.name);
    }
  }
  return [...variables];
}

/** Turn a parsed program into the tape. Only programs the parser accepted reach here. */
export function buildGraph(program: Program, options: BuildOptions = {}): BuildResult {
  const last = program.statements[program.statements.length - 1];
  if (!last) return diagnostic('empty-formula', 'The formula is empty.', { start: 0, end: 0 });
  const collected = collectVariables(program);
  if (!Array.isArray(collected)) return collected.error;

  const b = new NodeBuilder(options.mergeCommonSubexpressions === true);
  const scope = new Map<string, number>();
  const ctx: Context = {
    b,
    scope,
    globals: scope,
    functions: definitionsOf(program.statements),
    env: null,
    taken: new Map(),
    callBlocks: new Set(),
  };
  const inputs = collected.map((name, i) => {
    const id = b.input(name, i + 1 - collected.length);
    scope.set(name, id);
    return id;
  });

  let outputs = [-1];
  for (const statement of program.statements) {
    if (statement.kind === 'define') continue; // computed where it is called
    const ids = statementExprs(statement).map((e) => buildExpr(e, ctx));
    const id = ids[0]!;
    if (statement.kind === 'assign') {
      const node = b.nodes[id]!;
      // `h = neuron(…)`: the learner's name for the call's block wins over the call's text.
      if (ctx.callBlocks.delete(id)) node.binding = statement.name;
      node.binding ??= statement.name;
      node.spans.push(statement.nameSpan);
      scope.set(statement.name, id);
    }
    outputs = ids;
  }

  const ordered = inLevelOrder(b.nodes);
  const graph: Graph = {
    nodes: ordered.nodes,
    edges: ordered.edges,
    variables: collected,
    inputs: inputs.map((id) => ordered.newId[id]!),
    output: outputs[0]! < 0 ? -1 : ordered.newId[outputs[0]!]!,
    outputs: outputs.map((id) => (id < 0 ? -1 : ordered.newId[id]!)),
    inEdges: ordered.inEdges,
    outEdges: ordered.outEdges,
    tape: buildTape(ordered.nodes, ordered.inEdges),
  };
  return { ok: true, graph };
}

/**
 * The tape in the order of Baydin et al. (2018), Table 2: inputs first, then every operation as
 * early as its arguments allow (by level: 1 + the deepest argument's level, inputs and constants
 * 0), ties left to right; ops are named v₁, v₂, … in that order, and each constant sits just
 * before its first consumer. So `ln(x1) + x1*x2 - sin(x2)` reads v₁ = ln v₋₁, v₂ = v₋₁ × v₀,
 * v₃ = sin v₀, v₄ = v₁ + v₂, v₅ = v₄ − v₃, as in the paper. Building order (post-order) would
 * put v₃ = v₁ + v₂ before sin. Still a topological order; a counting sort, no recursion.
 */
function inLevelOrder(
  nodes: GraphNode[],
): { nodes: GraphNode[]; newId: Int32Array } & ReturnType<typeof wireEdges> {
  const n = nodes.length;
  const level = new Int32Array(n);
  let maxLevel = 0;
  for (const node of nodes) {
    if (node.kind !== 'op') continue;
    let l = 0;
    for (const a of node.args) if (level[a]! > l) l = level[a]!;
    level[node.id] = l + 1;
    if (l + 1 > maxLevel) maxLevel = l + 1;
  }
  // Ops bucketed by level, stable in building order (left to right in the source).
  const start = new Int32Array(maxLevel + 2);
  for (const node of nodes) if (node.kind === 'op') start[level[node.id]! + 1]!++;
  for (let l = 1; l < start.length; l++) start[l] = start[l]! + start[l - 1]!;
  const ops = new Int32Array(start[maxLevel + 1]!);
  for (const node of nodes) if (node.kind === 'op') ops[start[level[node.id]!]!++] = node.id;

  const order: number[] = [];
  const placed = new Uint8Array(n);
  const place = (id: number) => {
    placed[id] = 1;
    order.push(id);
  };
  for (const node of nodes) if (node.kind === 'input') place(node.id);
  for (const id of ops) {
    for (const a of nodes[id]!.args) if (placed[a] === 0) place(a);
    place(id);
  }
  for (const node of nodes) if (placed[node.id] === 0) place(node.id);

  const newId = new Int32Array(n);
  order.forEach((old, i) => {
    newId[old] = i;
  });
  const out: GraphNode[] = [];
  let opCount = 0;
  for (let i = 0; i < order.length; i++) {
    const node = nodes[order[i]!]!;
    // The builder's nodes belong to this graph alone: renumbered in place, not copied (copying
    // half a million nodes was most of the build of a 1 MB formula).
    node.id = i;
    node.args = node.args.map((a) => newId[a]!);
    if (node.kind === 'op') {
      node.wengertIndex = ++opCount;
      node.name = wengertName(opCount);
    }
    out.push(node);
  }
  return { nodes: out, ...wireEdges(out), newId };
}

/** What building one expression needs: names in scope, and for calls, the definitions. */
interface Context {
  b: NodeBuilder;
  /** Names visible here: a body's parameters first, then the formula's names. */
  scope: { get(name: string): number | undefined };
  /** The formula's variables and bindings. */
  globals: Map<string, number>;
  functions: ReturnType<typeof definitionsOf>;
  /** Inside a body: each parameter's argument as text, to name the calls it makes (`sq(x)`). */
  env: ReadonlyMap<string, string> | null;
  /** Block names used so far, so a repeated call gets its own (`sq(x) #2`). */
  taken: Map<string, number>;
  /** Nodes named by a call (a binding of the whole call renames them). */
  callBlocks: Set<number>;
}

/** Post-order walk with an explicit stack; returns the node id of `root`. */
function buildExpr(root: Expr, ctx: Context): number {
  const { b } = ctx;
  const todo: Expr[] = [root];
  const expanded: boolean[] = [false];
  const results: number[] = [];
  while (todo.length > 0) {
    const e = todo[todo.length - 1]!;
    const ready = expanded[expanded.length - 1]!;
    if (!ready && e.kind === 'unary' && e.op === 'neg' && e.arg.kind === 'number') {
      // `-3` is one constant, not neg(3): that is how a learner reads it.
      todo.pop();
      expanded.pop();
      results.push(b.constant(-e.arg.value, [e.span], literalName(-e.arg.value)));
      continue;
    }
    const kids = children(e);
    if (!ready && kids.length > 0) {
      expanded[expanded.length - 1] = true;
      for (let i = kids.length - 1; i >= 0; i--) {
        todo.push(kids[i]!);
        expanded.push(false);
      }
      continue;
    }
    todo.pop();
    expanded.pop();
    results.push(nodeFor(e, ctx, results, kids.length));
  }
  return results[0]!;
}

/**
 * A call of a function of the learner's own, inlined: the body built with each parameter bound
 * to its argument's node (so an argument is computed once however often the body reads it),
 * its result named as a block by the call. Recursion stops after MAX_CALL_DEPTH levels, which
 * the parser has checked.
 */
function inlineCall(e: Extract<Expr, { kind: 'apply' }>, ctx: Context, args: number[]): number {
  const { definition } = ctx.functions.get(e.name)!;
  const locals = new Map<string, number>();
  const texts = e.args.map((a) => argumentText(a, ctx.env));
  const env = new Map<string, string>();
  definition.params.forEach((p, k) => {
    locals.set(p.name, args[k]!);
    env.set(p.name, texts[k]!);
  });
  const name = callName(e.name, texts, ctx.taken);
  const { globals } = ctx;
  const scope = { get: (n: string) => (locals.has(n) ? locals.get(n) : globals.get(n)) };
  const start = ctx.b.nodes.length;
  const id = buildExpr(definition.expr, { ...ctx, scope, env });
  const node = ctx.b.nodes[id]!;
  if (id >= start && node.kind === 'op') {
    // A body that ends in another call (`f(t) = sq(t)`): the outer call names the block.
    node.binding = name;
    ctx.callBlocks.add(id);
    node.spans.push(e.span);
  }
  return id;
}

function nodeFor(e: Expr, ctx: Context, results: number[], arity: number): number {
  const { b, scope } = ctx;
  const args = results.splice(results.length - arity, arity);
  switch (e.kind) {
    case 'number':
      return b.constant(e.value, [e.span], literalName(e.value));
    case 'constant':
      return b.constant(e.value, [e.span], e.name === 'pi' ? 'π' : 'e');
    case 'name': {
      const id = scope.get(e.name)!;
      b.nodes[id]!.spans.push(e.span);
      return id;
    }
    case 'unary':
      return e.op === 'pos' ? args[0]! : b.op('neg', args, [e.span]);
    case 'binary':
      return b.op(e.op, args, [e.span]);
    case 'call':
      return b.op(e.fn, args, [e.span]);
    case 'apply':
      return inlineCall(e, ctx, args);
  }
}

const ANCESTORS = new WeakMap<Graph, Uint8Array>();

/**
 * 1 for every node the output depends on (and the output itself), 0 elsewhere. The reverse pass
 * runs only over these: a statement the output never uses has adjoint 0, and 0 · ∞ from its
 * partials must not leak a NaN into the gradient. Cached per graph (graphs are immutable).
 */
export function outputAncestors(graph: Graph): Uint8Array {
  const known = ANCESTORS.get(graph);
  if (known) return known;
  const { arg0, arg1 } = graph.tape;
  const live = new Uint8Array(graph.nodes.length);
  if (graph.output >= 0) live[graph.output] = 1;
  for (let i = graph.output; i >= 0; i--) {
    if (live[i] === 0) continue;
    const a = arg0[i]!;
    const b = arg1[i]!;
    if (a >= 0) live[a] = 1;
    if (b >= 0) live[b] = 1;
  }
  ANCESTORS.set(graph, live);
  return live;
}
