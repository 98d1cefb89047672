// Data the teaching panels need beyond the trace, derived on demand (only when the panel that
// shows it is on screen) and cached per graph, so typing and stepping never pay for it.
import type { FdMethod, Graph, Point, SweepPoint } from '../../ad-core/index.ts';
import { pointGet } from '../../ad-core/index.ts';
import { compileSource, gradientAt, stepUsed, sweepFor } from './core.ts';
import type { Derived } from './derive.ts';

export interface TreeAndDag {
  /** The formula as written (repeated subexpressions kept apart). */
  tree: Graph;
  /** The same formula with common subexpressions merged; null if it did not compile. */
  merged: Graph | null;
}

const counterpart = new WeakMap<Graph, { source: string; graph: Graph | null }>();

/** Both compilations of the current graph's formula: the one on screen and the other one. */
export function selectTreeAndDag(d: Derived): TreeAndDag | null {
  const shown = d.graph;
  if (!shown) return null;
  // A stale graph belongs to an earlier text; its counterpart must be compiled from that text,
  // which the graph does not keep, so use the last counterpart computed for it (or none).
  let hit = counterpart.get(shown);
  if (!hit && !d.stale) {
    const built = compileSource(d.source, !d.merge);
    hit = { source: d.source, graph: built.ok ? built.graph : null };
    counterpart.set(shown, hit);
  }
  const other = hit?.graph ?? null;
  return d.merge ? { tree: other ?? shown, merged: shown } : { tree: shown, merged: other };
}

const gradients = new WeakMap<Graph, { key: string; gradient: Point }>();

/** ∂f/∂variable for every variable at the current point, by reverse mode (whatever mode is shown). */
export function selectGradient(d: Derived): Point {
  if (!d.graph) return {};
  const hit = gradients.get(d.graph);
  if (hit && hit.key === d.pointKey) return hit.gradient;
  let g: Point;
  try {
    g = gradientAt(d.graph, d.point);
  } catch {
    g = {};
  }
  gradients.set(d.graph, { key: d.pointKey, gradient: g });
  return g;
}

const sweeps = new WeakMap<Graph, { key: string; sweep: SweepPoint[] }>();

/** The error-versus-step-size sweep along one variable, cached per graph, point and variable. */
export function selectSweep(d: Derived, variable: string): SweepPoint[] {
  if (!d.graph) return [];
  const key = `${d.pointKey}|${variable}`;
  const hit = sweeps.get(d.graph);
  if (hit && hit.key === key) return hit.sweep;
  let sweep: SweepPoint[];
  try {
    sweep = sweepFor(d.graph, d.point, variable);
  } catch {
    sweep = [];
  }
  sweeps.set(d.graph, { key, sweep });
  return sweep;
}

/** The variable the plots follow: the chosen one if the formula still has it, else the first. */
export function plotVariableOf(d: Derived, chosen: string | null): string | null {
  const vars = d.graph?.variables ?? [];
  if (chosen !== null && vars.includes(chosen)) return chosen;
  return vars[0] ?? null;
}

/** The step h the gradient check takes along `variable` at the current point. */
export function checkStep(d: Derived, variable: string, method: FdMethod = d.method): number {
  return stepUsed(method, d.h, pointGet(d.point, variable) ?? Number.NaN);
}
