// A one-variable slice of f through the current point, its tangent line, and a contour grid for
// two-variable formulas. Pure: the function to sample is passed in, so the sampling and the
// windows are tested without a DOM.
import { contours } from 'd3';
import type { ContourMultiPolygon } from 'd3';
import type { Point } from '../../ad-core/index.ts';

export interface SlicePoint {
  x: number;
  /** f at x; NaN or ±∞ where f is not finite (drawn as gaps). */
  y: number;
}

export interface Window {
  lo: number;
  hi: number;
}

/** A window around `c` wide enough to show shape: ±max(2, |c|/2). */
export function windowAround(c: number): Window {
  const half = Number.isFinite(c) ? Math.max(2, Math.abs(c) / 2) : 2;
  const centre = Number.isFinite(c) ? c : 0;
  return { lo: centre - half, hi: centre + half };
}

/** f along `variable`, the others held at `point`; `samples` evenly spaced points including both ends. */
export function sampleSlice(
  f: (p: Point) => number,
  point: Point,
  variable: string,
  window: Window,
  samples = 200,
): SlicePoint[] {
  const out: SlicePoint[] = [];
  const count = Math.max(2, Math.floor(samples));
  const probe: Point = { ...point };
  for (let i = 0; i < count; i++) {
    const x = window.lo + ((window.hi - window.lo) * i) / (count - 1);
    probe[variable] = x;
    out.push({ x, y: f(probe) });
  }
  return out;
}

export interface TangentLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  slope: number;
}

/** The line through (c, f(c)) with slope `slope` across the window; null if anything is not finite. */
export function tangentLine(c: number, fc: number, slope: number, window: Window): TangentLine | null {
  if (![c, fc, slope, window.lo, window.hi].every(Number.isFinite)) return null;
  return {
    x0: window.lo,
    y0: fc + slope * (window.lo - c),
    x1: window.hi,
    y1: fc + slope * (window.hi - c),
    slope,
  };
}

/**
 * A y-range that shows the curve without letting a pole (1/x near 0) flatten everything:
 * the 2nd–98th percentile of the finite samples, always including f at the point, padded 10%.
 */
export function yRange(samples: SlicePoint[], fc: number): Window {
  const ys = samples.map((s) => s.y).filter(Number.isFinite).sort((a, b) => a - b);
  if (Number.isFinite(fc)) ys.push(fc);
  if (ys.length === 0) return { lo: -1, hi: 1 };
  ys.sort((a, b) => a - b);
  const q = (p: number) => ys[Math.min(ys.length - 1, Math.max(0, Math.round(p * (ys.length - 1))))] ?? 0;
  let lo = Math.min(q(0.02), Number.isFinite(fc) ? fc : Infinity);
  let hi = Math.max(q(0.98), Number.isFinite(fc) ? fc : -Infinity);
  if (hi - lo < 1e-9 * Math.max(1, Math.abs(hi))) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.1;
  return { lo: lo - pad, hi: hi + pad };
}

/**
 * Whether a sample should be drawn: finite and not far outside the y-range (so the line breaks
 * at a pole instead of drawing a vertical stroke from +big to −big).
 */
export function drawable(y: number, range: Window): boolean {
  if (!Number.isFinite(y)) return false;
  const span = range.hi - range.lo;
  return y >= range.lo - 2 * span && y <= range.hi + 2 * span;
}

export interface ContourGrid {
  /** Columns (x) and rows (y). */
  nx: number;
  ny: number;
  xWindow: Window;
  yWindow: Window;
  /** Row-major, row 0 at yWindow.lo; NaN where f is not finite. */
  values: Float64Array;
}

/**
 * Square windows of equal width around the point, so the gradient arrow drawn in screen space is
 * perpendicular to the contour lines.
 */
export function contourWindows(cx: number, cy: number): { x: Window; y: Window } {
  const wx = windowAround(cx);
  const wy = windowAround(cy);
  const half = Math.max(wx.hi - wx.lo, wy.hi - wy.lo) / 2;
  const mx = (wx.lo + wx.hi) / 2;
  const my = (wy.lo + wy.hi) / 2;
  return { x: { lo: mx - half, hi: mx + half }, y: { lo: my - half, hi: my + half } };
}

