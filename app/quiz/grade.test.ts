import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../ad-core/index.ts';
import { grade, isClose, parseAnswer } from './grade.ts';

const value = (raw: string) => {
  const p = parseAnswer(raw);
  if (!p.ok) throw new Error(p.reason);
  return p.value;
};

describe('parseAnswer', () => {
  it('reads plain, signed, exponent, Unicode-minus and decimal-comma numbers', () => {
    expect(value('0.5')).toBe(0.5);
    expect(value(' -1.25 ')).toBe(-1.25);
    expect(value('−0.4161')).toBe(-0.4161);
    expect(value('1.5e−7')).toBe(1.5e-7);
    expect(value('2 × 10^3')).toBe(2000);
    expect(value('0,5')).toBe(0.5);
    expect(value('.25')).toBe(0.25);
    expect(value('3/4')).toBe(0.75);
  });

  it('reads NaN and infinities spelled out', () => {
    expect(value('NaN')).toBeNaN();
    expect(value('nan')).toBeNaN();
    expect(value('inf')).toBe(Infinity);
    expect(value('∞')).toBe(Infinity);
    expect(value('+Infinity')).toBe(Infinity);
    expect(value('-inf')).toBe(-Infinity);
    expect(value('−∞')).toBe(-Infinity);
  });

  it('says why text is not a number instead of guessing', () => {
    for (const bad of ['', '   ', 'abc', '1.2.3', '1/0', '1,000,000', '--1', 'e5']) {
      expect(parseAnswer(bad).ok, bad).toBe(false);
    }
  });
});

describe('isClose', () => {
  it('accepts what the graph displays (4 significant digits) for many magnitudes', () => {
    for (const x of [Math.PI, -Math.E * 1e5, 1 / 3, -2.5e-7, 0.9092974268256817, 12345.678, 1.0049]) {
      const shown = value(formatNumber(x));
      expect(isClose(shown, x), `${formatNumber(x)} for ${x}`).toBe(true);
    }
  });

  it('accepts 3 significant digits, rejects 2 when that is off by more than 0.5%', () => {
    expect(isClose(0.909, 0.9092974268256817)).toBe(true);
    expect(isClose(3.14, Math.PI)).toBe(true);
    expect(isClose(0.91, 0.9092974268256817)).toBe(true); // 0.08% off: fine rounding
    expect(isClose(0.9, 0.9092974268256817)).toBe(false); // 1% off
    expect(isClose(1.36, 1.359140914)).toBe(true);
    expect(isClose(1.4, 1.359140914)).toBe(false);
  });

  it('sign errors are wrong', () => {
    expect(isClose(0.4161, -0.4161468365471424)).toBe(false);
  });

  it('treats rounding-noise zeros as zero, and only those', () => {
    expect(isClose(0, Math.sin(Math.PI))).toBe(true);
    expect(isClose(0, 0)).toBe(true);
    expect(isClose(0.001, 0)).toBe(false);
    expect(isClose(0, 0.001)).toBe(false);
  });

  it('NaN and infinities match only themselves', () => {
    expect(isClose(Number.NaN, Number.NaN)).toBe(true);
    expect(isClose(0, Number.NaN)).toBe(false);
    expect(isClose(Number.NaN, 1)).toBe(false);
    expect(isClose(Infinity, Infinity)).toBe(true);
    expect(isClose(-Infinity, Infinity)).toBe(false);
    expect(isClose(1e308, Infinity)).toBe(false);
    expect(isClose(Infinity, 1e308)).toBe(false);
  });
});

describe('grade', () => {
  it('right, wrong, or unreadable', () => {
    expect(grade('2', 2).kind).toBe('right');
    expect(grade('3', 2)).toEqual({ kind: 'wrong', value: 3 });
    expect(grade('two', 2).kind).toBe('unreadable');
  });
});
