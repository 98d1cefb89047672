// The gradient-check rows, derived on demand (when the panel renders) and cached per graph, point,
// method and step, so stepping the animation or switching mode never re-runs finite differences.
import type { CheckRow, Graph } from '../../ad-core/index.ts';
import { checksFor } from './core.ts';
import type { Derived } from './derive.ts';
import { bugChecks } from './bugs.ts';

const cache = new WeakMap<Graph, { key: string; rows: CheckRow[] }>();

export function selectChecks(d: Derived): CheckRow[] {
  if (!d.graph) return [];
  // With a bug chosen, AD is the buggy pass: the check must show what it got wrong.
  if (d.bugView) return bugChecks(d.bugView, d.point, d.method, d.h);
  const key = `${d.pointKey}|${d.method}|${String(d.h)}`;
  const hit = cache.get(d.graph);
  if (hit && hit.key === key) return hit.rows;
  let rows: CheckRow[];
  try {
    rows = checksFor(d.graph, d.point, d.method, d.h);
  } catch {
    // The engine is not supposed to throw; if it does, show no rows rather than crash the panel.
    rows = [];
  }
  cache.set(d.graph, { key, rows });
  return rows;
}
