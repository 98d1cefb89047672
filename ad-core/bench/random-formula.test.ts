import { describe, expect, it } from 'vitest';
import { compile } from '../graph.ts';
import { evaluateValues } from '../evaluate.ts';
import { mulberry32, randomFormula } from './random-formula.ts';
import { BENCH_POINT } from './run-bench.ts';

describe('mulberry32', () => {
  it('is deterministic per seed and spreads over [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
});

describe('randomFormula', () => {
  it('is the same formula for the same seed and a different one for another seed', () => {
    expect(randomFormula(500, 1).source).toBe(randomFormula(500, 1).source);
    expect(randomFormula(500, 2).source).not.toBe(randomFormula(500, 1).source);
  });

  for (const size of [100, 1_000, 10_000]) {
    it(`compiles to about ${size} nodes with reused bindings and a finite value`, () => {
      const formula = randomFormula(size, 7);
      const built = compile(formula.source);
      if (!built.ok) throw new Error(built.diagnostics[0]?.message);
      const { graph } = built;
      expect(graph.nodes.length).toBe(formula.estimatedNodes);
      expect(graph.nodes.length).toBeGreaterThanOrEqual(size);
      expect(graph.nodes.length).toBeLessThan(size * 1.2 + 30);
      // Reuse: some binding feeds several consumers, so its adjoint sums contributions.
      const shared = graph.nodes.filter(
        (n) => n.binding !== undefined && (graph.outEdges[n.id]?.length ?? 0) >= 2,
      );
      expect(shared.length).toBeGreaterThan(formula.bindings / 10);
      expect(graph.variables).toEqual(['x', 'y', 'z']);
      expect(Number.isFinite(evaluateValues(graph, BENCH_POINT)[graph.output])).toBe(true);
    });
  }
});
