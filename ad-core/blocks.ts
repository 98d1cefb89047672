// Bindings as blocks. A binding (`h1 = tanh(w1*x + b1)`) is the learner's own abstraction, so it
// can be drawn as one node and played as one step. So is a call of a function of the learner's
// own (`sq(x)` after `sq(t) = t^2`): the graph builder gives the call's result node the call as
// its binding name, and everything here treats it as any other binding. This module says which nodes a binding's
// block holds, builds the graph as seen with some blocks collapsed (a "view graph"), groups a
// trace's steps into the steps the player shows, and projects frames onto the view.
//
// Membership: a block holds its binding's node and every operation or constant computed only for
// it — a node is inside when every consumer is inside. Inputs, other bindings' nodes and the
// output are never inside. A shared subexpression (two bindings reading one merged node, or the
// formula reading it directly) therefore stays outside every block, drawn on its own and feeding
// each block that reads it; so blocks never overlap and collapsing one never hides another's part.
//
// A collapsed block is one node whose arguments are the distinct outside nodes it reads, one
// edge each, whose local partial is ∂(binding)/∂(argument) through the whole block. Its value and
// adjoint are the binding node's (the view keeps the binding node's place in the tape).
//
// Parameters fold in: an input read only by one block (w1 and b1 in `h1 = tanh(w1*x + b1)`) is
// that block's own, so while the block is collapsed it is not drawn as a node of its own but
// written on the block (name = value, then its adjoint), and the block has no edge from it. A
// network's column of weights then goes with its neurons, and the drawing is as tall as its
// neurons, not as its weights. Inputs read elsewhere too (x) stay outside. The player's steps
// stay the trace's: a folded input's step shows on its block. A block folds at most
// MAX_FOLDED parameters (a neuron of two inputs has three): a line each makes it taller, and a
// block of five lines more than a short graph area (the teaching drawer open) can show whole
// while it follows the step; one with more keeps them as nodes.
import { formatNumber, subscript } from './format.ts';
import { isCallBlockName } from './functions-names.ts';
import { OP_INPUT } from './graph.ts';
import type {
  Contribution,
  Evaluation,
  Frame,
  Graph,
  GraphEdge,
  GraphNode,
  Step,
  Tape,
  Trace,
} from './types.ts';

export interface Block {
  /** The binding's name, as typed. */
  name: string;
  /** The binding's node: the block's value and adjoint are this node's. */
  node: number;
  /** Nodes computed only for this binding, in tape order (the binding's node last). */
  inner: number[];
  /** How many of them are operations ("h₁ computed: 3 operations"). */
  operations: number;
  /** The distinct nodes outside the block it reads, in order of first use. */
  args: number[];
  /** Its parameters: the inputs among `args` read by nothing outside the block (and not an
   *  output), folded into it while it is collapsed; none if there are more than MAX_FOLDED. */
  params: number[];
}

const BLOCKS = new WeakMap<Graph, Block[]>();

/** The most parameters a collapsed block writes on itself (see the top of this file). */
export const MAX_FOLDED = 3;

/** Every binding that names an operation, as a block, in tape order. Cached per graph. */
export function blocksOf(graph: Graph): Block[] {
  const known = BLOCKS.get(graph);
  if (known) return known;
  const blocks: Block[] = [];
  for (const node of graph.nodes) {
    if (node.kind === 'op' && node.binding !== undefined) blocks.push(blockAt(graph, node));
  }
  BLOCKS.set(graph, blocks);
  return blocks;
}

const isBindingOp = (n: GraphNode) => n.kind === 'op' && n.binding !== undefined;

