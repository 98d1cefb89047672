// Second order: the Hessian by forward-over-reverse. One Hessian-vector product per input: the
// reverse sweep is differentiated along a direction u (forward mode over it), so every adjoint v̄
// gets a tangent v̄̇ = ∂v̄/∂u, and the inputs' v̄̇ are the column H·u. The local partials' own
// derivatives come from the ops table's second-order row field; nothing here names an operation.
import { evaluate } from './evaluate.ts';
import { activeNodes, forward, seedTangents } from './forward.ts';
import { OP_CONSTANT, outputAncestors } from './graph.ts';
import { OPS_BY_INDEX } from './ops.ts';
import { gradient } from './reverse.ts';
import type { CheckStatus, Evaluation, Graph, Point } from './types.ts';

/** The Hessian is shown and checked for at most this many variables (an 8 × 8 matrix). */
export const HESSIAN_MAX_VARIABLES = 8;

/** One entry ∂²f/∂xᵢ∂xⱼ with its finite-difference witness. */
export interface HessianEntry {
  /** Forward-over-reverse value. */
  ad: number;
  /** Central difference of the reverse-mode gradient along xⱼ. */
  fd: number;
  absError: number;
  status: Extract<CheckStatus, 'pass' | 'mismatch' | 'nonfinite'>;
}

export type HessianResult =
  | {
      ok: true;
      variables: string[];
      value: number;
      /** ∂f/∂xᵢ, parallel to `variables`. */
      gradient: number[];
      /** matrix[i][j] = ∂²f/∂xᵢ∂xⱼ (row i = derivative of ∂f/∂xᵢ; column j = one H·eⱼ pass). */
      matrix: number[][];
      check: HessianEntry[][];
      /** Step used for each column's difference (relative ∛ε, scaled by max(1, |xⱼ|)). */
      steps: number[];
      /** "Agrees" when |ad − fd| ≤ tolerance · max(1, |ad|). */
      tolerance: number;
    }
  | {
      ok: false;
      code: 'too-many-variables';
      message: string;
      hint: string;
      variables: number;
      limit: number;
    };

export const HESSIAN_TOLERANCE = 1e-6;

/** h·t, where a zero second partial or an unmoved argument contributes nothing at all. */
function times(h: number, t: number): number {
  return h === 0 || t === 0 ? 0 : h * t;
}

function checkStatusOf(ad: number, fd: number, tolerance: number): HessianEntry['status'] {
  if (!Number.isFinite(ad) || !Number.isFinite(fd)) return 'nonfinite';
  return Math.abs(ad - fd) <= tolerance * Math.max(1, Math.abs(ad)) ? 'pass' : 'mismatch';
}

/**
 * H·u at `point` along `direction` (variable → component; missing = 0) from an evaluation of
 * `graph` at that point. Zeros are skipped, as PyTorch's double backward skips undefined
 * gradients: an argument that does not move along u, or a second partial that is 0, adds no
 * ∂(partial)/∂u term, and an adjoint tangent that never received a term passes none on, so an
 * infinite partial elsewhere (√y at y = 0) does not turn an unrelated entry into 0 · ∞ = NaN.
 */
export function hessianVectorColumn(
  graph: Graph,
  evaluation: Evaluation,
  direction: Point,
): Float64Array {
  const n = graph.nodes.length;
  const { opIndex, arg0, arg1, edge0, edge1 } = graph.tape;
  const { values, partials } = evaluation;
  const tangents = forward(graph, evaluation, direction).tangents;
  const active = activeNodes(graph, seedTangents(graph, direction));
  const live = outputAncestors(graph);
  const adj = new Float64Array(n);
  const adjDot = new Float64Array(n);
  const touched = new Uint8Array(n);
  if (graph.output < 0) return adjDot;
  adj[graph.output] = 1;
  for (let i = graph.output; i >= 0; i--) {
    const code = opIndex[i]!;
    if (code < 0 || live[i] === 0) continue;
    const row = OPS_BY_INDEX[code]!;
    const a0 = arg0[i]!;
    const a1 = arg1[i]!;
    const va = values[a0]!;
    const vb = a1 >= 0 ? values[a1]! : 0;
    const [haa, hab, hbb] = row.second(va, vb, values[i]!);
    const moves0 = active[a0] === 1 && opIndex[a0] !== OP_CONSTANT;
    const moves1 = a1 >= 0 && active[a1] === 1 && opIndex[a1] !== OP_CONSTANT;
    // d(partial)/du along the direction: the second partials times the arguments' tangents. A
    // second partial that is 0 adds no term (a + b, the a² slot of a·b): an infinite tangent
    // through a linear op must not become 0 · ∞ = NaN.
    const t0 = moves0 ? tangents[a0]! : 0;
    const t1 = moves1 ? tangents[a1]! : 0;
    const dp0 = times(haa, t0) + times(hab, t1);
    const dp1 = times(hab, t0) + times(hbb, t1);
    const has0 = (haa !== 0 && t0 !== 0) || (hab !== 0 && t1 !== 0);
    const has1 = (hab !== 0 && t0 !== 0) || (hbb !== 0 && t1 !== 0);
    const pass = (arg: number, edge: number, dp: number, hasDp: boolean) => {
      if (opIndex[arg] === OP_CONSTANT) return;
      const p = partials[edge]!;
      adj[arg] = adj[arg]! + adj[i]! * p;
      if (touched[i] === 1) {
        adjDot[arg] = adjDot[arg]! + adjDot[i]! * p;
        touched[arg] = 1;
      }
      if (hasDp) {
        adjDot[arg] = adjDot[arg]! + adj[i]! * dp;
        touched[arg] = 1;
      }
    };
    pass(a0, edge0[i]!, dp0, has0);
    if (a1 >= 0) pass(a1, edge1[i]!, dp1, has1);
  }
  return adjDot;
}

