// Which column each node of a formula's graph goes in, in linear time. A formula's graph is simple
// enough that a longest-path layering serves: every operation right of its arguments, each input
// and constant in the column just before its first consumer (the first column for most inputs;
// a network's later weights and biases sit beside the neuron they feed, as micrograd draws them,
// instead of making the first column taller than a screen), the output alone in the last column,
// and of "as early" and "as late as possible" whichever makes the edges shorter (fewer bends,
// fewer crossings to untangle).
//
// Sinks other than the output (bindings nobody uses) are treated as if they fed a virtual node in
// the output's column, so they end left of it, and never as arguments of the output: when the
// output is an input that an unused binding reads (`z = w*x + b` then `x`), a link into the output
// would close a cycle.
import type { Graph as DagGraph, GraphNode as DagNode, Layering } from 'd3-dag';
import type { NodeKind } from '../../ad-core/index.ts';

/**
 * Layer indices for the nodes `0..n-1` of an acyclic graph given as links `from → to`, whose
 * result is node `output` (default: the last node without consumers). Pure, for testing.
 */
export function formulaLayers(
  kinds: readonly NodeKind[],
  links: readonly (readonly [number, number])[],
  output?: number,
): number[] {
  const n = kinds.length;
  if (n === 0) return [];
  const parents: number[][] = Array.from({ length: n }, () => []);
  const children: number[][] = Array.from({ length: n }, () => []);
  for (const [from, to] of links) {
    parents[to]!.push(from);
    children[from]!.push(to);
  }
  let out = output ?? -1;
  if (out < 0) for (let i = n - 1; i >= 0 && out < 0; i--) if (children[i]!.length === 0) out = i;
  if (out < 0) out = n - 1;
  const order = topologicalOrder(n, parents, children);
  const isConstant = (i: number) => kinds[i] === 'constant';
  // The output goes alone in the last column when nothing consumes it (almost always); only an
  // output that something else reads (an input an unused binding uses) stays where it belongs.
  const outIsSink = children[out]!.length === 0 && n > 1;
  const pinned = (i: number) => kinds[i] === 'input' && !(i === out && outIsSink);

  // As early as possible: one column right of the latest non-constant argument.
  const early = new Array<number>(n).fill(0);
  for (const i of order) {
    if (pinned(i) || isConstant(i)) continue;
    let layer = 1;
    for (const p of parents[i]!) if (!isConstant(p)) layer = Math.max(layer, early[p]! + 1);
    early[i] = layer;
  }

  // As late as possible: as many columns before the output as its longest path to a sink, where
  // an unused sink counts one column short of the output.
  const toSink = new Array<number>(n).fill(0);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    if (children[i]!.length === 0) toSink[i] = i === out ? 0 : 1;
    for (const c of children[i]!) toSink[i] = Math.max(toSink[i]!, toSink[c]! + 1);
  }
  let last = 1;
  for (let i = 0; i < n; i++) {
    if (isConstant(i)) continue;
    // An operation on constants alone must still stay right of the inputs' column.
    last = Math.max(last, toSink[i]! + (pinned(i) ? 0 : 1));
  }
  const late = toSink.map((d, i) => (pinned(i) ? 0 : last - d));

  const finish = (layers: number[]) => {
    for (let i = 0; i < n; i++) {
      if (!(isConstant(i) || pinned(i)) || i === out) continue;
      let first = Infinity;
      for (const c of children[i]!) first = Math.min(first, layers[c]!);
      layers[i] = Number.isFinite(first) ? Math.max(0, first - 1) : 0;
    }
    if (outIsSink) {
      let right = 0;
      for (let i = 0; i < n; i++) if (i !== out) right = Math.max(right, layers[i]!);
      layers[out] = Math.max(isConstant(out) ? 0 : layers[out]!, right + 1);
    } else if (isConstant(out)) {
      layers[out] = 0;
    }
    return layers;
  };
  finish(early);
  finish(late);
  const span = (layers: number[]) => links.reduce((s, [a, b]) => s + layers[b]! - layers[a]!, 0);
  return span(late) <= span(early) ? late : early;
}

function topologicalOrder(n: number, parents: number[][], children: number[][]): number[] {
  const waiting = parents.map((p) => p.length);
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (waiting[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) {
    for (const c of children[order[k]!]!) if (--waiting[c]! === 0) order.push(c);
  }
  // Only a malformed graph (never one the compiler builds) gets here.
  if (order.length !== n) throw new Error('the graph has a cycle');
  return order;
}

/**
 * A d3-dag layering operator for the graph built by the d3-dag comparison layout (node data =
 * index into `kinds`): sets each node's `y` so that consecutive layers respect `sep`, returns the
 * height.
 */
export function formulaLayering(kinds: readonly NodeKind[]): Layering<number, unknown> {
  return <N extends number, L>(
    dag: DagGraph<N, L>,
    sep: (upper: DagNode<N, L> | undefined, lower: DagNode<N, L> | undefined) => number,
  ): number => {
    const nodes = [...dag.nodes()];
    const links: [number, number][] = [];
    for (const link of dag.links()) links.push([link.source.data, link.target.data]);
    const layerOf = formulaLayers(kinds, links);
    const layers: DagNode<N, L>[][] = [];
    for (const node of nodes) (layers[layerOf[node.data]!] ??= []).push(node);
    let y = 0;
    let previous: DagNode<N, L>[] | undefined;
    for (const layer of layers) {
      if (!layer) continue;
      let gap = 0;
      for (const lower of layer) {
        if (!previous) gap = Math.max(gap, sep(undefined, lower));
        else for (const upper of previous) gap = Math.max(gap, sep(upper, lower));
      }
      y += gap;
      for (const node of layer) node.y = y;
      previous = layer;
    }
    let bottom = 0;
    for (const node of previous ?? []) bottom = Math.max(bottom, sep(node, undefined));
    return y + bottom;
  };
}
