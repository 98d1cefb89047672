import { describe, expect, it } from 'vitest';
import { sweepErrors } from '../../ad-core/index.ts';
import type { SweepPoint } from '../../ad-core/index.ts';
import {
  ERROR_FLOOR,
  bestSteps,
  errorCeiling,
  errorPlotGeometry,
  plottedError,
  powerOfTenLabel,
  powerTicks,
  thinMarkers,
} from './error-plot.ts';
import { graphOf } from '../../ad-core/test-support.ts';

const BOX = { width: 560, height: 300, left: 64, right: 16, top: 26, bottom: 48 };

/** Subpaths in an SVG path: one per unbroken run of the line. */
const runs = (d: string) => (d.match(/M/g) ?? []).length;

describe('ticks', () => {
  it('labels powers of ten with superscripts', () => {
    expect(powerOfTenLabel(-8)).toBe('10⁻⁸');
    expect(powerOfTenLabel(0)).toBe('1');
    expect(powerOfTenLabel(-16)).toBe('10⁻¹⁶');
  });

  it('puts a tick at every power and labels both ends when thinning', () => {
    const ticks = powerTicks(1e-16, 1, (v) => Math.log10(v), 6);
    expect(ticks.length).toBe(17);
    const labelled = ticks.filter((t) => t.label);
    expect(labelled.length).toBeLessThanOrEqual(6);
    expect(labelled[0]?.label).toBe('10⁻¹⁶');
    expect(labelled.at(-1)?.label).toBe('1');
  });
});

describe('plottedError', () => {
  it('clamps zero to the floor, keeps positive errors, gaps non-finite ones', () => {
    expect(plottedError(0)).toEqual({ value: ERROR_FLOOR, atFloor: true });
    expect(plottedError(3e-9)).toEqual({ value: 3e-9, atFloor: false });
    expect(plottedError(NaN)).toBeNull();
    expect(plottedError(Infinity)).toBeNull();
  });
});

describe('errorPlotGeometry', () => {
  const graph = graphOf('sin(x*y) + exp(x)/y');
  const sweep = sweepErrors(graph, { x: 1, y: 2 }, 'x');

  it('draws one unbroken line per method for a smooth formula', () => {
    const geo = errorPlotGeometry(sweep, 6e-6, BOX);
    expect(geo.series.map((s) => s.method)).toEqual([
      'forward',
      'central',
      'richardson',
      'complex',
    ]);
    for (const s of geo.series) {
      expect(s.notApplicable).toBe(false);
      expect(runs(s.path)).toBe(1);
      for (const m of s.markers) {
        expect(m.x).toBeGreaterThanOrEqual(geo.plot.x0);
        expect(m.x).toBeLessThanOrEqual(geo.plot.x1);
        expect(m.y).toBeGreaterThanOrEqual(geo.plot.y1);
        expect(m.y).toBeLessThanOrEqual(geo.plot.y0);
      }
    }
  });

  it('shows the V shape: central error is lower at h = 1e-5 than at either end', () => {
    const geo = errorPlotGeometry(sweep, 1e-5, BOX);
    const central = geo.series.find((s) => s.method === 'central');
    const ys = central?.markers.map((m) => m.y) ?? [];
    // Larger y is lower on screen: the middle of the sweep sits below both ends.
    const best = Math.max(...ys);
    expect(best).toBeGreaterThan(ys[0] ?? Infinity);
    expect(best).toBeGreaterThan(ys.at(-1) ?? Infinity);
  });

  it('places the chosen h between the ends, increasing with h', () => {
    const a = errorPlotGeometry(sweep, 1e-10, BOX).chosenX ?? NaN;
    const b = errorPlotGeometry(sweep, 1e-3, BOX).chosenX ?? NaN;
    expect(a).toBeGreaterThan(BOX.left);
    expect(b).toBeGreaterThan(a);
    expect(b).toBeLessThan(BOX.width - BOX.right);
  });

  it('breaks the line at NaN, marks zero errors on the floor, drops a method that never applies', () => {
    const made: SweepPoint[] = [1e-12, 1e-9, 1e-6, 1e-3, 1].map((h, i) => ({
      h,
      errors: {
        forward: i === 2 ? NaN : h,
        central: i === 0 ? 0 : h * h,
        richardson: h ** 3,
        complex: NaN,
      },
    }));
    const geo = errorPlotGeometry(made, 1e-6, BOX);
    const by = Object.fromEntries(geo.series.map((s) => [s.method, s]));
    expect(runs(by.forward?.path ?? '')).toBe(2);
    expect(by.central?.hitFloor).toBe(true);
    expect(by.central?.markers[0]?.y).toBeCloseTo(geo.plot.y0, 6);
    expect(by.complex?.notApplicable).toBe(true);
    expect(by.complex?.path).toBe('');
  });

  it('extends the error axis to cover the largest error', () => {
    expect(
      errorCeiling([{ h: 1, errors: { forward: 37, central: 1, richardson: 1, complex: NaN } }]),
    ).toBe(100);
    expect(
      errorCeiling([{ h: 1, errors: { forward: 1e-9, central: 0, richardson: 0, complex: 0 } }]),
    ).toBe(1e-2);
  });
});

describe('bestSteps and thinMarkers', () => {
  it('finds the smallest finite error per method', () => {
    const made: SweepPoint[] = [
      { h: 1e-8, errors: { forward: 1e-7, central: 1e-6, richardson: NaN, complex: NaN } },
      { h: 1e-4, errors: { forward: 1e-4, central: 1e-9, richardson: NaN, complex: NaN } },
    ];
    const best = bestSteps(made);
    expect(best.forward).toEqual({ method: 'forward', h: 1e-8, error: 1e-7 });
    expect(best.central?.h).toBe(1e-4);
    expect(best.complex).toBeNull();
  });

  it('keeps at most the requested number of markers', () => {
    const xs = Array.from({ length: 61 }, (_, i) => i);
    expect(thinMarkers(xs, 12, 0).length).toBeLessThanOrEqual(12);
    expect(thinMarkers(xs, 12, 1)[0]).not.toBe(thinMarkers(xs, 12, 0)[0]);
  });
});
