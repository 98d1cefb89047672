import { describe, expect, it } from 'vitest';
import { clampStep, nextStep, playStartStep, previousStep, stepIntervalMs, tickStep } from './stepping.ts';

describe('player stepping', () => {
  it('clamps into 0..total and rounds', () => {
    expect(clampStep(-3, 10)).toBe(0);
    expect(clampStep(12, 10)).toBe(10);
    expect(clampStep(4.6, 10)).toBe(5);
    expect(clampStep(Number.NaN, 10)).toBe(0);
    expect(clampStep(3, 0)).toBe(0);
    expect(clampStep(Number.POSITIVE_INFINITY, 10)).toBe(10);
    expect(clampStep(Number.NEGATIVE_INFINITY, 10)).toBe(0);
  });

  it('steps forward and back without leaving the range', () => {
    expect(nextStep(0, 2)).toBe(1);
    expect(nextStep(2, 2)).toBe(2);
    expect(previousStep(1, 2)).toBe(0);
    expect(previousStep(0, 2)).toBe(0);
  });

  it('a tick stops playing exactly at the end', () => {
    expect(tickStep(0, 3)).toEqual({ step: 1, playing: true });
    expect(tickStep(2, 3)).toEqual({ step: 3, playing: false });
    expect(tickStep(3, 3)).toEqual({ step: 3, playing: false });
  });

  it('play at the end starts over, elsewhere continues', () => {
    expect(playStartStep(5, 5)).toBe(0);
    expect(playStartStep(2, 5)).toBe(2);
  });

  it('faster speed means a shorter interval', () => {
    expect(stepIntervalMs(2)).toBeLessThan(stepIntervalMs(1));
    expect(stepIntervalMs(0)).toBe(stepIntervalMs(1));
  });
});
