// Whatever formula compiles, the layout draws it: every node placed, every edge and label at
// finite coordinates, no exception (the crash that `z = w*x + b` then `x` once caused).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../ad-core/index.ts';
import { layoutInputOf } from './graphInput.ts';
import { computeLayout } from './layout.ts';
import { layoutFormulas } from './layout-formulas.ts';

const finite = (v: number) => Number.isFinite(v);

describe('computeLayout on generated formulas', () => {
  it('places every node and edge of 1,000 formulas at finite coordinates', () => {
    let compiled = 0;
    let runs = 0;
    fc.assert(
      fc.property(layoutFormulas, (formula) => {
        runs++;
        const built = compile(formula);
        if (!built.ok) return;
        compiled++;
        const input = layoutInputOf(built.graph);
        const layout = computeLayout(input);
        expect(new Set(layout.nodes.map((n) => n.id))).toEqual(
          new Set(input.nodes.map((n) => n.id)),
        );
        for (const n of layout.nodes) expect(finite(n.x) && finite(n.y), formula).toBe(true);
        expect(layout.edges).toHaveLength(input.edges.length);
        for (const e of layout.edges) {
          expect(e.points.length).toBeGreaterThanOrEqual(2);
          for (const [x, y] of [...e.points, e.mid, e.tail]) {
            expect(finite(x) && finite(y), formula).toBe(true);
          }
        }
        expect(finite(layout.width) && finite(layout.height)).toBe(true);
      }),
      { numRuns: 1000, seed: Date.now() % 2147483647 },
    );
    expect(runs).toBe(1000);
    // Most generated programs are valid formulas (the rest must fail with diagnostics, not throw).
    expect(compiled).toBeGreaterThan(400);
  }, 120_000);
});
