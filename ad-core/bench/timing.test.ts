import { describe, expect, it } from 'vitest';
import { median, medianMsEach } from './timing.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('medianMsEach', () => {
  it('times each function per call and ranks more work as slower', () => {
    const work = (n: number) => () => {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.sqrt(i);
      return s;
    };
    const [small = NaN, large = NaN] = medianMsEach([work(1_000), work(100_000)], {
      warmupMs: 20,
      sampleMs: 2,
      samples: 7,
    });
    expect(small).toBeGreaterThan(0);
    expect(large).toBeGreaterThan(small * 10);
  });
});
