import { describe, expect, it } from 'vitest';
import { evaluate } from '../../ad-core/index.ts';
import { passByPass, passOfSeed, seedText, tangentName, unitSeed } from './passes.ts';
import { graphOf, referenceCases } from '../../ad-core/test-support.ts';

/** |a − b| ≤ tol · max(1, |b|): the fixture's "relative tolerance of about 1e-12". */
function close(a: number, b: number, tol = 1e-12): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

describe('passByPass', () => {
  for (const ref of referenceCases.cases) {
    it(`${ref.name}: pass k's output tangent is the k-th gradient entry`, () => {
      const graph = graphOf(ref.formula);
      const { passes, reverse } = passByPass(graph, evaluate(graph, ref.at));
      expect(passes.map((p) => p.variable)).toEqual(graph.variables);
      expect(passes.map((p) => p.pass)).toEqual(graph.variables.map((_, k) => k + 1));
      for (const p of passes) {
        expect(
          close(p.tangent, reverse[p.variable]!),
          `${p.variable}: ${p.tangent} vs reverse ${reverse[p.variable]}`,
        ).toBe(true);
        expect(
          close(p.tangent, ref.gradient[p.variable]!),
          `${p.variable}: ${p.tangent} vs fixture`,
        ).toBe(true);
        // The seed is eₖ: exactly one 1, the rest 0.
        expect(Object.values(p.seed).filter((v) => v === 1)).toHaveLength(1);
        expect(p.seed[p.variable]).toBe(1);
      }
    });
  }

  it('gives a formula without inputs no pass and an empty gradient', () => {
    const graph = graphOf('2*3');
    expect(passByPass(graph, evaluate(graph, {}))).toEqual({ passes: [], reverse: {} });
  });
});

describe('passOfSeed', () => {
  const graph = graphOf('x*y + z');
  const { passes } = passByPass(graph, evaluate(graph, { x: 1, y: 2, z: 3 }));
  it('finds the pass a unit seed belongs to, and none for other directions', () => {
    expect(passOfSeed(passes, unitSeed(graph, 'y'))).toBe(2);
    expect(passOfSeed(passes, { x: 1, y: 1, z: 0 })).toBeNull();
    expect(passOfSeed(passes, { x: 0, y: 0, z: 0 })).toBeNull();
  });
});

describe('seedText', () => {
  it('writes the seed with dotted variable names', () => {
    expect(seedText({ x: 1, y: 0 })).toBe('ẋ = 1, ẏ = 0');
    expect(tangentName('x1')).toBe('ẋ1');
    expect(tangentName('theta')).toBe('thet\u0227');
    expect(tangentName('x')).toBe('\u1e8b');
  });

  it('sums up the zeros of a long seed', () => {
    expect(seedText({ w0: 0, w1: 1, w2: 0, x0: 0, x1: 0 })).toBe('ẇ1 = 1, others 0');
    expect(seedText({ a: 1, b: 0, c: 0 })).toBe('ȧ = 1, ḃ = 0, ċ = 0');
  });
});
