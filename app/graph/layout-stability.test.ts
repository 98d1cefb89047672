// A one-character edit must move only what it changed, so the eye can follow: nodes are matched
// across edits by what they compute (their structure), not by their tape index, which shifts.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../../ad-core/test-support.ts';
import { layoutInputOf } from './graphInput.ts';
import { computeLayout } from './layout.ts';

/** Each node's position, keyed by its structure (`+(×(x,y),2)`); repeated keys numbered. */
function positions(formula: string): Map<string, [number, number]> {
  const graph = graphOf(formula);
  const layout = computeLayout(layoutInputOf(graph));
  const keys: string[] = [];
  for (const node of graph.nodes) {
    keys.push(
      node.kind === 'op' ? `${node.op}(${node.args.map((a) => keys[a]).join(',')})` : node.label,
    );
  }
  const seen = new Map<string, number>();
  const out = new Map<string, [number, number]>();
  for (const p of layout.nodes) {
    const key = keys[p.id]!;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    out.set(`${key}#${k}`, [p.x, p.y]);
  }
  return out;
}

/**
 * The nodes both formulas share: the offsets of those right of the first column from the first of
 * them, and the top-to-bottom order of those in it (the first column holds only leaves, which
 * small drawings re-pack around their consumers), in `before` and `after`.
 */
function shared(before: string, after: string) {
  const a = positions(before);
  const b = positions(after);
  const keys = [...a.keys()].filter((k) => b.has(k));
  const left = (m: Map<string, [number, number]>) => Math.min(...[...m.values()].map(([x]) => x));
  const inner = keys.filter((k) => a.get(k)![0] > left(a) && b.get(k)![0] > left(b));
  const first = keys.filter((k) => !inner.includes(k));
  const offsets = (m: Map<string, [number, number]>) => {
    const [x0, y0] = m.get(inner[0]!)!;
    return inner.map((k) => [m.get(k)![0] - x0, m.get(k)![1] - y0].map(Math.round));
  };
  const order = (m: Map<string, [number, number]>) =>
    [...first].sort((p, q) => m.get(p)![1] - m.get(q)![1]);
  return {
    count: inner.length,
    before: { offsets: offsets(a), order: order(a) },
    after: { offsets: offsets(b), order: order(b) },
  };
}

describe('layout stability across edits', () => {
  it('moves nothing when a constant changes value', () => {
    for (const [before, after] of [
      ['2*x + 3', '2*x + 4'],
      ['1/(1+exp(-(w0*x0 + w1*x1 + w2)))', '3/(1+exp(-(w0*x0 + w1*x1 + w2)))'],
      ['(1-x)^2 + 100*(y-x^2)^2', '(1-x)^2 + 200*(y-x^2)^2'],
      ['a = x*2\nb = a*x + 1\nb', 'a = x*3\nb = a*x + 1\nb'],
    ]) {
      const a = computeLayout(layoutInputOf(graphOf(before!)));
      const b = computeLayout(layoutInputOf(graphOf(after!)));
      expect(b.nodes, `${before} → ${after}`).toEqual(a.nodes);
    }
  });

  it('keeps the earlier nodes where they were, relative to each other, and the first column in order, when a term is appended', () => {
    for (const [before, after] of [
      ['sin(x*y) + exp(x)/y', 'sin(x*y) + exp(x)/y + z'],
      ['w0*x0 + w1*x1', 'w0*x0 + w1*x1 + w2'],
      ['x0 + x1 + x2 + x3', 'x0 + x1 + x2 + x3 + x4'],
    ]) {
      const { count, before: a, after: b } = shared(before!, after!);
      expect(count).toBeGreaterThan(1);
      expect(b, `${before} → ${after}`).toEqual(a);
    }
  });

  it('keeps the other arguments of an edited term in their order', () => {
    // Editing the middle term changes its subtree only; the terms above and below keep their order.
    const a = positions('sin(x) + cos(y) + tan(z)');
    const b = positions('sin(x) + exp(y) + tan(z)');
    expect(a.get('sin(x)#0')![1]).toBeLessThan(a.get('tan(z)#0')![1]);
    expect(b.get('sin(x)#0')![1]).toBeLessThan(b.get('tan(z)#0')![1]);
    expect(b.get('sin(x)#0')![1] - b.get('x#0')![1]).toBe(a.get('sin(x)#0')![1] - a.get('x#0')![1]);
  });
});
