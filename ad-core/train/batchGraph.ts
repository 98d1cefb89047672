// The batch view: the training loss as one graph. Each row of the batch is a copy of the
// per-example graph with its data read in as constants, bound as a block `row1`, `row2`, … (the
// data row's own number), and the copies feed one `mean` block: (row₁ + row₂ + …) / N. The
// parameters stay shared inputs, so the reverse pass of this graph ends with the batch gradient
// the training step uses, and the mean's adjoint 1 reaches every row as 1/N.
//
// Only the first `drawn` rows are blocks of their own; the rest are summed inside one block
// `rest`, so a drawing of a 200-row batch stays readable while its numbers stay the whole batch's.
// A per-example graph's own bindings are not kept as blocks here: a row is the unit of the view.
import { literalName } from '../format.ts';
import { buildTape, NodeBuilder, wireEdges } from '../graph-builder.ts';
import { outputAncestors } from '../graph.ts';
import type { Graph, GraphNode } from '../types.ts';
import type { TrainModel } from './model.ts';

/** Rows drawn as blocks of their own; later rows are summed in the block `rest`. */
export const BATCH_DRAWN_ROWS = 20;
/** The most nodes a batch graph may have (it is traced and checked like any formula). */
export const MAX_BATCH_NODES = 10_000;
export const BATCH_REST = 'rest';
export const BATCH_MEAN = 'mean';

export interface BatchGraph {
  graph: Graph;
  /** Data rows in the batch, in the order they are summed (0-based). */
  rows: Int32Array;
  /** How many of them are blocks of their own (the rest are inside `rest`). */
  drawn: number;
  /** Every block of the graph: `row…` for the drawn rows, then `rest` (if any), then `mean`. */
  blockNames: string[];
}

export type BatchGraphResult =
  { ok: true; batch: BatchGraph } | { ok: false; nodes: number; maxRows: number; rowCount: number };

/** Block name of data row `row` (0-based): `row1` for the first. */
export function batchRowName(row: number): string {
  return `row${row + 1}`;
}

/**
 * The batch graph of `model` over `rows` (null: every row, in order). Refused, with the row count
 * that would fit, when it would pass `maxNodes`.
 */
export function batchGraph(
  model: TrainModel,
  rows: Int32Array | null,
  drawn = BATCH_DRAWN_ROWS,
  maxNodes = MAX_BATCH_NODES,
): BatchGraphResult {
  const source = model.graph;
  const order = rows ?? Int32Array.from({ length: model.table.rowCount }, (_, i) => i);
  const live = outputAncestors(source);
  const paramSet = new Set(model.params);
  const dataColumn = new Map<number, Float64Array>();
  model.dataNodes.forEach((id, k) => dataColumn.set(id, model.dataColumns[k]!));
  const liveParams = source.variables.filter(
    (v, k) => paramSet.has(v) && live[source.inputs[k]!] === 1,
  );
  let perRow = 0;
  for (const node of source.nodes) if (live[node.id] === 1 && !paramInput(node)) perRow++;
  function paramInput(node: GraphNode): boolean {
    return node.kind === 'input' && node.variable !== undefined && paramSet.has(node.variable);
  }
  // Parameters, one copy of each row, a sum node per row and the mean's divisor and division.
  const total = liveParams.length + order.length * (perRow + 1) + 2;
  if (source.output < 0 || order.length === 0 || total > maxNodes) {
    return {
      ok: false,
      nodes: total,
      maxRows: Math.max(0, Math.floor((maxNodes - liveParams.length - 2) / (perRow + 1))),
      rowCount: order.length,
    };
  }

  const b = new NodeBuilder();
  const shared = new Int32Array(source.nodes.length).fill(-1);
  liveParams.forEach((name, i) => {
    const id = source.inputs[source.variables.indexOf(name)]!;
    shared[id] = b.input(name, i + 1 - liveParams.length, source.nodes[id]!.spans);
  });
  const shownRows = order.length <= drawn + 1 ? order.length : drawn;
  const copy = new Int32Array(source.nodes.length);
  const rowOutputs: number[] = [];
  order.forEach((row, r) => {
    for (const node of source.nodes) {
      if (live[node.id] !== 1) continue;
      if (shared[node.id]! >= 0) copy[node.id] = shared[node.id]!;
      else if (node.kind === 'input') {
        const column = dataColumn.get(node.id);
        const value = column ? column[row]! : NaN;
        copy[node.id] = b.constant(value, node.spans, literalName(value));
      } else if (node.kind === 'constant') {
        copy[node.id] = b.constant(node.constant ?? NaN, node.spans, node.label);
      } else {
        copy[node.id] = b.op(
          node.op,
          node.args.map((a) => copy[a]!),
          node.spans,
        );
      }
    }
    const out = copy[source.output]!;
    const outNode = b.nodes[out]!;
    if (r < shownRows && outNode.kind === 'op') outNode.binding = batchRowName(row);
    rowOutputs.push(out);
  });
  const sum = (ids: readonly number[]) => {
    let acc = ids[0]!;
    for (let k = 1; k < ids.length; k++) acc = b.op('add', [acc, ids[k]!], []);
    return acc;
  };
  const blockNames = Array.from(order.subarray(0, shownRows), batchRowName).filter(
    (_, r) => b.nodes[rowOutputs[r]!]!.kind === 'op',
  );
  let sumAll = sum(rowOutputs.slice(0, shownRows));
  if (shownRows < order.length) {
    const rest = sum(rowOutputs.slice(shownRows));
    const restNode = b.nodes[rest]!;
    if (restNode.kind === 'op') restNode.binding = BATCH_REST;
    blockNames.push(BATCH_REST);
    sumAll = b.op('add', [sumAll, rest], []);
  }
  const n = b.constant(order.length, [], literalName(order.length));
  const mean = b.op('div', [sumAll, n], [], BATCH_MEAN);
  blockNames.push(BATCH_MEAN);
  const inputs = liveParams.map((name) => shared[source.inputs[source.variables.indexOf(name)]!]!);
  const wired = wireEdges(b.nodes);
  const graph: Graph = {
    nodes: b.nodes,
    edges: wired.edges,
    variables: liveParams,
    inputs,
    output: mean,
    outputs: [mean],
    inEdges: wired.inEdges,
    outEdges: wired.outEdges,
    tape: buildTape(b.nodes, wired.inEdges),
  };
  return { ok: true, batch: { graph, rows: order, drawn: shownRows, blockNames } };
}
