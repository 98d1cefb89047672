import { describe, expect, it } from 'vitest';
import { evaluate, gradient } from '../../ad-core/index.ts';
import type { Graph, Point } from '../../ad-core/index.ts';
import {
  contourLevels,
  contourPolygons,
  contourWindows,
  drawable,
  gridToData,
  keepWindow,
  gridSize,
  samePoint,
  sampleGrid,
  sampleSlice,
  tangentLine,
  windowAround,
  yRange,
} from './slice.ts';
import { graphOf } from '../../ad-core/test-support.ts';

const fOf = (graph: Graph) => (p: Point) => evaluate(graph, p).values[graph.output] ?? NaN;

describe('sampleSlice', () => {
  const graph = graphOf('sin(x*y) + exp(x)/y');
  const f = fOf(graph);
  const point = { x: 1, y: 2 };

  it('samples evenly across the window, holding the other variables', () => {
    const window = windowAround(point.x);
    const samples = sampleSlice(f, point, 'x', window, 200);
    expect(samples.length).toBe(200);
    expect(samples[0]?.x).toBe(window.lo);
    expect(samples.at(-1)?.x).toBeCloseTo(window.hi, 12);
    for (const s of samples) expect(s.y).toBeCloseTo(Math.sin(s.x * 2) + Math.exp(s.x) / 2, 12);
    expect(point).toEqual({ x: 1, y: 2 });
  });

  it('centres a window of at least ±2 on the current value', () => {
    expect(windowAround(1)).toEqual({ lo: -1, hi: 3 });
    expect(windowAround(100)).toEqual({ lo: 50, hi: 150 });
    expect(windowAround(NaN)).toEqual({ lo: -2, hi: 2 });
  });

  it('keeps NaN and ∞ where f is undefined', () => {
    const samples = sampleSlice(fOf(graphOf('log(x)')), { x: 1 }, 'x', windowAround(1), 101);
    expect(samples.filter((s) => s.x < 0).every((s) => Number.isNaN(s.y))).toBe(true);
    expect(samples.find((s) => s.x === 0)?.y).toBe(-Infinity);
    expect(samples.filter((s) => s.x > 0).every((s) => Number.isFinite(s.y))).toBe(true);
  });
});

describe('tangentLine', () => {
  it('passes through the point with the AD slope', () => {
    const graph = graphOf('sin(x*y) + exp(x)/y');
    const point = { x: 1, y: 2 };
    const { value, gradient: g } = gradient(graph, point);
    const window = windowAround(1);
    const t = tangentLine(1, value, g.x ?? NaN, window);
    if (!t) throw new Error('expected a tangent line');
    expect((t.y1 - t.y0) / (t.x1 - t.x0)).toBeCloseTo(g.x ?? NaN, 12);
    // The point lies on the line.
    expect(t.y0 + (t.y1 - t.y0) * ((1 - t.x0) / (t.x1 - t.x0))).toBeCloseTo(value, 12);
    // And it is tangent: near the point the curve and the line agree to second order.
    const f = fOf(graph);
    const h = 1e-4;
    const line = (x: number) => value + t.slope * (x - 1);
    expect(Math.abs(f({ x: 1 + h, y: 2 }) - line(1 + h))).toBeLessThan(10 * h * h);
  });

  it('is absent when the slope or value is not finite', () => {
    expect(tangentLine(0, 0, Infinity, windowAround(0))).toBeNull();
    expect(tangentLine(0, NaN, 1, windowAround(0))).toBeNull();
  });
});

