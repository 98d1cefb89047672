import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { layoutFormulas } from './layout-formulas.ts';
import { drawingKeys, recycled, structuralKeys as stableKeys } from './stableKeys.ts';

const keyOf = (source: string, pick: (label: string) => boolean) => {
  const g = graphOf(source);
  const keys = stableKeys(g);
  return g.nodes.filter((n) => pick(n.name)).map((n) => keys.node[n.id]);
};

describe('stableKeys', () => {
  it('keeps the keys of nodes an edit did not touch, though their ids shift', () => {
    const before = graphOf('a = sin(x)\nb = a*y\nb + 1');
    const after = graphOf('c = x*x\na = sin(x)\nb = a*y\nb + 1');
    const kb = stableKeys(before);
    const ka = stableKeys(after);
    const sinBefore = before.nodes.find((n) => n.op === 'sin')!;
    const sinAfter = after.nodes.find((n) => n.op === 'sin')!;
    expect(sinAfter.id).not.toBe(sinBefore.id);
    expect(ka.node[sinAfter.id]).toBe(kb.node[sinBefore.id]);
    const into = (g: typeof before, k: typeof kb) =>
      g.edges
        .filter((e) => e.to === g.nodes.find((n) => n.op === 'mul' && n.binding === 'b')!.id)
        .map((e) => k.edge[e.id]);
    expect(into(after, ka)).toEqual(into(before, kb));
  });

  it('changes the key of every node downstream of the edit', () => {
    const before = graphOf('x0 + x1 + x2');
    const after = graphOf('x0 + -x1 + x2');
    const outBefore = stableKeys(before).node[before.output];
    const outAfter = stableKeys(after).node[after.output];
    expect(outAfter).not.toBe(outBefore);
  });

  it('tells repeated computations apart', () => {
    const keys = keyOf('x*y + x*y', () => true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives distinct node and edge keys for generated formulas', () => {
    fc.assert(
      fc.property(layoutFormulas, (source) => {
        const built = compile(source);
        if (!built.ok) return;
        const keys = stableKeys(built.graph);
        expect(new Set(keys.node).size).toBe(built.graph.nodes.length);
        expect(new Set(keys.edge).size).toBe(built.graph.edges.length);
        expect(keys.node.every((k) => typeof k === 'string')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('lets a changed node take over the element its id had, and keeps keys distinct', () => {
    const before = graphOf('x0 + x1 + x2 + x3');
    const after = graphOf('x0 + x1 - x2 + x3');
    const drawn = stableKeys(before);
    const next = recycled(stableKeys(after), drawn);
    const out = after.output;
    // The output's sub-expression changed; it keeps the element of its id (the old output's).
    expect(next.node[out]).toBe(drawn.node[before.output]);
    expect(new Set(next.node).size).toBe(after.nodes.length);
    expect(new Set(next.edge).size).toBe(after.edges.length);
    // Untouched inputs keep their keys.
    const x0 = (g: typeof before) => g.inputs[0]!;
    expect(next.node[x0(after)]).toBe(drawn.node[x0(before)]);
  });

  it('keeps keys distinct across any sequence of drawn graphs', () => {
    fc.assert(
      fc.property(fc.array(layoutFormulas, { minLength: 2, maxLength: 4 }), (sources) => {
        for (const source of sources) {
          const built = compile(source);
          if (!built.ok) continue;
          const keys = drawingKeys(built.graph);
          expect(new Set(keys.node).size).toBe(built.graph.nodes.length);
          expect(new Set(keys.edge).size).toBe(built.graph.edges.length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keys a long chain with short keys', () => {
    const lines = ['a1 = x*2'];
    for (let k = 2; k <= 3000; k++) lines.push(`a${k} = a${k - 1}*x + 1`);
    lines.push('a3000');
    const keys = stableKeys(graphOf(lines.join('\n')));
    expect(Math.max(...keys.node.map((k) => k.length))).toBeLessThanOrEqual(20);
  });
});