function blockAt(graph: Graph, root: GraphNode): Block {
  const inside = new Set<number>([root.id]);
  // Candidates: what the binding reads, back to inputs and other bindings.
  const seen = new Set<number>();
  const stack = [...root.args];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    const n = graph.nodes[id];
    if (!n || n.kind === 'input' || isBindingOp(n) || id === graph.output) continue;
    seen.add(id);
    for (const a of n.args) stack.push(a);
  }
  // Consumers come later in the tape, so deciding from the last candidate back sees each
  // consumer's membership settled first.
  const candidates = [...seen].sort((a, b) => b - a);
  for (const id of candidates) {
    const out = graph.outEdges[id] ?? [];
    if (out.length > 0 && out.every((e) => inside.has(graph.edges[e]!.to))) inside.add(id);
  }
  const inner = [...inside].sort((a, b) => a - b);
  const args: number[] = [];
  const argSet = new Set<number>();
  for (const id of inner) {
    for (const a of graph.nodes[id]!.args) {
      if (!inside.has(a) && !argSet.has(a)) {
        argSet.add(a);
        args.push(a);
      }
    }
  }
  const operations = inner.filter((id) => graph.nodes[id]!.kind === 'op').length;
  const outputs = new Set([graph.output, ...graph.outputs]);
  const own = args.filter((a) => {
    const out = graph.outEdges[a] ?? [];
    return (
      graph.nodes[a]!.kind === 'input' &&
      !outputs.has(a) &&
      out.length > 0 &&
      out.every((e) => inside.has(graph.edges[e]!.to))
    );
  });
  const params = own.length <= MAX_FOLDED ? own : [];
  return { name: root.binding!, node: root.id, inner, operations, args, params };
}

/** Longest call name drawn whole on the graph; a longer one is drawn as its function's name. */
export const MAX_DRAWN_CALL = 10;

/**
 * A block's name as the graph draws it: a long call shortened to its function's name (`neuron`
 * for `neuron(x1, x2, w11, w12, b1)`), so a collapsed call stays about a node's size and its tag
 * a tag; any other name as it is. The player, the trace table and screen readers say it whole.
 */
export function blockShortLabel(name: string): string {
  if (!isCallBlockName(name) || Array.from(name).length <= MAX_DRAWN_CALL) return name;
  return name.slice(0, name.indexOf('('));
}

/**
 * `h1` → `h₁`: trailing digits as a subscript, the way a board writes a neuron's name. A call's
 * block (`sq(x)`, `sq(x) #2`) is written as named.
 */
export function blockLabel(name: string): string {
  if (isCallBlockName(name)) return name;
  const m = /^(.*?[^\d])(\d+)$/.exec(name);
  return m ? `${m[1]}${subscript(Number(m[2]))}` : name;
}

// ---------------------------------------------------------------------------------------------
// The view graph

export interface BlockView {
  source: Graph;
  /** The graph to draw: dense ids, collapsed blocks as one node each (an operation `block`
   *  labelled with the binding's name and carrying it as its binding). */
  graph: Graph;
  /** Collapsed block names, in tape order. */
  collapsed: string[];
  /** View node → source node (a block's is its binding node). */
  toSource: Int32Array;
  /** Source node → view node; -1 for nodes hidden inside a collapsed block. */
  fromSource: Int32Array;
  /** View edge → source edge; -1 for a block's argument edges. */
  edgeToSource: Int32Array;
  /** Source edge → view edge: an edge into a collapsed block maps to the block's edge from the
   *  same argument; edges inside a block map to -1. */
  edgeFromSource: Int32Array;
  /** View node → its collapsed block. */
  blocks: Map<number, Block>;
  /** Source node → index into `blockList` of the collapsed block holding it; -1 elsewhere. A
   *  folded parameter is not held (the trace table keeps its row): see `foldedAt`. */
  ownerOf: Int32Array;
  /** Source node → the view node of the collapsed block a folded parameter is written on; -1 for
   *  every other node. */
  foldedAt: Int32Array;
  blockList: Block[];
}

