import { describe, expect, it } from 'vitest';
import { hessian } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { newtonStep2, osculatingParabola } from './slice.ts';

describe('second order on the slice and the contour view', () => {
  it('the osculating parabola of a quadratic is the quadratic itself', () => {
    // f(x) = 3x² − 2x + 1 at c = 0.5: f = 0.75, f′ = 1, f″ = 6.
    const p = osculatingParabola(0.5, 0.75, 1, 6, { lo: -2, hi: 2 }, 9)!;
    for (const { x, y } of p) expect(y).toBeCloseTo(3 * x * x - 2 * x + 1, 12);
    expect(osculatingParabola(0, NaN, 1, 1, { lo: -1, hi: 1 })).toBeNull();
  });

  it('Newton’s step lands on the minimum of a quadratic bowl in one step', () => {
    // f = (x − 1)² + 2(y + 3)² + x·y, minimised where ∇f = 0.
    const g = graphOf('(x-1)^2 + 2*(y+3)^2 + x*y');
    const at = { x: 4, y: 2 };
    const h = hessian(g, at);
    if (!h.ok) throw new Error('no Hessian');
    const [gx, gy] = h.gradient;
    const step = newtonStep2(gx!, gy!, h.matrix)!;
    const there = hessian(g, { x: at.x + step.dx, y: at.y + step.dy });
    if (!there.ok) throw new Error('no Hessian');
    for (const gi of there.gradient) expect(Math.abs(gi)).toBeLessThan(1e-9);
  });

  it('no Newton step where the Hessian is singular', () => {
    expect(
      newtonStep2(1, 1, [
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
    expect(
      newtonStep2(1, NaN, [
        [1, 0],
        [0, 1],
      ]),
    ).toBeNull();
  });
});
