// The chain-rule sums the node-details panel writes out, term by term, at the current frame.
import type { Evaluation, Frame, Graph } from '../../ad-core/index.ts';

export interface Term {
  edge: number;
  /** The consumer (reverse) or argument (forward) on the other end of the edge. */
  otherName: string;
  /** Its adjoint (reverse) or tangent (forward); null while not yet known at this step. */
  other: number | null;
  partial: number;
  amount: number | null;
}

export interface ChainSum {
  terms: Term[];
  /** The node's adjoint or tangent at this frame; null while not yet known. */
  total: number | null;
}

/** v̄ⱼ = Σ over consumers c of v̄_c · ∂v_c/∂vⱼ, one term per edge (x·x gives two). */
export function adjointTerms(graph: Graph, evaluation: Evaluation, frame: Frame, id: number): ChainSum {
  const terms = (graph.outEdges[id] ?? []).map((e): Term => {
    const edge = graph.edges[e]!;
    const other = frame.adjoints[edge.to] ?? null;
    const partial = evaluation.partials[e] ?? Number.NaN;
    return { edge: e, otherName: graph.nodes[edge.to]?.name ?? '?', other, partial, amount: other === null ? null : other * partial };
  });
  return { terms, total: frame.adjoints[id] ?? null };
}

/** v̇ₖ = Σ over arguments j of ∂vₖ/∂vⱼ · v̇ⱼ. */
export function tangentTerms(graph: Graph, evaluation: Evaluation, frame: Frame, id: number): ChainSum {
  const terms = (graph.inEdges[id] ?? []).map((e): Term => {
    const edge = graph.edges[e]!;
    const other = frame.tangents[edge.from] ?? null;
    const partial = evaluation.partials[e] ?? Number.NaN;
    return { edge: e, otherName: graph.nodes[edge.from]?.name ?? '?', other, partial, amount: other === null ? null : partial * other };
  });
  return { terms, total: frame.tangents[id] ?? null };
}

/** `v₃` → `v̄₃` (the bar goes on the letter, not the subscript). */
export function barName(name: string): string {
  return decorate(name, '\u0304');
}

/** `v₃` → `v̇₃`. */
export function dotName(name: string): string {
  return decorate(name, '\u0307');
}

function decorate(name: string, mark: string): string {
  const first = [...name][0];
  if (first === undefined) return name;
  return first + mark + name.slice(first.length);
}
