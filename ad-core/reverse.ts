// Reverse mode: adjoints v̄ = ∂f/∂v, accumulated with += over edges in reverse tape order.
import { seedValues, sweepValues } from './evaluate.ts';
import { OP_CONSTANT, outputAncestors } from './graph.ts';
import { sweepAdjointsInPlace } from './ops.ts';
import type { Evaluation, GradientResult, Graph, Point, ReverseResult } from './types.ts';

/**
 * Adjoints of every node (output seeded with 1) and, per edge, the amount it added to its `from`
 * node. Only nodes the output depends on propagate; edges from constants carry nothing
 * (contribution 0), so `(x−3)^2` never shows a NaN adjoint on the constant 2.
 */
export function reverse(graph: Graph, evaluation: Evaluation): ReverseResult {
  const { opIndex, arg0, arg1, edge0, edge1 } = graph.tape;
  const { partials } = evaluation;
  const live = outputAncestors(graph);
  const adjoints = new Float64Array(opIndex.length);
  const contributions = new Float64Array(graph.edges.length);
  if (graph.output < 0) return { adjoints, contributions };
  adjoints[graph.output] = 1;
  for (let i = graph.output; i >= 0; i--) {
    if (opIndex[i]! < 0 || live[i] === 0) continue;
    const adj = adjoints[i]!;
    const a0 = arg0[i]!;
    const a1 = arg1[i]!;
    if (opIndex[a0] !== OP_CONSTANT) {
      const e = edge0[i]!;
      const amount = adj * partials[e]!;
      contributions[e] = amount;
      adjoints[a0] = adjoints[a0]! + amount;
    }
    if (a1 >= 0 && opIndex[a1] !== OP_CONSTANT) {
      const e = edge1[i]!;
      const amount = adj * partials[e]!;
      contributions[e] = amount;
      adjoints[a1] = adjoints[a1]! + amount;
    }
  }
  return { adjoints, contributions };
}

/**
 * Value and gradient at `point` in two flat sweeps (values forward; partials and adjoints
 * backward, arithmetic inlined, one fused partials call per other node), with no per-edge arrays
 * or convention lookups:
 * the cheap-gradient path the benchmark measures. Same numbers as `reverse(evaluate(…))`.
 * Constants' adjoint slots here are scratch (they may pick up a NaN, e.g. the exponent of
 * `(x−3)^2`): nothing flows out of a constant and only the inputs' adjoints are returned.
 */
export function gradient(graph: Graph, point: Point): GradientResult {
  const values = seedValues(graph, point);
  sweepValues(graph, values);
  const { opIndex, arg0, arg1 } = graph.tape;
  const adjoints = new Float64Array(opIndex.length);
  const out = graph.output;
  if (out >= 0) {
    adjoints[out] = 1;
    sweepAdjointsInPlace(opIndex, arg0, arg1, values, adjoints, outputAncestors(graph), out);
  }
  const grad: Point = {};
  graph.variables.forEach((name, k) => {
    grad[name] = adjoints[graph.inputs[k]!]!;
  });
  return { value: out >= 0 ? values[out]! : NaN, gradient: grad };
}