/** The graph with the named blocks collapsed; unknown names are ignored. */
export function viewGraph(source: Graph, collapse: Iterable<string>): BlockView {
  const wanted = new Set(collapse);
  const blockList = blocksOf(source).filter((b) => wanted.has(b.name));
  const n = source.nodes.length;
  const ownerOf = new Int32Array(n).fill(-1);
  const foldedIn = new Int32Array(n).fill(-1);
  blockList.forEach((b, i) => {
    for (const id of b.inner) ownerOf[id] = i;
    for (const id of b.params) foldedIn[id] = i;
  });
  const fromSource = new Int32Array(n).fill(-1);
  const toSourceList: number[] = [];
  for (let id = 0; id < n; id++) {
    const owner = ownerOf[id]!;
    if (owner >= 0 && blockList[owner]!.node !== id) continue;
    if (foldedIn[id]! >= 0) continue;
    fromSource[id] = toSourceList.length;
    toSourceList.push(id);
  }
  const m = toSourceList.length;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const inEdges: number[][] = Array.from({ length: m }, () => []);
  const outEdges: number[][] = Array.from({ length: m }, () => []);
  const edgeToSource: number[] = [];
  const edgeFromSource = new Int32Array(source.edges.length).fill(-1);
  const blocks = new Map<number, Block>();
  const link = (from: number, to: number, argIndex: number, sourceEdge: number) => {
    const id = edges.length;
    // A block may read more than two nodes; the drawing only orders edges by this.
    edges.push({ id, from, to, argIndex: (argIndex > 0 ? 1 : 0) as 0 | 1 });
    inEdges[to]!.push(id);
    outEdges[from]!.push(id);
    edgeToSource.push(sourceEdge);
    return id;
  };
  for (let v = 0; v < m; v++) {
    const src = source.nodes[toSourceList[v]!]!;
    const owner = ownerOf[src.id]!;
    if (owner < 0) {
      nodes.push({ ...src, id: v, args: src.args.map((a) => fromSource[a]!), spans: src.spans });
      for (const e of source.inEdges[src.id] ?? []) {
        const edge = source.edges[e]!;
        edgeFromSource[e] = link(fromSource[edge.from]!, v, edge.argIndex, e);
      }
      continue;
    }
    const block = blockList[owner]!;
    blocks.set(v, block);
    const shown = block.args.filter((a) => foldedIn[a]! < 0);
    nodes.push({
      id: v,
      kind: 'op',
      op: 'block',
      args: shown.map((a) => fromSource[a]!),
      name: src.name,
      wengertIndex: src.wengertIndex,
      label: blockLabel(blockShortLabel(block.name)),
      binding: block.name,
      spans: block.inner.flatMap((id) => source.nodes[id]!.spans),
      ...(block.params.length > 0 ? { folded: [...block.params] } : {}),
    });
    const edgeOfArg = new Map<number, number>();
    shown.forEach((a, j) => edgeOfArg.set(a, link(fromSource[a]!, v, j, -1)));
    for (const id of block.inner) {
      for (const e of source.inEdges[id] ?? []) {
        const via = edgeOfArg.get(source.edges[e]!.from);
        if (via !== undefined) edgeFromSource[e] = via;
      }
    }
  }
  const foldedAt = new Int32Array(n).fill(-1);
  for (let id = 0; id < n; id++) {
    const i = foldedIn[id]!;
    if (i >= 0) foldedAt[id] = fromSource[blockList[i]!.node]!;
  }
  // The inputs still drawn (a folded one is written on its block).
  const drawn = source.inputs.map((id, i) => ({ id, i })).filter(({ id }) => fromSource[id]! >= 0);
  const graph: Graph = {
    nodes,
    edges,
    variables: drawn.map(({ i }) => source.variables[i]!),
    inputs: drawn.map(({ id }) => fromSource[id]!),
    output: source.output >= 0 ? fromSource[source.output]! : -1,
    outputs: source.outputs.map((o) => (o >= 0 ? fromSource[o]! : -1)),
    inEdges,
    outEdges,
    tape: viewTape(source.tape, toSourceList, nodes, inEdges, blocks),
  };
  return {
    source,
    graph,
    collapsed: blockList.map((b) => b.name),
    toSource: Int32Array.from(toSourceList),
    fromSource,
    edgeToSource: Int32Array.from(edgeToSource),
    edgeFromSource,
    blocks,
    ownerOf,
    foldedAt,
    blockList,
  };
}

