import { describe, expect, it } from 'vitest';
import { fitPlotHeight } from './use-height.ts';

describe('fitPlotHeight', () => {
  it('takes what is left after the chrome, within the limits', () => {
    expect(fitPlotHeight(400, 120, 180, 300)).toBe(280);
    expect(fitPlotHeight(900, 120, 180, 300)).toBe(300);
    expect(fitPlotHeight(200, 120, 180, 300)).toBe(180);
  });

  it('uses the largest size before the panel is measured', () => {
    expect(fitPlotHeight(0, 120, 180, 300)).toBe(300);
    expect(fitPlotHeight(Number.NaN, 120, 180, 300)).toBe(300);
  });
});
