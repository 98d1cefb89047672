// A per-example loss over parameters and data columns, and its batch gradient: the mean over rows
// of one reverse pass per row. The rows share one compiled sweep (the same flat arrays as
// `gradient` in reverse.ts): per row only the data inputs are rewritten, then a forward sweep of
// values and local partials and a backward sweep of adjoints; the parameters' adjoints are summed.
import { sweepValuesAndPartials } from '../ops.ts';
import { newGradientPlan, type GradientPlan } from '../reverse.ts';
import type { Graph } from '../types.ts';
import type { DataDiagnostic, DataTable } from './data.ts';

export interface TrainModel {
  graph: Graph;
  /** Trained names, in the order the caller gave them. */
  params: string[];
  /** Names read from a data column, in the graph's variable order. */
  dataNames: string[];
  table: DataTable;
  /** Node id of each parameter (-1 if the formula does not use it: its gradient is then 0). */
  paramNodes: Int32Array;
  /** Node id of each data name and the column array it reads. */
  dataNodes: Int32Array;
  dataColumns: Float64Array[];
  plan: GradientPlan;
}

export type ModelResult =
  { ok: true; model: TrainModel } | { ok: false; diagnostics: DataDiagnostic[] };

/**
 * Binds a compiled loss to a data table: every variable that is not a parameter must be a column.
 * A parameter the formula does not mention is allowed (its gradient is 0), like an unused weight.
 */
export function buildModel(graph: Graph, params: readonly string[], table: DataTable): ModelResult {
  const diagnostics: DataDiagnostic[] = [];
  const paramSet = new Set(params);
  const columnIndex = new Map(table.columns.map((c, i) => [c, i] as const));
  const dataNames: string[] = [];
  const dataNodes: number[] = [];
  const dataColumns: Float64Array[] = [];
  graph.variables.forEach((name, k) => {
    if (paramSet.has(name)) return;
    const c = columnIndex.get(name);
    if (c === undefined) {
      diagnostics.push({
        code: 'data-missing-column',
        message: `"${name}" is neither a parameter nor a column of the data (columns: ${table.columns.join(', ') || 'none'})`,
        span: { start: 0, end: table.columns.join(',').length },
        row: 0,
        column: name,
        hint: `Add a column "${name}" to the data, or mark ${name} as a parameter`,
      });
      return;
    }
    dataNames.push(name);
    dataNodes.push(graph.inputs[k]!);
    dataColumns.push(table.values[c]!);
  });
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const paramNodes = Int32Array.from(params, (p) => {
    const k = graph.variables.indexOf(p);
    return k < 0 ? -1 : graph.inputs[k]!;
  });
  return {
    ok: true,
    model: {
      graph,
      params: [...params],
      dataNames,
      table,
      paramNodes,
      dataNodes: Int32Array.from(dataNodes),
      dataColumns,
      plan: newGradientPlan(graph),
    },
  };
}

/**
 * Mean loss over `rows` (row indices; null = every row) at `params` (parallel to model.params),
 * with the mean gradient written into `grad`. An empty batch has loss NaN and gradient 0.
 */
export function batchLossAndGradient(
  model: TrainModel,
  params: Float64Array,
  rows: Int32Array | null,
  grad: Float64Array,
): number {
  const { code, dst, src0, src1, values, adjoints, p0, p1 } = model.plan;
  const { paramNodes, dataNodes, dataColumns } = model;
  const out = model.graph.output;
  const nParams = paramNodes.length;
  const nData = dataNodes.length;
  const count = rows === null ? model.table.rowCount : rows.length;
  grad.fill(0);
  if (count === 0 || out < 0) return NaN;
  const m = code.length;
  let total = 0;
  // Input slots are never written by the sweeps: the parameters are set once per batch.
  for (let k = 0; k < nParams; k++) {
    const id = paramNodes[k]!;
    if (id >= 0) values[id] = params[k]!;
  }
  for (let r = 0; r < count; r++) {
    const row = rows === null ? r : rows[r]!;
    for (let k = 0; k < nData; k++) values[dataNodes[k]!] = dataColumns[k]![row]!;
    sweepValuesAndPartials(code, dst, src0, src1, values, p0, p1);
    total += values[out]!;
    adjoints.fill(0);
    adjoints[out] = 1;
    for (let j = m - 1; j >= 0; j--) {
      const d = adjoints[dst[j]!]!;
      const a = src0[j]!;
      const b = src1[j]!;
      adjoints[a] = adjoints[a]! + d * p0[j]!;
      adjoints[b] = adjoints[b]! + d * p1[j]!;
    }
    for (let k = 0; k < nParams; k++) {
      const id = paramNodes[k]!;
      if (id >= 0) grad[k] = grad[k]! + adjoints[id]!;
    }
  }
  const scale = 1 / count;
  for (let k = 0; k < nParams; k++) grad[k] = grad[k]! * scale;
  return total * scale;
}

/** Mean loss over `rows` at `params`, values only (for finite differences and plots). */
export function batchLoss(
  model: TrainModel,
  params: Float64Array,
  rows: Int32Array | null,
): number {
  const grad = new Float64Array(params.length);
  return batchLossAndGradient(model, params, rows, grad);
}

/** The point (parameters and the row's data) one example is evaluated at, for the playground. */
export function rowPoint(
  model: TrainModel,
  params: Float64Array,
  row: number,
): Record<string, number> {
  const point = Object.create(null) as Record<string, number>;
  model.params.forEach((p, k) => {
    if (model.graph.variables.includes(p)) point[p] = params[k]!;
  });
  model.dataNames.forEach((name, k) => {
    point[name] = model.dataColumns[k]![row]!;
  });
  return point;
}