/** The view node showing source node `id`: its own, or the block a folded parameter is on. */
function shownAt(view: BlockView, id: number): number {
  const v = view.fromSource[id]!;
  return v >= 0 ? v : view.foldedAt[id]!;
}

/** The block's arguments drawn as nodes (its folded parameters are not), in its edges' order. */
function drawnArgs(view: BlockView, block: Block): number[] {
  return block.args.filter((a) => view.fromSource[a]! >= 0);
}

function viewTape(
  source: Tape,
  toSource: number[],
  nodes: GraphNode[],
  inEdges: number[][],
  blocks: Map<number, Block>,
): Tape {
  const m = nodes.length;
  const tape: Tape = {
    opIndex: new Int16Array(m),
    arg0: new Int32Array(m).fill(-1),
    arg1: new Int32Array(m).fill(-1),
    constant: new Float64Array(m),
    edge0: new Int32Array(m).fill(-1),
    edge1: new Int32Array(m).fill(-1),
  };
  for (let v = 0; v < m; v++) {
    const s = toSource[v]!;
    tape.opIndex[v] = blocks.has(v) ? OP_INPUT : source.opIndex[s]!;
    tape.constant[v] = source.constant[s]!;
    if (blocks.has(v)) continue;
    tape.arg0[v] = nodes[v]!.args[0] ?? -1;
    tape.arg1[v] = nodes[v]!.args[1] ?? -1;
    tape.edge0[v] = inEdges[v]![0] ?? -1;
    tape.edge1[v] = inEdges[v]![1] ?? -1;
  }
  return tape;
}

/**
 * ∂(binding)/∂(argument) for each of the block's arguments, by a reverse pass over the block
 * alone (its inner nodes feed nothing outside it, so this is the whole story).
 */
export function blockPartials(graph: Graph, block: Block, partials: Float64Array): number[] {
  const adjoint = new Map<number, number>([[block.node, 1]]);
  for (let k = block.inner.length - 1; k >= 0; k--) {
    const id = block.inner[k]!;
    const a = adjoint.get(id) ?? 0;
    for (const e of graph.inEdges[id] ?? []) {
      const edge = graph.edges[e]!;
      adjoint.set(edge.from, (adjoint.get(edge.from) ?? 0) + a * partials[e]!);
    }
  }
  return block.args.map((a) => adjoint.get(a) ?? 0);
}

/** The evaluation as the view sees it: values per view node, partials per view edge. */
export function viewEvaluation(view: BlockView, evaluation: Evaluation): Evaluation {
  const { graph, toSource, edgeToSource } = view;
  const values = new Float64Array(graph.nodes.length);
  for (let v = 0; v < values.length; v++) values[v] = evaluation.values[toSource[v]!]!;
  const partials = new Float64Array(graph.edges.length);
  for (let e = 0; e < partials.length; e++) {
    const s = edgeToSource[e]!;
    if (s >= 0) partials[e] = evaluation.partials[s]!;
  }
  for (const [v, block] of view.blocks) {
    const jac = blockPartials(view.source, block, evaluation.partials);
    for (const e of graph.inEdges[v] ?? []) {
      const j = block.args.indexOf(toSource[graph.edges[e]!.from]!);
      partials[e] = jac[j] ?? NaN;
    }
  }
  const conventions = new Map<number, string>();
  for (const [id, rule] of evaluation.conventions) {
    const v = view.fromSource[id]!;
    if (v >= 0 && !view.blocks.has(v)) conventions.set(v, rule);
  }
  return { values, partials, conventions };
}

// ---------------------------------------------------------------------------------------------
// Steps: the player's steps with blocks collapsed

