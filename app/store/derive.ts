// Everything the screen shows is derived from a handful of inputs by this one pure function.
// Each stage is reused when its own inputs did not change, so dragging a slider re-evaluates
// but does not re-parse, and moving the step cursor recomputes nothing here at all.
import type { BuildResult, Diagnostic, Evaluation, FdMethod, Graph, Mode, Point, Trace } from '../../ad-core/index.ts';
import { emptyPoint, focusOutput, pointGet } from '../../ad-core/index.ts';
import { compileSource, traceFor } from './core.ts';
import { bugViewFor, type BugView } from './bugs.ts';
import { evaluationAt } from './evaluationCache.ts';
import type { Bug } from '../../ad-core/index.ts';

export type SeedChoice = { kind: 'variable'; name: string } | { kind: 'custom'; vector: Point };

export interface Inputs {
  source: string;
  /** Every value the user (or an example, or a link) set, including for variables no longer used. */
  point: Point;
  mode: Mode;
  seed: SeedChoice;
  method: FdMethod;
  /** null: the method's default step. */
  h: number | null;
  /** Compile with identical subexpressions merged into one shared node (a DAG, not a tree). */
  merge: boolean;
  /** The bug lab's chosen bug (reverse mode only); absent or null: the correct pass. */
  bug?: Bug | null;
  /** Several outputs: which one (0-based) the reverse pass and the check follow; absent: the first. */
  output?: number;
  /** A graph to show instead of the formula's own (training's batch view); absent or null: none. */
  graphOverride?: Graph | null;
}

export interface Derived {
  /** The source these diagnostics belong to. */
  source: string;
  /** Diagnostics of the current source; empty when it compiles. */
  diagnostics: Diagnostic[];
  /** The last graph that compiled (or the override shown instead); null only if nothing ever compiled. */
  graph: Graph | null;
  /** The formula's own graph, set only while `graph` is an override (training's batch view). */
  sourceGraph?: Graph | null;
  /** The graph is from an earlier text because the current one does not compile. */
  stale: boolean;
  /** The graph's variables at the values in use (user's value, or the default). */
  point: Point;
  /** Forward mode's tangent seed per variable. */
  seedVector: Point;
  evaluation: Evaluation | null;
  trace: Trace | null;
  /** Non-null when the engine itself failed (a bug, not a user error). */
  internalError: string | null;
  // Stage keys, for reuse. method and h are carried for the gradient check, which is derived
  // lazily (selectChecks) so typing never waits for finite differences.
  pointKey: string;
  seedKey: string;
  method: FdMethod;
  h: number | null;
  mode: Mode;
  merge: boolean;
  /** With a bug chosen: the buggy pass (then `trace` and `evaluation` are its own). */
  bugView: BugView | null;
}

export const DEFAULT_VARIABLE_VALUE = 1;

/** The value in use for each variable of the graph. */
export function effectivePoint(graph: Graph, point: Point): Point {
  const out = emptyPoint();
  for (const name of graph.variables) {
    const v = pointGet(point, name);
    out[name] = typeof v === 'number' && Number.isFinite(v) ? v : DEFAULT_VARIABLE_VALUE;
  }
  return out;
}

/** Forward mode's seed direction: a unit vector along one variable, or the user's own vector. */
export function seedVector(graph: Graph, seed: SeedChoice): Point {
  const out = emptyPoint();
  const chosen =
    seed.kind === 'variable' && graph.variables.includes(seed.name) ? seed.name : graph.variables[0];
  for (const name of graph.variables) {
    if (seed.kind === 'custom') {
      const v = pointGet(seed.vector, name);
      out[name] = typeof v === 'number' && Number.isFinite(v) ? v : 0;
    } else {
      out[name] = name === chosen ? 1 : 0;
    }
  }
  return out;
}

/** A point's identity for reuse (the compile worker keys the evaluation it sends with it). */
export function pointKeyOf(p: Point): string {
  return Object.entries(p)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
}

/**
 * `built`, when given, is the compiled `inputs.source` (from the compile worker); without it the
 * source is compiled here when it changed.
 */
export function derive(prev: Derived | null, inputs: Inputs, built?: BuildResult): Derived {
  try {
    return deriveUnsafe(prev, inputs, built);
  } catch (err) {
    // The engine is not supposed to throw on any input; if it does, keep the last good picture.
    const message = err instanceof Error ? err.message : String(err);
    const base = prev ?? emptyDerived(inputs);
    return { ...base, internalError: message };
  }
}

function emptyDerived(inputs: Inputs): Derived {
  return {
    source: inputs.source,
    diagnostics: [],
    graph: null,
    stale: true,
    point: {},
    seedVector: {},
    evaluation: null,
    trace: null,
    internalError: null,
    pointKey: '',
    seedKey: '',
    method: inputs.method,
    h: inputs.h,
    mode: inputs.mode,
    merge: inputs.merge,
    bugView: null,
  };
}

function deriveUnsafe(prev: Derived | null, inputs: Inputs, fromWorker?: BuildResult): Derived {
  let graph = prev?.sourceGraph ?? prev?.graph ?? null;
  let diagnostics = prev?.diagnostics ?? [];
  let stale = prev?.stale ?? true;

  if (!prev || prev.source !== inputs.source || prev.merge !== inputs.merge) {
    const built = fromWorker ?? compileSource(inputs.source, inputs.merge);
    if (built.ok) {
      graph = built.graph;
      diagnostics = [];
      stale = false;
    } else {
      diagnostics = built.diagnostics;
      stale = true;
    }
  }
  if (!graph) {
    return { ...emptyDerived(inputs), diagnostics };
  }
  const own = focusOutput(graph, inputs.output ?? 0);
  const override = inputs.graphOverride ?? null;
  graph = override ?? own;
  const graphChanged = graph !== (prev?.graph ?? null);

  const point = effectivePoint(graph, inputs.point);
  const pointKey = pointKeyOf(point);
  const seed = seedVector(graph, inputs.seed);
  const seedKey = pointKeyOf(seed);
  const pointChanged = graphChanged || !prev || prev.pointKey !== pointKey;

  const traceSame =
    !pointChanged && prev?.trace && prev.mode === inputs.mode && (inputs.mode === 'reverse' || prev.seedKey === seedKey);
  const prevTrace = prev?.bugView?.correct ?? prev?.trace;
  const trace =
    traceSame && prevTrace
      ? prevTrace
      : traceFor(graph, point, inputs.mode, seed, evaluationAt(graph, pointKey));
  // The trace evaluates the graph itself; reuse the previous evaluation object when the point did
  // not change, so components keyed on it do not re-render for a mode switch.
  const correctEvaluation =
    !pointChanged && prev?.evaluation && !prev.bugView ? prev.evaluation : trace.evaluation;
  const bugView = bugViewFor(trace, inputs.bug, prev?.bugView ?? null);
  const evaluation = bugView ? bugView.pass.trace.evaluation : correctEvaluation;


  return {
    source: inputs.source,
    diagnostics,
    graph,
    stale,
    point: pointChanged || !prev ? point : prev.point,
    seedVector: prev && prev.seedKey === seedKey && !graphChanged ? prev.seedVector : seed,
    evaluation,
    trace: bugView ? bugView.pass.trace : trace,
    internalError: null,
    pointKey,
    seedKey,
    method: inputs.method,
    h: inputs.h,
    mode: inputs.mode,
    merge: inputs.merge,
    bugView,
    ...(override ? { sourceGraph: own } : {}),
  };
}
