// The one place the store calls into ad-core, so a change in an engine signature is fixed here
// and nowhere else.
import { buildTrace, checkGradient, compile, defaultStep, frameAt, gradient, gradientChecker, reverse, sweepErrors } from '../../ad-core/index.ts';
import type {
  BuildResult,
  CheckRow,
  Evaluation,
  FdMethod,
  GradientChecker,
  Frame,
  Graph,
  Mode,
  Point,
  SweepPoint,
  Trace,
} from '../../ad-core/index.ts';

export function compileSource(source: string, mergeCommonSubexpressions = false): BuildResult {
  return compile(source, { mergeCommonSubexpressions });
}

/** `evaluation`, when given, must be `evaluate(graph, point)` (see evaluationCache.ts). */
export function traceFor(
  graph: Graph,
  point: Point,
  mode: Mode,
  seed: Point,
  evaluation?: Evaluation,
): Trace {
  return buildTrace(graph, point, mode, mode === 'forward' ? seed : undefined, evaluation);
}

export function frameFor(trace: Trace, step: number): Frame {
  return frameAt(trace, step);
}

export function checksFor(graph: Graph, point: Point, method: FdMethod, h: number | null): CheckRow[] {
  return checkGradient(graph, point, h === null ? { method } : { method, h });
}

/**
 * The same check, one row at a time (for formulas with many variables: see lazyChecks.ts).
 * `evaluation`, when given, must be `evaluate(graph, point)`: the AD column is then its reverse
 * pass, not a second evaluation of the whole graph.
 */
export function checkerFor(
  graph: Graph,
  point: Point,
  method: FdMethod,
  h: number | null,
  evaluation?: Evaluation,
): GradientChecker {
  const ad = evaluation ? adjointsOfInputs(graph, evaluation) : undefined;
  return gradientChecker(graph, point, h === null ? { method } : { method, h }, ad);
}

function adjointsOfInputs(graph: Graph, evaluation: Evaluation): number[] {
  const { adjoints } = reverse(graph, evaluation);
  return graph.inputs.map((node) => adjoints[node] ?? NaN);
}

export function gradientAt(graph: Graph, point: Point): Point {
  return gradient(graph, point).gradient;
}

export function sweepFor(graph: Graph, point: Point, variable: string): SweepPoint[] {
  return sweepErrors(graph, point, variable);
}

/** The step the gradient check really takes at `x` (a user's h is scaled by max(1, |x|), as in ad-core). */
export function stepUsed(method: FdMethod, h: number | null, x: number): number {
  if (h === null) return defaultStep(method, x);
  return h * (Number.isFinite(x) ? Math.max(1, Math.abs(x)) : 1);
}
