// What the full gradient costs in each mode, counted on the current tape. The model is the one
// the textbooks use: an elementary operation is one op evaluated or one multiply-add along an
// edge (tangent in forward mode, adjoint contribution in reverse mode). Edges from constants
// carry no derivative, so they are not counted.
import type { Graph } from '../../ad-core/index.ts';

export interface ModeCost {
  passes: number;
  /** Op evaluations over all passes. */
  evaluations: number;
  /** Multiply-adds over all passes (one per derivative-carrying edge per pass). */
  multiplyAdds: number;
  total: number;
  /** Intermediate values that must be kept until the end (reverse mode stores the tape). */
  stored: number;
}

export interface CostComparison {
  inputs: number;
  outputs: number;
  /** Operation nodes on the tape. */
  ops: number;
  /** Edges that carry a tangent or adjoint (their argument is not a constant). */
  edges: number;
  forward: ModeCost;
  reverse: ModeCost;
  cheaper: 'forward' | 'reverse' | 'tie';
  /** One or two sentences on why, in terms of inputs and outputs. */
  explanation: string;
}

export function derivativeEdges(graph: Graph): number {
  return graph.edges.filter((e) => graph.nodes[e.from]?.kind !== 'constant').length;
}

export function opCount(graph: Graph): number {
  return graph.nodes.filter((n) => n.kind === 'op').length;
}

export function compareModes(graph: Graph): CostComparison {
  const n = graph.variables.length;
  const ops = opCount(graph);
  const edges = derivativeEdges(graph);
  // Forward mode pushes one seed direction eᵢ per pass, recomputing values alongside tangents.
  const forward: ModeCost = {
    passes: n,
    evaluations: n * ops,
    multiplyAdds: n * edges,
    total: n * (ops + edges),
    stored: 0,
  };
  // Reverse mode: one forward sweep recording the tape, one backward sweep over every edge.
  const reverse: ModeCost = {
    passes: 2,
    evaluations: ops,
    multiplyAdds: edges,
    total: ops + edges,
    stored: ops,
  };
  const cheaper = forward.total < reverse.total ? 'forward' : reverse.total < forward.total ? 'reverse' : 'tie';
  return { inputs: n, outputs: 1, ops, edges, forward, reverse, cheaper, explanation: explain(n, cheaper) };
}

function explain(n: number, cheaper: CostComparison['cheaper']): string {
  const fn = `f: ℝ${superscript(n)} → ℝ`;
  if (n === 0) return `${fn} has no inputs, so there is no gradient to compute.`;
  if (cheaper === 'tie') {
    return `${fn} has one input and one output, so both modes need about the same work; reverse mode also has to store the tape.`;
  }
  if (cheaper === 'reverse') {
    return `${fn} has ${n} inputs and one output: forward mode needs one pass per input to build the gradient, reverse mode gets every partial from a single backward pass, at the price of storing the tape.`;
  }
  return `${fn}: forward mode is cheaper here because there are few inputs; each pass gives one column of the Jacobian.`;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
export function superscript(n: number): string {
  const s = String(Math.abs(Math.trunc(n)))
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)] ?? d)
    .join('');
  return n < 0 ? `⁻${s}` : s;
}

export interface MergeComparison {
  treeNodes: number;
  mergedNodes: number;
  treeOps: number;
  mergedOps: number;
  /** Nodes removed by merging identical subexpressions. */
  saved: number;
}

export function compareMerge(tree: Graph, merged: Graph): MergeComparison {
  return {
    treeNodes: tree.nodes.length,
    mergedNodes: merged.nodes.length,
    treeOps: opCount(tree),
    mergedOps: opCount(merged),
    saved: tree.nodes.length - merged.nodes.length,
  };
}
