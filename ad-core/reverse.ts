// Reverse mode: adjoints v̄ = ∂f/∂v, accumulated with += over edges in reverse tape order.
import { pointValue } from './evaluate.ts';
import { OP_CONSTANT, outputAncestors } from './graph.ts';
import { gradientSweepCode, sweepValuesAndPartials } from './ops.ts';
import { emptyPoint } from './point.ts';
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
 * What `gradient` keeps per graph: the op nodes the output depends on, in tape order, as flat
 * arrays (no branch per node on its kind, liveness or arity; `pow` with a constant exponent coded
 * so its unused logarithm is skipped), and work buffers reused call after call instead of fresh
 * arrays per call (`gradient` returns none of them).
 */
export interface GradientPlan {
  code: Int16Array;
  dst: Int32Array;
  src0: Int32Array;
  /** For a unary op, the spare last slot: its (NaN) second share of adjoint lands there. */
  src1: Int32Array;
  /** One slot per node plus the spare; constants are written once, inputs on every call. */
  values: Float64Array;
  adjoints: Float64Array;
  p0: Float64Array;
  p1: Float64Array;
}

const PLANS = new WeakMap<Graph, GradientPlan>();

function gradientPlan(graph: Graph): GradientPlan {
  const known = PLANS.get(graph);
  if (known) return known;
  const plan = newGradientPlan(graph);
  PLANS.set(graph, plan);
  return plan;
}

/** A fresh plan with buffers of its own (a caller that keeps one, such as a training model). */
export function newGradientPlan(graph: Graph): GradientPlan {
  const { opIndex, arg0, arg1, constant } = graph.tape;
  const n = opIndex.length;
  const live = outputAncestors(graph);
  let m = 0;
  for (let i = 0; i < n; i++) if (opIndex[i]! >= 0 && live[i] === 1) m++;
  const plan: GradientPlan = {
    code: new Int16Array(m),
    dst: new Int32Array(m),
    src0: new Int32Array(m),
    src1: new Int32Array(m),
    values: new Float64Array(n + 1),
    adjoints: new Float64Array(n + 1),
    p0: new Float64Array(m),
    p1: new Float64Array(m),
  };
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (opIndex[i]! < 0 || live[i] === 0) continue;
    plan.code[j] = gradientSweepCode(
      opIndex[i]!,
      arg1[i]! >= 0 && opIndex[arg1[i]!] === OP_CONSTANT,
    );
    plan.dst[j] = i;
    plan.src0[j] = arg0[i]!;
    plan.src1[j] = arg1[i]! >= 0 ? arg1[i]! : n;
    j++;
  }
  plan.values.set(constant);
  return plan;
}

/**
 * Value and gradient at `point`, the cheap-gradient path the benchmark measures, in two flat
 * sweeps over the nodes the output depends on: forward, each node's value and local partials (one
 * dispatch on its operation); backward, adjoints[arg] += adjoint · partial, the same arithmetic
 * for every node. No per-edge arrays, no convention lookups, no allocation but the result. Same
 * numbers as `reverse(evaluate(…))`: the same partials, accumulated in the same order.
 * Constants' adjoint slots here are scratch (they may pick up a NaN, e.g. the exponent of
 * `(x−3)^2`): nothing flows out of a constant and only the inputs' adjoints are returned.
 */
export function gradient(graph: Graph, point: Point): GradientResult {
  const plan = gradientPlan(graph);
  const { code, dst, src0, src1, values, adjoints, p0, p1 } = plan;
  const { inputs, variables } = graph;
  for (let k = 0; k < inputs.length; k++) values[inputs[k]!] = pointValue(point, variables[k]!);
  sweepValuesAndPartials(code, dst, src0, src1, values, p0, p1);
  adjoints.fill(0);
  const out = graph.output;
  if (out >= 0) {
    adjoints[out] = 1;
    for (let j = code.length - 1; j >= 0; j--) {
      const d = adjoints[dst[j]!]!;
      const a = src0[j]!;
      const b = src1[j]!;
      adjoints[a] = adjoints[a]! + d * p0[j]!;
      adjoints[b] = adjoints[b]! + d * p1[j]!;
    }
  }
  const grad = emptyPoint();
  for (let k = 0; k < inputs.length; k++) grad[variables[k]!] = adjoints[inputs[k]!]!;
  return { value: out >= 0 ? values[out]! : NaN, gradient: grad };
}
