import { describe, expect, it } from 'vitest';
import { nextBudget } from './useTrainingLoop.ts';

describe('the training budget per animation frame', () => {
  it('is twice the rest of the last frame, at least 10 ms and at most 32 ms', () => {
    expect(nextBudget(4)).toBe(10);
    expect(nextBudget(12)).toBe(24);
    expect(nextBudget(200)).toBe(32);
  });
  it('starts at the least budget (no frame measured yet)', () => {
    expect(nextBudget(NaN)).toBe(10);
    expect(nextBudget(-3)).toBe(10);
  });
});