export interface StepGroup {
  /** Source steps done once this step is shown (the frame to show is the source frame here). */
  end: number;
  /** The source steps this one stands for, in order. */
  steps: number[];
  /** The collapsed block this step is, or null for an ordinary step. */
  block: Block | null;
  /** The step in view ids (a block's: one evaluate, or one propagate to its arguments). */
  view: Step;
  /** A collapsed block's step, what flows between it and each folded parameter (source ids), with
   *  no edge in the view to carry it: backwards, the adjoint reaching the parameter; forwards,
   *  the tangent a moving parameter brings to the block. Empty for every other step. */
  params: ParamFlow[];
}

export interface ParamFlow {
  /** The parameter (source node). */
  to: number;
  /** ∂(binding)/∂(parameter) through the block. */
  partial: number;
  /** What the partial multiplies: the block's adjoint (reverse) or the parameter's tangent. */
  factor: number;
  amount: number;
}

const nodeOfStep = (s: Step): number =>
  s.kind === 'evaluate' || s.kind === 'propagate' ? s.node : -1;

/** The trace's steps as the player shows them with `view`'s blocks collapsed, in order. */
export function groupSteps(trace: Trace, view: BlockView): StepGroup[] {
  const keyed = new Map<string, number[]>();
  const order: { key: string; last: number }[] = [];
  trace.steps.forEach((step, i) => {
    const node = nodeOfStep(step);
    const owner = node >= 0 ? view.ownerOf[node]! : -1;
    const key = owner >= 0 ? `${owner}:${step.kind}` : `s${i}`;
    const list = keyed.get(key);
    if (list) list.push(i);
    else {
      keyed.set(key, [i]);
      order.push({ key, last: i });
    }
  });
  for (const o of order) o.last = keyed.get(o.key)!.at(-1)!;
  order.sort((a, b) => a.last - b.last);
  const tangents = trace.mode === 'forward' ? tangentsOf(trace) : null;
  const jacobians = new Map<Block, number[]>();
  const jacobian = (b: Block) => {
    let j = jacobians.get(b);
    if (!j) jacobians.set(b, (j = blockPartials(trace.graph, b, trace.evaluation.partials)));
    return j;
  };
  return order.map(({ key, last }) => {
    const steps = keyed.get(key)!;
    const first = trace.steps[steps[0]!]!;
    const node = nodeOfStep(first);
    const owner = node >= 0 ? view.ownerOf[node]! : -1;
    if (owner < 0)
      return { end: last + 1, steps, block: null, view: mapStep(view, first), params: [] };
    const block = view.blockList[owner]!;
    if (first.kind === 'evaluate') {
      const jac = jacobian(block);
      const step = blockEvaluate(trace, view, block, jac, tangents);
      const params: ParamFlow[] = [];
      for (const to of tangents ? block.params : []) {
        const t = tangents![to]!;
        if (t === 0 || view.fromSource[to]! >= 0) continue;
        const partial = jac[block.args.indexOf(to)]!;
        params.push({ to, partial, factor: t, amount: partial * t });
      }
      return { end: last + 1, steps, block, view: step, params };
    }
    const { step, params } = blockPropagate(trace, view, block, steps, jacobian(block));
    return { end: last + 1, steps, block, view: step, params };
  });
}

function tangentsOf(trace: Trace): Float64Array {
  const t = new Float64Array(trace.graph.nodes.length);
  for (const s of trace.steps)
    if (s.kind === 'evaluate' && s.tangent !== undefined) t[s.node] = s.tangent;
  return t;
}

function mapContribution(view: BlockView, c: Contribution): Contribution {
  return {
    ...c,
    edge: view.edgeFromSource[c.edge]!,
    from: view.fromSource[c.from]!,
    to: view.fromSource[c.to]!,
  };
}

function mapStep(view: BlockView, step: Step): Step {
  const id = (n: number) => shownAt(view, n);
  switch (step.kind) {
    case 'evaluate':
      return {
        ...step,
        node: id(step.node),
        ...(step.contributions
          ? { contributions: step.contributions.map((c) => mapContribution(view, c)) }
          : {}),
      };
    case 'seed-adjoint':
      return { ...step, node: id(step.node) };
    case 'seed-tangents':
      return {
        ...step,
        tangents: step.tangents
          .filter((t) => view.fromSource[t.node]! >= 0)
          .map((t) => ({ ...t, node: view.fromSource[t.node]! })),
      };
    case 'propagate':
      return {
        ...step,
        node: id(step.node),
        contributions: step.contributions.map((c) => mapContribution(view, c)),
      };
  }
}

