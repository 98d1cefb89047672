import { describe, expect, it } from 'vitest';
import {
  LEGIBLE_SCALE,
  MAX_FIT_SCALE,
  WHOLE_MIN_SCALE,
  SMALLEST_GRAPH_FONT_PX,
  fitsLegibly,
  isOverview,
  fitTransform,
  panToShow,
} from './useZoom.ts';

describe('fitTransform', () => {
  it('shows all of a large drawing, centred', () => {
    const content = { width: 2000, height: 500 };
    const view = { width: 600, height: 500 };
    const { k, x, y } = fitTransform(content, view);
    expect(k * content.width).toBeLessThanOrEqual(view.width);
    expect(k * content.height).toBeLessThanOrEqual(view.height);
    expect(x + (k * content.width) / 2).toBeCloseTo(view.width / 2, 6);
    // Vertically centred in what the view's buttons leave free: none of it under them.
    expect(y).toBeGreaterThanOrEqual(52);
    expect(y + (k * content.height) / 2).toBeCloseTo((view.height + 52 - 16) / 2, 6);
  });

  it('shows all of a 20,000-node graph too (a column of 10,000 inputs), centred', () => {
    const content = { width: 900, height: 10_000 * 64 };
    const view = { width: 800, height: 560 };
    const { k, x, y } = fitTransform(content, view);
    expect(k * content.height).toBeLessThanOrEqual(view.height);
    expect(x + (k * content.width) / 2).toBeCloseTo(view.width / 2, 6);
    expect(y).toBeGreaterThanOrEqual(52);
  });

  it('magnifies a small drawing, but not without limit', () => {
    const { k } = fitTransform({ width: 50, height: 50 }, { width: 1000, height: 1000 });
    expect(k).toBe(MAX_FIT_SCALE);
    expect(MAX_FIT_SCALE).toBeGreaterThan(1);
    expect(MAX_FIT_SCALE).toBeLessThanOrEqual(1.8);
  });

  it('leaves an empty or unmeasured view alone', () => {
    expect(fitTransform({ width: 0, height: 0 }, { width: 600, height: 500 })).toEqual({
      k: 1,
      x: 0,
      y: 0,
    });
    expect(fitTransform({ width: 100, height: 100 }, { width: 0, height: 0 })).toEqual({
      k: 1,
      x: 0,
      y: 0,
    });
  });
});

describe('fitTransform at a legible scale', () => {
  it('shows a graph whole if its labels stay readable', () => {
    const content = { width: 600, height: 300 };
    const view = { width: 600, height: 500 };
    const t = fitTransform(content, view, true);
    expect(t).toEqual(fitTransform(content, view));
    expect(t.k).toBeGreaterThanOrEqual(WHOLE_MIN_SCALE);
    expect(fitsLegibly(content, view)).toBe(true);
  });

  it('never draws the smallest graph text under 14 px when it fits whole', () => {
    expect(WHOLE_MIN_SCALE * SMALLEST_GRAPH_FONT_PX).toBeGreaterThanOrEqual(14 - 1e-9);
    const content = { width: 640, height: 300 };
    const view = { width: 600, height: 500 };
    expect(fitsLegibly(content, view)).toBe(false);
    expect(fitTransform(content, view, true).k).toBe(LEGIBLE_SCALE);
    // Fit to view (not legible) shows it all, below the readable scale: an overview without text.
    expect(isOverview(fitTransform(content, view).k)).toBe(true);
    expect(isOverview(WHOLE_MIN_SCALE)).toBe(false);
  });

  it('shows the start of a long graph at full size rather than shrinking it to illegibility', () => {
    const content = { width: 3000, height: 300 };
    const view = { width: 600, height: 500 };
    const t = fitTransform(content, view, true);
    expect(t.k).toBe(LEGIBLE_SCALE);
    expect(t.x).toBeGreaterThan(0);
    expect(t.x).toBeLessThan(50);
    // The short dimension is still centred, below the view's buttons.
    expect(t.y + (t.k * content.height) / 2).toBeCloseTo((view.height + 52 - 16) / 2, 6);
  });
});

describe('panToShow', () => {
  const content = { width: 3000, height: 300 };
  const view = { width: 600, height: 500 };
  const start = fitTransform(content, view, true);

  it('leaves the view alone when the point is already on screen', () => {
    expect(panToShow(start, [100, 150], content, view)).toEqual(start);
  });

  it('brings an off-screen point into view at the same scale, without overshooting the edge', () => {
    const middle = panToShow(start, [1500, 150], content, view);
    expect(middle.k).toBe(start.k);
    expect(middle.x + middle.k * 1500).toBeCloseTo(view.width / 2, 6);
    const end = panToShow(start, [2990, 150], content, view);
    const sx = end.x + end.k * 2990;
    expect(sx).toBeGreaterThan(0);
    expect(sx).toBeLessThan(view.width);
    // The content's right edge stays at the view's right edge, no empty space beyond it.
    expect(end.x + end.k * content.width).toBeGreaterThanOrEqual(view.width - 20);
  });

  it("shows a step at the very top of a tall drawing below the view's buttons", () => {
    const tall = { width: 400, height: 3000 };
    const t0 = { k: 1, x: 100, y: -1500 };
    const top = panToShow(t0, [200, 30], tall, view);
    expect(top.y + 30).toBeGreaterThanOrEqual(64);
    // And a step at the bottom still brings the bottom edge to the view's edge.
    const bottom = panToShow(t0, [200, 2990], tall, view);
    expect(bottom.y + 3000).toBeGreaterThanOrEqual(view.height - 20);
    expect(bottom.y + 2990).toBeLessThan(view.height);
  });
});
