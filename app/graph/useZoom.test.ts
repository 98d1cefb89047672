import { describe, expect, it } from 'vitest';
import { fitTransform } from './useZoom.ts';

describe('fitTransform', () => {
  it('shows all of a large drawing, centred', () => {
    const content = { width: 2000, height: 500 };
    const view = { width: 600, height: 500 };
    const { k, x, y } = fitTransform(content, view);
    expect(k * content.width).toBeLessThanOrEqual(view.width);
    expect(k * content.height).toBeLessThanOrEqual(view.height);
    expect(x + (k * content.width) / 2).toBeCloseTo(view.width / 2, 6);
    expect(y + (k * content.height) / 2).toBeCloseTo(view.height / 2, 6);
  });

  it('magnifies a small drawing, but not without limit', () => {
    const { k } = fitTransform({ width: 50, height: 50 }, { width: 1000, height: 1000 });
    expect(k).toBeGreaterThan(1);
    expect(k).toBeLessThanOrEqual(1.5);
  });

  it('leaves an empty or unmeasured view alone', () => {
    expect(fitTransform({ width: 0, height: 0 }, { width: 600, height: 500 })).toEqual({ k: 1, x: 0, y: 0 });
    expect(fitTransform({ width: 100, height: 100 }, { width: 0, height: 0 })).toEqual({ k: 1, x: 0, y: 0 });
  });
});