function blockEdges(view: BlockView, block: Block): number[] {
  const v = view.fromSource[block.node]!;
  return view.graph.inEdges[v] ?? [];
}

function blockEvaluate(
  trace: Trace,
  view: BlockView,
  block: Block,
  jac: number[],
  tangents: Float64Array | null,
): Step {
  const v = view.fromSource[block.node]!;
  const value = trace.evaluation.values[block.node]!;
  if (!tangents) return { kind: 'evaluate', node: v, value };
  const contributions: Contribution[] = [];
  let sum = 0;
  const args = drawnArgs(view, block);
  blockEdges(view, block).forEach((edge, j) => {
    const from = args[j]!;
    if (trace.graph.nodes[from]?.kind === 'constant') return;
    const t = tangents[from]!;
    const partial = jac[block.args.indexOf(from)]!;
    // An argument that does not move along the seed carries exactly 0, as in forward.ts.
    const amount = t === 0 ? 0 : partial * t;
    const before = sum;
    sum += amount;
    contributions.push({
      edge,
      from: view.fromSource[from]!,
      to: v,
      partial,
      amount,
      before,
      after: sum,
    });
  });
  return { kind: 'evaluate', node: v, value, tangent: tangents[block.node]!, contributions };
}

function blockPropagate(
  trace: Trace,
  view: BlockView,
  block: Block,
  steps: number[],
  jac: number[],
): { step: Step; params: ParamFlow[] } {
  const v = view.fromSource[block.node]!;
  const head = trace.steps[steps[0]!]!;
  const adjoint = head.kind === 'propagate' ? head.adjoint : NaN;
  // What reached each argument from inside the block, in the order it arrived.
  const reached = new Map<number, { amount: number; before: number; after: number }>();
  for (const i of steps) {
    const s = trace.steps[i]!;
    if (s.kind !== 'propagate') continue;
    for (const c of s.contributions) {
      if (view.ownerOf[c.to] === view.ownerOf[block.node]) continue;
      const r = reached.get(c.to);
      if (r) {
        r.amount += c.amount;
        r.after = c.after;
      } else reached.set(c.to, { amount: c.amount, before: c.before, after: c.after });
    }
  }
  const contributions: Contribution[] = [];
  const args = drawnArgs(view, block);
  blockEdges(view, block).forEach((edge, j) => {
    const to = args[j]!;
    const r = reached.get(to);
    if (!r) return;
    const partial = jac[block.args.indexOf(to)]!;
    contributions.push({ edge, from: v, to: view.fromSource[to]!, partial, ...r });
  });
  const params: ParamFlow[] = [];
  for (const to of block.params) {
    const r = reached.get(to);
    if (r && view.fromSource[to]! < 0) {
      params.push({ to, partial: jac[block.args.indexOf(to)]!, factor: adjoint, amount: r.amount });
    }
  }
  return { step: { kind: 'propagate', node: v, adjoint, contributions }, params };
}

/** The source step count at visible step `k` (0 … groups.length). */
export function sourceStepAt(groups: readonly StepGroup[], k: number): number {
  if (k <= 0) return 0;
  return groups[Math.min(k, groups.length) - 1]!.end;
}

