import { describe, expect, it } from 'vitest';
import { fitTransform, MAX_FIT_SCALE } from '../graph/useZoom.ts';
import { fitMagnified } from './graphScale.ts';

describe('fitMagnified', () => {
  const view = { width: 800, height: 500 };

  it('is the plain fit at scale 1', () => {
    const content = { width: 300, height: 200 };
    expect(fitMagnified((c) => fitTransform(c, view, true), content, 1)).toEqual(
      fitTransform(content, view, true),
    );
  });

  it('a graph that is shown in part at full size is shown larger by the text scale', () => {
    const content = { width: 3000, height: 400 };
    const plain = fitTransform(content, view, true);
    const big = fitMagnified((c) => fitTransform(c, view, true), content, 1.5);
    expect(big.k).toBeCloseTo(plain.k * 1.5, 9);
  });

  it('the magnified drawing still fits where it fits, centred the same way', () => {
    const content = { width: 200, height: 100 };
    const v = fitMagnified((c) => fitTransform(c, view, true), content, 1.25);
    expect(v.k).toBeLessThanOrEqual(MAX_FIT_SCALE * 1.25 + 1e-9);
    expect(v.x + v.k * content.width).toBeLessThanOrEqual(view.width + 1e-6);
    expect(v.y + v.k * content.height).toBeLessThanOrEqual(view.height + 1e-6);
    expect(v.x).toBeCloseTo((view.width - v.k * content.width) / 2, 6);
  });

  it('ignores a nonsense scale', () => {
    const content = { width: 300, height: 200 };
    expect(fitMagnified((c) => fitTransform(c, view), content, Number.NaN)).toEqual(
      fitTransform(content, view),
    );
  });
});
