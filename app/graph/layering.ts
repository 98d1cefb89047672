// Which column each node of a formula's graph goes in, in linear time. d3-dag's simplex layering
// solves a linear program (about half of a 100-node layout, most of the time from keystroke to
// drawing); a formula's graph is simple enough that a longest-path layering does as well:
// inputs in the first column, every operation right of its arguments, each constant in the column
// just before its first consumer, and of "as early" and "as late as possible" whichever makes the
// edges shorter (fewer bends, fewer crossings to untangle).
import type { Graph as DagGraph, GraphNode as DagNode, Layering } from 'd3-dag';
import type { NodeKind } from '../../ad-core/index.ts';

/**
 * Layer indices for the nodes `0..n-1` of a graph given as links `from → to` (an acyclic graph
 * whose sinks are all `output`). Pure, for testing.
 */
export function formulaLayers(
  kinds: readonly NodeKind[],
  links: readonly (readonly [number, number])[],
): number[] {
  const n = kinds.length;
  const parents: number[][] = Array.from({ length: n }, () => []);
  const children: number[][] = Array.from({ length: n }, () => []);
  for (const [from, to] of links) {
    parents[to]!.push(from);
    children[from]!.push(to);
  }
  const order = topologicalOrder(n, parents, children);
  const isConstant = (i: number) => kinds[i] === 'constant';
  // An input that is also the output (`a = y*2; x`) has the unused bindings linked into it.
  const pinned = (i: number) => kinds[i] === 'input' && parents[i]!.length === 0;

  // As early as possible: one column right of the latest non-constant argument.
  const early = new Array<number>(n).fill(0);
  for (const i of order) {
    if (pinned(i) || isConstant(i)) continue;
    let layer = 1;
    for (const p of parents[i]!) if (!isConstant(p)) layer = Math.max(layer, early[p]! + 1);
    early[i] = layer;
  }

  // As late as possible: as many columns before the output as its longest path to it.
  const toSink = new Array<number>(n).fill(0);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    for (const c of children[i]!) toSink[i] = Math.max(toSink[i]!, toSink[c]! + 1);
  }
  let last = 1;
  for (let i = 0; i < n; i++) {
    if (isConstant(i)) continue;
    // An operation on constants alone must still stay right of the inputs' column.
    last = Math.max(last, toSink[i]! + (pinned(i) ? 0 : 1));
  }
  const late = toSink.map((d, i) => (pinned(i) ? 0 : last - d));

  const placeConstants = (layers: number[]) => {
    for (let i = 0; i < n; i++) {
      if (!isConstant(i)) continue;
      let first = Infinity;
      for (const c of children[i]!) first = Math.min(first, layers[c]!);
      layers[i] = Number.isFinite(first) ? Math.max(0, first - 1) : 0;
    }
    return layers;
  };
  placeConstants(early);
  placeConstants(late);
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
  if (order.length !== n) throw new Error('the graph has a cycle');
  return order;
}

/**
 * A d3-dag layering operator for the graph built by computeLayout (node data = index into
 * `kinds`): sets each node's `y` so that consecutive layers respect `sep`, returns the height.
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