/** H·u for one direction, keyed by variable name (with the value and gradient at the point). */
export function hessianVectorProduct(
  graph: Graph,
  point: Point,
  direction: Point,
): { value: number; gradient: Point; hv: Point } {
  const evaluation = evaluate(graph, point);
  const column = hessianVectorColumn(graph, evaluation, direction);
  const g = gradient(graph, point);
  const hv: Point = Object.create(null) as Point;
  graph.variables.forEach((name, k) => {
    hv[name] = column[graph.inputs[k]!]!;
  });
  return { value: g.value, gradient: g.gradient, hv };
}

/**
 * The Hessian at `point`, one forward-over-reverse pass per input, each entry checked against a
 * central difference of the reverse-mode gradient. More than HESSIAN_MAX_VARIABLES variables give
 * a diagnostic-like result instead (the matrix would not fit on a page and teaches nothing more).
 */
export function hessian(graph: Graph, point: Point): HessianResult {
  const { variables, inputs } = graph;
  const n = variables.length;
  if (n > HESSIAN_MAX_VARIABLES) {
    return {
      ok: false,
      code: 'too-many-variables',
      message: `The Hessian is shown for up to ${HESSIAN_MAX_VARIABLES} variables; this formula has ${n}.`,
      hint: 'Fix some variables to numbers to look at the curvature in the others.',
      variables: n,
      limit: HESSIAN_MAX_VARIABLES,
    };
  }
  const evaluation = evaluate(graph, point);
  const g = gradient(graph, point);
  const matrix: number[][] = variables.map(() => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const direction: Point = Object.create(null) as Point;
    variables.forEach((name, k) => {
      direction[name] = k === j ? 1 : 0;
    });
    const column = hessianVectorColumn(graph, evaluation, direction);
    for (let i = 0; i < n; i++) matrix[i]![j] = column[inputs[i]!]!;
  }

  const steps: number[] = [];
  const fd: number[][] = variables.map(() => new Array<number>(n).fill(NaN));
  for (let j = 0; j < n; j++) {
    const xj = point[variables[j]!] ?? NaN;
    const h = Math.cbrt(Number.EPSILON) * (Number.isFinite(xj) ? Math.max(1, Math.abs(xj)) : 1);
    steps.push(h);
    const at = (t: number) => {
      const p: Point = Object.create(null) as Point;
      for (const name of variables) p[name] = point[name] ?? NaN;
      p[variables[j]!] = t;
      return gradient(graph, p).gradient;
    };
    const plus = at(xj + h);
    const minus = at(xj - h);
    // The step actually taken, (xj + h) − (xj − h), not 2h: they differ by rounding.
    const width = xj + h - (xj - h);
    for (let i = 0; i < n; i++) {
      const name = variables[i]!;
      fd[i]![j] = (plus[name]! - minus[name]!) / width;
    }
  }
  const check = matrix.map((rowValues, i) =>
    rowValues.map((ad, j) => {
      const f = fd[i]![j]!;
      const absError = Math.abs(ad - f);
      return { ad, fd: f, absError, status: checkStatusOf(ad, f, HESSIAN_TOLERANCE) };
    }),
  );
  return {
    ok: true,
    variables: [...variables],
    value: g.value,
    gradient: variables.map((name) => g.gradient[name]!),
    matrix,
    check,
    steps,
    tolerance: HESSIAN_TOLERANCE,
  };
}
