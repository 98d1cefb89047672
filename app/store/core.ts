// The one place the store calls into ad-core, so a change in an engine signature is fixed here
// and nowhere else.
import { buildTrace, checkGradient, compile, frameAt } from '../../ad-core/index.ts';
import type {
  BuildResult,
  CheckRow,
  FdMethod,
  Frame,
  Graph,
  Mode,
  Point,
  Trace,
} from '../../ad-core/index.ts';

export function compileSource(source: string): BuildResult {
  return compile(source);
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
