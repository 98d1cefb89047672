// The one place the store calls into ad-core, so a change in an engine signature is fixed here
// and nowhere else.
import { buildTrace, checkGradient, compile, defaultStep, frameAt, gradient, gradientChecker, sweepErrors } from '../../ad-core/index.ts';
import type {
  BuildResult,
  CheckRow,
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

export function traceFor(graph: Graph, point: Point, mode: Mode, seed: Point): Trace {
  return buildTrace(graph, point, mode, mode === 'forward' ? seed : undefined);
}

export function frameFor(trace: Trace, step: number): Frame {
  return frameAt(trace, step);
}

export function checksFor(graph: Graph, point: Point, method: FdMethod, h: number | null): CheckRow[] {
  return checkGradient(graph, point, h === null ? { method } : { method, h });
}

/** The same check, one row at a time (for formulas with many variables: see lazyChecks.ts). */
export function checkerFor(graph: Graph, point: Point, method: FdMethod, h: number | null): GradientChecker {
  return gradientChecker(graph, point, h === null ? { method } : { method, h });
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