describe('yRange and drawable', () => {
  it('is not flattened by a pole, and breaks the line there', () => {
    const samples = sampleSlice(fOf(graphOf('1/x')), { x: 1 }, 'x', { lo: -2, hi: 2 }, 200);
    const range = yRange(samples, 1);
    expect(range.hi - range.lo).toBeLessThan(500);
    expect(range.lo).toBeLessThanOrEqual(1);
    expect(range.hi).toBeGreaterThanOrEqual(1);
    const near = samples.reduce((a, b) => (Math.abs(b.x) < Math.abs(a.x) ? b : a));
    expect(drawable(near.y, range)).toBe(false);
    expect(drawable(1, range)).toBe(true);
  });

  it('opens up a flat function', () => {
    const range = yRange(
      sampleSlice(() => 3, {}, 'x', { lo: 0, hi: 1 }, 10),
      3,
    );
    expect(range.lo).toBeLessThan(3);
    expect(range.hi).toBeGreaterThan(3);
  });
});

describe('keepWindow', () => {
  it('holds still while the point stays inside, recentres near an edge', () => {
    const w = windowAround(1);
    expect(keepWindow(w, 1.5)).toBe(w);
    expect(keepWindow(w, 2.9)).toEqual(windowAround(2.9));
    expect(keepWindow(null, 1)).toEqual(w);
  });
});

describe('contour grid', () => {
  const graph = graphOf('x^2 + 3*y^2');
  const f = fOf(graph);

  it('uses square windows of equal width around the point', () => {
    const { x, y } = contourWindows(1, 10);
    expect(x.hi - x.lo).toBeCloseTo(y.hi - y.lo, 12);
    expect((x.lo + x.hi) / 2).toBe(1);
    expect((y.lo + y.hi) / 2).toBe(10);
  });

  it('samples f on the grid, row-major with x fastest', () => {
    const { x, y } = contourWindows(0, 0);
    const grid = sampleGrid(f, { x: 0, y: 0 }, 'x', 'y', x, y, 20);
    expect(grid.values.length).toBe(400);
    const at = (i: number, j: number) => grid.values[j * 20 + i] ?? NaN;
    const xi = (i: number) => x.lo + ((x.hi - x.lo) * i) / 19;
    const yj = (j: number) => y.lo + ((y.hi - y.lo) * j) / 19;
    expect(at(3, 7)).toBeCloseTo(xi(3) ** 2 + 3 * yj(7) ** 2, 12);
    expect(gridToData(3.5, 20, x)).toBeCloseTo(xi(3), 12);
  });

  it('makes nested level sets for a bowl, skipping non-finite cells', () => {
    const { x, y } = contourWindows(0, 0);
    const grid = sampleGrid(fOf(graphOf('log(x) + y^2')), { x: 1, y: 0 }, 'x', 'y', x, y, 30);
    expect(Array.from(grid.values).some(Number.isNaN)).toBe(true);
    const levels = contourLevels(grid.values, 8);
    expect(levels.length).toBe(8);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
    const polys = contourPolygons(grid, levels);
    expect(polys.map((p) => p.value)).toEqual(levels);
    const bowl = sampleGrid(f, { x: 0, y: 0 }, 'x', 'y', x, y, 30);
    const areas = contourPolygons(bowl, contourLevels(bowl.values, 5)).map(
      (p) => p.coordinates.flat(2).length,
    );
    expect(areas.every((n) => n > 0)).toBe(true);
  });
});

describe('gridSize', () => {
  it('keeps the grid within the evaluation budget, between 20 and 60 a side', () => {
    expect(gridSize(10)).toBe(60);
    for (const nodes of [50, 100, 200, 500, 5000]) {
      const n = gridSize(nodes);
      expect(n).toBeGreaterThanOrEqual(20);
      expect(n).toBeLessThanOrEqual(60);
      if (n > 20) expect(n * n * nodes).toBeLessThanOrEqual(120_000);
    }
    expect(gridSize(100)).toBeLessThan(gridSize(50));
  });
});

it('compares points by value', () => {
  expect(samePoint({ x: 1, y: NaN }, { y: NaN, x: 1 })).toBe(true);
  expect(samePoint({ x: 1 }, { x: 1, y: 2 })).toBe(false);
  expect(samePoint({ x: 0 }, { x: -0 })).toBe(false);
  expect(samePoint({ x: 1, y: 2 }, { x: 1, z: 2 })).toBe(false);
});
