// The model's prediction inside a per-example loss: for `(w*x+b-y)^2` it is `w*x+b`, for
// `p = sigmoid(…); -(y*log(p) + (1-y)*log(1-p))` it is `p`. Found as the last named binding (else
// the last node) that depends on the parameters and the inputs but not on the target column, so
// the fitted curve and the decision boundary can be drawn for any formula written this way.
import { OP_CONSTANT, OP_INPUT } from '../graph.ts';
import { opValue } from '../ops.ts';
import type { TrainModel } from './model.ts';

export interface Prediction {
  /** Node whose value is the prediction. */
  node: number;
  /** Data names the prediction reads (the model's inputs), in the graph's variable order. */
  inputs: string[];
  /** The data name it is compared with (the target), the table's last column used by the loss. */
  target: string;
}

/** The prediction of `model`, or null when the loss has no recognisable prediction. */
export function findPrediction(model: TrainModel): Prediction | null {
  const { graph } = model;
  const usedColumns = model.table.columns.filter((c) => model.dataNames.includes(c));
  const target = usedColumns[usedColumns.length - 1];
  if (target === undefined || usedColumns.length < 2) return null;
  const n = graph.nodes.length;
  // Bit masks of what each node depends on: 1 parameters, 2 inputs, 4 target.
  const deps = new Uint8Array(n);
  const inputNames = new Set(usedColumns.slice(0, -1));
  const params = new Set(model.params);
  graph.inputs.forEach((id, k) => {
    const name = graph.variables[k]!;
    deps[id] = params.has(name) ? 1 : name === target ? 4 : inputNames.has(name) ? 2 : 0;
  });
  let best = -1;
  let bestBinding = -1;
  for (let i = 0; i < n; i++) {
    const node = graph.nodes[i]!;
    if (node.kind !== 'op') continue;
    for (const a of node.args) deps[i] = deps[i]! | deps[a]!;
    if (deps[i] === 3) {
      best = i;
      if (node.binding !== undefined) bestBinding = i;
    }
  }
  const node = bestBinding >= 0 ? bestBinding : best;
  if (node < 0) return null;
  return { node, inputs: [...inputNames], target };
}

/**
 * The prediction at each of `count` points: `inputs[k][i]` is the value of prediction.inputs[k]
 * at point i. Writes into `out` (count long). Values only, one sweep per point.
 */
export function predictMany(
  model: TrainModel,
  prediction: Prediction,
  params: Float64Array,
  inputs: readonly Float64Array[],
  out: Float64Array,
): void {
  const { graph } = model;
  const { opIndex, arg0, arg1, constant } = graph.tape;
  const values = Float64Array.from(constant);
  model.params.forEach((p, k) => {
    const v = graph.variables.indexOf(p);
    if (v >= 0) values[graph.inputs[v]!] = params[k]!;
  });
  const inputNodes = prediction.inputs.map((name) => graph.inputs[graph.variables.indexOf(name)]!);
  const last = prediction.node;
  for (let i = 0; i < out.length; i++) {
    for (let k = 0; k < inputNodes.length; k++) values[inputNodes[k]!] = inputs[k]![i]!;
    for (let j = 0; j <= last; j++) {
      const code = opIndex[j]!;
      if (code === OP_INPUT || code === OP_CONSTANT) continue;
      const b = arg1[j]!;
      values[j] = opValue(code, values[arg0[j]!]!, b >= 0 ? values[b]! : 0);
    }
    out[i] = values[last]!;
  }
}
