import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { defaultSeed, forward } from './forward.ts';
import { gradient } from './reverse.ts';
import { graphOf } from './test-support.ts';

describe('forward mode', () => {
  it('gives the directional derivative along any seed, matching the reverse-mode gradient', () => {
    const g = graphOf('a = x*y\nsin(a) + a*z - atan2(y, z)');
    const point = { x: 0.7, y: -1.3, z: 2.2 };
    const grad = gradient(g, point).gradient;
    const seed = { x: 0.5, y: -2, z: 3 };
    const t = forward(g, evaluate(g, point), seed).tangents[g.output]!;
    const expected = 0.5 * grad.x! - 2 * grad.y! + 3 * grad.z!;
    expect(Math.abs(t - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
  });

  it('seeds the inputs and gives constants tangent 0; missing seed components are 0', () => {
    const g = graphOf('x*3 + y');
    const { tangents } = forward(g, evaluate(g, { x: 2, y: 1 }), { x: 1 });
    expect(tangents[g.inputs[0]!]).toBe(1);
    expect(tangents[g.inputs[1]!]).toBe(0);
    expect(tangents[g.nodes.find((n) => n.kind === 'constant')!.id]).toBe(0);
    expect(tangents[g.output]).toBe(3);
  });

  it('the default seed is e₁', () => {
    expect(defaultSeed(graphOf('y*x + z'))).toEqual({ y: 1, x: 0, z: 0 });
  });

  it('a node that does not move along the seed passes nothing on, not 0·NaN', () => {
    // √x at x = −1: value and slope NaN.
    const g = graphOf('sqrt(x) + y');
    const e = evaluate(g, { x: -1, y: 2 });
    expect(forward(g, e, { x: 0, y: 1 }).tangents[g.output]).toBe(1);
    expect(forward(g, e, { x: 1, y: 0 }).tangents[g.output]).toBeNaN();
  });
});
