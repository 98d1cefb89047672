// What reverse mode saves in training: the operations one gradient of the batch loss costs by
// reverse mode (one forward and one backward sweep per row, for every parameter at once), by
// forward mode (one tangent pass per parameter) and by central differences (two loss evaluations
// per parameter). Extrapolated to more parameters the way a dense network grows: its graph (every
// weight one multiply-add per example) grows in proportion to its parameters.
import { outputAncestors } from '../graph.ts';
import type { Graph } from '../types.ts';

export interface GraphSize {
  /** Operations the loss evaluates per example (those the loss depends on). */
  ops: number;
  /** Their edges: one multiply-add each in a backward or tangent sweep. */
  edges: number;
}

export function graphSize(graph: Graph): GraphSize {
  const live = outputAncestors(graph);
  let ops = 0;
  let edges = 0;
  for (const node of graph.nodes) {
    if (node.kind !== 'op' || live[node.id] !== 1) continue;
    ops++;
    edges += node.args.length;
  }
  return { ops, edges };
}

export interface GradientCost {
  params: number;
  rows: number;
  /** Sweeps over the batch: reverse 1 backward pass, forward N passes, central differences 2N. */
  reversePasses: number;
  forwardPasses: number;
  fdPasses: number;
  reverseOps: number;
  forwardOps: number;
  fdOps: number;
}

/** The cost of one batch gradient at `params` parameters (the graph scaled from `base`'s). */
export function gradientCost(
  size: GraphSize,
  baseParams: number,
  params: number,
  rows: number,
): GradientCost {
  const scale = baseParams > 0 ? params / baseParams : 1;
  const ops = size.ops * scale;
  const edges = size.edges * scale;
  const perPass = rows * (ops + edges);
  return {
    params,
    rows,
    reversePasses: 1,
    forwardPasses: params,
    fdPasses: 2 * params,
    reverseOps: perPass,
    forwardOps: params * perPass,
    fdOps: 2 * params * rows * ops,
  };
}

/** Slider position (0–1) → parameter count, on a log scale from `from` to a million. */
export const MAX_EXTRAPOLATED_PARAMS = 1_000_000;
export function paramsAt(position: number, from: number): number {
  const lo = Math.max(1, from);
  if (lo >= MAX_EXTRAPOLATED_PARAMS) return lo;
  const t = Math.min(1, Math.max(0, position));
  return Math.round(lo * (MAX_EXTRAPOLATED_PARAMS / lo) ** t);
}