export function sampleGrid(
  f: (p: Point) => number,
  point: Point,
  xVar: string,
  yVar: string,
  xWindow: Window,
  yWindow: Window,
  n = 60,
): ContourGrid {
  const values = new Float64Array(n * n);
  const probe: Point = { ...point };
  for (let j = 0; j < n; j++) {
    probe[yVar] = yWindow.lo + ((yWindow.hi - yWindow.lo) * j) / (n - 1);
    for (let i = 0; i < n; i++) {
      probe[xVar] = xWindow.lo + ((xWindow.hi - xWindow.lo) * i) / (n - 1);
      const v = f(probe);
      values[j * n + i] = Number.isFinite(v) ? v : NaN;
    }
  }
  return { nx: n, ny: n, xWindow, yWindow, values };
}

/** `count` levels evenly spread over the 5th–95th percentile of the finite grid values. */
export function contourLevels(values: Float64Array, count = 10): number[] {
  const finite = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return [];
  const at = (p: number) => finite[Math.round(p * (finite.length - 1))] ?? 0;
  const lo = at(0.05);
  const hi = at(0.95);
  if (!(hi > lo)) return [lo];
  return Array.from({ length: count }, (_, k) => lo + ((hi - lo) * (k + 0.5)) / count);
}

export function contourPolygons(grid: ContourGrid, levels: number[]): ContourMultiPolygon[] {
  if (levels.length === 0) return [];
  return contours().size([grid.nx, grid.ny]).thresholds(levels)(Array.from(grid.values));
}

/**
 * Keeps the previous window while `c` stays in its middle 80%, so dragging a slider moves the
 * point along a still curve; recentres once the point nears an edge (or the window is unusable).
 */
export function keepWindow(prev: Window | null, c: number): Window {
  if (prev && Number.isFinite(c)) {
    const margin = (prev.hi - prev.lo) * 0.1;
    if (c >= prev.lo + margin && c <= prev.hi - margin) return prev;
  }
  return windowAround(c);
}

/** Grid coordinates from d3-contour (cell i spans [i, i+1], its sample at i + 0.5) to data units. */
export function gridToData(g: number, n: number, window: Window): number {
  return window.lo + ((window.hi - window.lo) * (g - 0.5)) / (n - 1);
}

/** Node evaluations one contour grid may cost (about 10–15 ms on a classroom laptop). */
export const GRID_BUDGET = 120_000;

/** Grid side for a graph of `nodes` nodes: 60 for small formulas, coarser for big ones, never below 20. */
export function gridSize(nodes: number): number {
  return Math.max(20, Math.min(60, Math.floor(Math.sqrt(GRID_BUDGET / Math.max(1, nodes)))));
}

/** Same variables with the same values (NaN equal to NaN). */
export function samePoint(a: Point, b: Point): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => k in b && Object.is(a[k], b[k]));
}

/**
 * The osculating parabola at c: f(c) + f′(c)(x − c) + ½f″(c)(x − c)², sampled across the window
 * (the second-order picture beside the tangent line); null if anything is not finite.
 */
export function osculatingParabola(
  c: number,
  fc: number,
  slope: number,
  curvature: number,
  window: Window,
  samples = 100,
): SlicePoint[] | null {
  if (![c, fc, slope, curvature, window.lo, window.hi].every(Number.isFinite)) return null;
  const count = Math.max(2, Math.floor(samples));
  return Array.from({ length: count }, (_, i) => {
    const x = window.lo + ((window.hi - window.lo) * i) / (count - 1);
    const d = x - c;
    return { x, y: fc + slope * d + 0.5 * curvature * d * d };
  });
}

/**
 * Newton's step −H⁻¹∇f for two variables (H symmetric as [[a, b], [b, d]]), or null where H is
 * singular or anything is not finite.
 */
export function newtonStep2(gx: number, gy: number, h: number[][]): { dx: number; dy: number } | null {
  const a = h[0]?.[0] ?? NaN;
  const b = h[0]?.[1] ?? NaN;
  const c = h[1]?.[0] ?? NaN;
  const d = h[1]?.[1] ?? NaN;
  const det = a * d - b * c;
  if (![gx, gy, a, b, c, d, det].every(Number.isFinite) || Math.abs(det) <= 1e-12 * Math.max(1, Math.abs(a * d), Math.abs(b * c)))
    return null;
  return { dx: -(d * gx - b * gy) / det, dy: -(-c * gx + a * gy) / det };
}
