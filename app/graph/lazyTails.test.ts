// Contributions' places (`tail`) are placed on first read past ROOM_NODES, and a layout from the
// worker gets them on the main thread (withLazyTails): in either case where the layout itself
// would put them, whatever order they are read in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { layoutInputOf } from './graphInput.ts';
import { computeLayout, postableLayout, withLazyTails, type Layout } from './layout.ts';
import { programs } from './layout-formulas.ts';
import { bindingChain, wideSum } from './layout-shapes.ts';

const FORMULAS = [
  wideSum(100),
  bindingChain(100),
  wideSum(301),
  bindingChain(200),
  'x*x + x*x*x + sin(x)*x',
  'a = x*y\nb = a*x + a*y\nc = b*b + a\nc + x',
];

const tailsOf = (layout: Layout, order: 'forward' | 'backward') => {
  const ks = layout.edges.map((_, k) => k);
  if (order === 'backward') ks.reverse();
  const out = new Map<number, [number, number]>();
  for (const k of ks) out.set(k, layout.edges[k]!.tail);
  return out;
};

describe('lazy contribution places', () => {
  it('are the same whatever order they are read in', () => {
    for (const formula of FORMULAS) {
      const input = layoutInputOf(graphOf(formula));
      const forward = tailsOf(computeLayout(input), 'forward');
      const backward = tailsOf(computeLayout(input), 'backward');
      expect(backward).toEqual(forward);
    }
  });

  it('posted from a worker and placed on arrival, land where the layout puts them', () => {
    const check = (formula: string) => {
      // Generated programs may redefine a name: those are the compiler's to report.
      const built = compile(formula);
      if (!built.ok) return;
      const input = layoutInputOf(built.graph);
      const layout = computeLayout(input);
      const posted = structuredClone(postableLayout(layout));
      expect(posted.layout.edges.every((e) => !('tail' in e))).toBe(true);
      const arrived = withLazyTails(posted.layout, input, posted.bulged);
      expect(arrived.nodes).toEqual(layout.nodes);
      arrived.edges.forEach((e, k) => {
        const want = layout.edges[k]!;
        expect(e.mid).toEqual(want.mid);
        // Placed in the drawing's coordinates instead of before its final shift: the same place
        // up to rounding.
        expect(e.tail[0]).toBeCloseTo(want.tail[0], 6);
        expect(e.tail[1]).toBeCloseTo(want.tail[1], 6);
      });
    };
    for (const formula of FORMULAS) check(formula);
    fc.assert(fc.property(programs, check), { numRuns: 100, seed: 8 });
  });
});
