import { describe, expect, it } from 'vitest';
import { sliderRange } from './sliderRange.ts';

describe('sliderRange', () => {
  it('is [-5, 5] for ordinary values and always contains the value', () => {
    expect(sliderRange(1)).toMatchObject({ min: -5, max: 5 });
    for (const v of [-1.2, 0, 7.5, -40, 1e4]) {
      const r = sliderRange(v);
      expect(r.min).toBeLessThanOrEqual(v);
      expect(r.max).toBeGreaterThanOrEqual(v);
    }
  });

  it('survives non-finite input', () => {
    expect(sliderRange(Number.NaN)).toMatchObject({ min: -5, max: 5 });
  });
});
