import { describe, expect, it } from 'vitest';
import { checksFor } from './core.ts';
import { derive, type Inputs } from './derive.ts';
import { AT_ONCE_OPS, advanceChecks, checkProgress, estimatedCheckOps } from './lazyChecks.ts';

const inputs = (source: string): Inputs => ({
  source,
  point: {},
  mode: 'reverse',
  seed: { kind: 'variable', name: '' },
  method: 'central',
  h: null,
  merge: false,
});

const sumOf = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`).join(' + ');

/** A clock that moves one unit per reading: a slice of budget b computes about b rows. */
const ticking = () => {
  let t = 0;
  return () => t++;
};

describe('lazy gradient check', () => {
  it('checks a small formula at once, exactly as the synchronous check', () => {
    const d = derive(null, inputs('sin(x)*y + y^2'));
    const p = checkProgress(d);
    expect(p.done).toBe(true);
    expect(p.rows).toEqual(checksFor(d.graph!, d.point, 'central', null));
  });

  it('checks 1,000 variables in slices, costing nothing until asked', () => {
    const d = derive(null, inputs(sumOf(1000)));
    expect(estimatedCheckOps(d.graph!)).toBeGreaterThan(AT_ONCE_OPS);
    const start = checkProgress(d);
    expect(start).toMatchObject({ rows: [], total: 1000, done: false });

    const first = advanceChecks(d, 10, ticking());
    expect(first.rows.length).toBeGreaterThanOrEqual(1);
    expect(first.rows.length).toBeLessThanOrEqual(11);
    expect(first.done).toBe(false);

    let p = first;
    let slices = 1;
    while (!p.done) {
      p = advanceChecks(d, 200, ticking());
      slices++;
    }
    expect(slices).toBeGreaterThan(3);
    expect(p.rows).toEqual(checksFor(d.graph!, d.point, 'central', null));
    // Progress is kept per graph and check settings: asking again computes nothing new.
    expect(checkProgress(d).rows).toEqual(p.rows);
  });

  it('starts over when the check settings change', () => {
    const d = derive(null, inputs(sumOf(1000)));
    advanceChecks(d, 5, ticking());
    const forward = derive(d, { ...inputs(sumOf(1000)), method: 'forward' });
    expect(checkProgress(forward).rows).toEqual([]);
    const p = advanceChecks(forward, 3, ticking());
    expect(p.rows[0]?.method).toBe('forward');
  });

  it('has nothing to check without a graph', () => {
    const d = derive(null, inputs('x +'));
    expect(checkProgress(d)).toEqual({ rows: [], total: 0, done: true });
  });
});

describe('lazy gradient check, rows asked for first', () => {
  it('computes the wanted rows before the others, and still all of them in the end', () => {
    const d = derive(null, inputs(sumOf(1000)));
    const first = advanceChecks(d, 2, ticking(), [999, 500]);
    expect(first.rows.map((r) => r.variable)).toEqual(['x500', 'x999']);
    let p = first;
    while (!p.done) p = advanceChecks(d, 300, ticking(), [999, 500]);
    expect(p.rows.map((r) => r.variable)).toEqual(d.graph!.variables);
  });
});
