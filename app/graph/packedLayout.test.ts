// A layout packed into transferred buffers by the worker arrives as the same layout, bit for bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { layoutInputOf } from './graphInput.ts';
import { computeLayout, postableLayout } from './layout.ts';
import { programs } from './layout-formulas.ts';
import { bindingChain, wideSum } from './layout-shapes.ts';
import { packLayout, transferablesOf, unpackLayout, type PackedLayout } from './packedLayout.ts';

/** What the main thread receives: the message cloned with its buffers transferred. */
function posted(packed: PackedLayout): PackedLayout {
  return structuredClone(packed, { transfer: transferablesOf(packed) });
}

function roundTrip(formula: string) {
  const built = compile(formula);
  if (!built.ok) return null;
  const sent = postableLayout(computeLayout(layoutInputOf(built.graph)));
  const want = structuredClone(sent);
  return { want, got: unpackLayout(posted(packLayout(sent.layout, sent.bulged))) };
}

describe('packed layouts', () => {
  it('unpack to the layout that was packed, exactly', () => {
    for (const formula of [
      'x',
      '3',
      'x*x',
      'x*x + x*x*x + sin(x)*x',
      'a = x*y\nb = a*x + a*y\nc = b*b + a\nc + x',
      wideSum(30),
      bindingChain(40),
    ]) {
      const r = roundTrip(formula)!;
      expect(r, formula).not.toBeNull();
      expect(r.got).toStrictEqual(r.want);
    }
  });

  it('keep a one-node graph with no edges', () => {
    const r = roundTrip('x')!;
    expect(r.got.layout.nodes).toHaveLength(1);
    expect(r.got.layout.edges).toEqual([]);
    expect(r.got).toStrictEqual(r.want);
  });

  it('keep label sides, bulged edges and every coordinate on generated formulas', () => {
    fc.assert(
      fc.property(programs, (formula) => {
        const r = roundTrip(formula);
        if (r) expect(r.got).toStrictEqual(r.want);
      }),
      { numRuns: 60, seed: 12 },
    );
    // A repeated argument bulges: its id must survive the trip.
    const r = roundTrip('x*x + y')!;
    expect(r.want.bulged.length).toBeGreaterThan(0);
    expect(r.got.bulged).toEqual(r.want.bulged);
  });

  it('are sent as buffers, which the sender no longer holds', () => {
    const sent = postableLayout(computeLayout(layoutInputOf(graphOf('sin(a) * cos(b) + 1'))));
    const packed = packLayout(sent.layout, sent.bulged);
    const arrived = posted(packed);
    expect(packed.nodeXY.length).toBe(0);
    expect(arrived.nodeXY.length).toBe(2 * sent.layout.nodes.length);
  });
});
