// The trace table as data: one row per non-constant node in tape order, with what is known at
// the current frame. Constants are not rows of their own; they appear inline in the operations
// that use them (`v₅ = v₄ + 1`), as in the Wengert lists of the textbooks.
import { OPS_BY_ID } from '../../ad-core/index.ts';
import type { Frame, Graph, GraphNode, Mode, Step, Trace } from '../../ad-core/index.ts';

export interface PartialCell {
  edge: number;
  /** `∂v₃/∂v₁`, with `(1st arg)`/`(2nd arg)` when both arguments are the same node (`x*x`). */
  label: string;
  /** Argument node the partial is taken with respect to. */
  wrt: number;
  value: number | null;
}

export interface TraceRow {
  nodeId: number;
  kind: GraphNode['kind'];
  /** Wengert name, `v₃`. */
  name: string;
  /** `v₃ = v₁ · v₂`, `v₄ = sin(v₃)`, `v₋₁ = x`. */
  operation: string;
  value: number | null;
  partials: PartialCell[];
  /** Forward mode's tangent (v̇), reverse mode's adjoint (v̄); null while unknown. */
  derivative: number | null;
  /** This row is the node the current step is about. */
  current: boolean;
  /** The current step changed this row's derivative (a contribution arrived). */
  updated: boolean;
}

export interface TraceTableModel {
  mode: Mode;
  /** `Tangent v̇` or `Adjoint v̄`. */
  derivativeHeading: string;
  rows: TraceRow[];
  /** Node id of the current step's row, if there is one. */
  currentNode: number | null;
  /** Number of constants left out of the rows. */
  constantsOmitted: number;
}

/** `v₃ = v₁ · v₂` etc., from the ops table; arguments by their Wengert names (constants by value). */
export function operationText(graph: Graph, node: GraphNode): string {
  if (node.kind === 'input') return `${node.name} = ${node.variable ?? node.label}`;
  if (node.kind === 'constant') return node.name;
  const args = node.args.map((id) => graph.nodes[id]?.name ?? '?');
  return `${node.name} = ${expressionText(node.op, args)}`;
}

function expressionText(op: string, args: string[]): string {
  const spec = OPS_BY_ID[op];
  const [a = '?', b = '?'] = args;
  if (!spec) return `${op}(${args.join(', ')})`;
  if (op === 'neg') return `−${a}`;
  if (op === 'abs') return `|${a}|`;
  if (spec.infix !== undefined) {
    return spec.arity === 2 ? `${a} ${spec.infix} ${b}` : `${spec.infix}${a}`;
  }
  return `${spec.symbol}(${args.join(', ')})`;
}

/** The node a step is about: the node evaluated, seeded or propagated. */
export function stepNode(step: Step | null): number | null {
  if (!step) return null;
  switch (step.kind) {
    case 'evaluate':
    case 'seed-adjoint':
    case 'propagate':
      return step.node;
    case 'seed-tangents':
      return null;
  }
}

/** Nodes whose tangent or adjoint the current step changed. */
export function updatedNodes(step: Step | null): Set<number> {
  const out = new Set<number>();
  if (!step) return out;
  switch (step.kind) {
    case 'evaluate':
      if (step.tangent !== undefined) out.add(step.node);
      break;
    case 'seed-adjoint':
      out.add(step.node);
      break;
    case 'seed-tangents':
      for (const t of step.tangents) out.add(t.node);
      break;
    case 'propagate':
      for (const c of step.contributions) out.add(c.to);
      break;
  }
  return out;
}

function partialCells(trace: Trace, frame: Frame, node: GraphNode): PartialCell[] {
  const { graph, evaluation } = trace;
  const known = frame.values[node.id] !== null && frame.values[node.id] !== undefined;
  const inEdges = graph.inEdges[node.id] ?? [];
  const duplicate = node.args.length === 2 && node.args[0] === node.args[1];
  const cells: PartialCell[] = [];
  for (const edgeId of inEdges) {
    const edge = graph.edges[edgeId];
    if (!edge) continue;
    const from = graph.nodes[edge.from];
    // A partial with respect to a constant carries nothing anywhere; leaving it out keeps rows short.
    if (!from || from.kind === 'constant') continue;
    const which = duplicate ? (edge.argIndex === 0 ? ' (1st arg)' : ' (2nd arg)') : '';
    cells.push({
      edge: edgeId,
      label: `∂${node.name}/∂${from.name}${which}`,
      wrt: from.id,
      value: known ? (evaluation.partials[edgeId] ?? null) : null,
    });
  }
  return cells;
}

export function traceTableModel(trace: Trace, frame: Frame): TraceTableModel {
  const { graph, mode } = trace;
  const currentNode = stepNode(frame.current);
  const updated = updatedNodes(frame.current);
  const derivatives = mode === 'forward' ? frame.tangents : frame.adjoints;
  const rows: TraceRow[] = [];
  let constantsOmitted = 0;
  for (const node of graph.nodes) {
    if (node.kind === 'constant') {
      constantsOmitted += 1;
      continue;
    }
    rows.push({
      nodeId: node.id,
      kind: node.kind,
      name: node.name,
      operation: operationText(graph, node),
      value: frame.values[node.id] ?? null,
      partials: node.kind === 'op' ? partialCells(trace, frame, node) : [],
      derivative: derivatives[node.id] ?? null,
      current: node.id === currentNode,
      updated: updated.has(node.id),
    });
  }
  return {
    mode,
    derivativeHeading: mode === 'forward' ? 'Tangent v̇' : 'Adjoint v̄',
    rows,
    currentNode,
    constantsOmitted,
  };
}