/** The visible step showing source step `s`: the number of groups finished by then. */
export function visibleStepAt(groups: readonly StepGroup[], s: number): number {
  let lo = 0;
  let hi = groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (groups[mid]!.end <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The frame to draw on the view at visible step `k`, from the source frame at
 * `sourceStepAt(groups, k)`: numbers per view node, the grouped step as the current one.
 */
export function viewFrame(
  view: BlockView,
  groups: readonly StepGroup[],
  source: Frame,
  k: number,
): Frame {
  const m = view.graph.nodes.length;
  const pick = (arr: (number | null)[]) => {
    const out = new Array<number | null>(m);
    for (let v = 0; v < m; v++) out[v] = arr[view.toSource[v]!] ?? null;
    return out;
  };
  const total = groups.length;
  const step = Math.max(0, Math.min(total, k));
  const current = step > 0 ? groups[step - 1]!.view : null;
  return {
    step,
    total,
    current,
    values: pick(source.values),
    adjoints: pick(source.adjoints),
    tangents: pick(source.tangents),
    // A folded parameter's step shows on its block, which reads no edge at it.
    activeEdges:
      current &&
      step > 0 &&
      groups[step - 1]!.block === null &&
      view.blocks.has(nodeOfStep(current))
        ? []
        : activeEdgesOf(view.graph, current),
    phase: phaseOf(current, step, total),
  };
}

function activeEdgesOf(graph: Graph, current: Step | null): number[] {
  if (!current) return [];
  if (current.kind === 'evaluate') return [...(graph.inEdges[current.node] ?? [])];
  if (current.kind === 'propagate') return current.contributions.map((c) => c.edge);
  return [];
}

function phaseOf(current: Step | null, step: number, total: number): Frame['phase'] {
  if (!current) return 'start';
  if (step === total) return 'done';
  if (current.kind === 'evaluate') return 'forward';
  if (current.kind === 'propagate') return 'reverse';
  return 'seed';
}

// ---------------------------------------------------------------------------------------------
// Words

const ops = (n: number) => `${n} operation${n === 1 ? '' : 's'}`;

/** What a collapsed block's step says: a summary of its inner steps; null for other steps. */
export function explainBlockStep(
  view: BlockView,
  group: StepGroup,
): { title: string; lines: string[] } | null {
  const block = group.block;
  if (!block) return null;
  const { source } = view;
  const label = blockLabel(block.name);
  const nameOf = (id: number) => {
    const n = source.nodes[id];
    if (!n) return '?';
    if (n.kind === 'op' && n.binding !== undefined) return blockLabel(n.binding);
    return n.variable ?? n.name;
  };
  const step = group.view;
  if (step.kind === 'evaluate') {
    const from = block.args.filter((a) => source.nodes[a]?.kind !== 'constant').map(nameOf);
    const lines = [
      `${label} = ${formatNumber(step.value)}, computed from ${from.length > 0 ? from.join(', ') : 'constants'} in ${ops(block.operations)}.`,
    ];
    if (step.tangent !== undefined) {
      lines.push(`Its tangent: ${formatNumber(step.tangent)}.`);
      // A moving parameter is written on the block: no edge shows what it brings.
      for (const f of group.params) {
        const p = nameOf(f.to);
        lines.push(
          `From ${p}: ∂${label}/∂${p} · ${p}'s tangent = ${formatNumber(f.partial)} · ${formatNumber(f.factor)} = ${formatNumber(f.amount)}.`,
        );
      }
    }
    lines.push('Expand the block to see each operation.');
    return { title: `${label} computed: ${ops(block.operations)}`, lines };
  }
  if (step.kind === 'propagate') {
    // In the order the block reads its arguments, the parameters written on it among them.
    const flows = new Map<number, { partial: number; amount: number }>();
    for (const c of step.contributions) flows.set(view.toSource[c.to]!, c);
    for (const f of group.params) flows.set(f.to, f);
    const lines = block.args.flatMap((id) => {
      const c = flows.get(id);
      if (!c) return [];
      const to = nameOf(id);
      return [
        `adjoint of ${to} += ${formatNumber(step.adjoint)} · ∂${label}/∂${to} = ${formatNumber(step.adjoint)} · ${formatNumber(c.partial)} = ${formatNumber(c.amount)}`,
      ];
    });
    lines.push(`(${ops(block.operations)} inside ${label}, taken as one step.)`);
    return {
      title: `${label}'s adjoint flows back through ${ops(block.operations)}`,
      lines,
    };
  }
  return null;
}
