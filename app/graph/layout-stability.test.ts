// A one-character edit must move only what it changed, so the eye can follow: nodes are matched
// across edits by what they compute (their structure), not by their tape index, which shifts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { layoutInputOf } from './graphInput.ts';
import { computeLayout, isRespaced, projectorScale, PROJECTOR } from './layout.ts';
import { programs } from './layout-formulas.ts';

/** Each node's position, keyed by its structure (`+(×(x,y),2)`); repeated keys numbered. */
function positions(formula: string): Map<string, [number, number]> {
  return placed(formula).at;
}

/** positions, and each node's tag (`output`, a binding's name) by the same keys. */
function placed(formula: string): {
  at: Map<string, [number, number]>;
  tag: Map<string, string>;
  respaced: boolean;
} {
  const graph = graphOf(formula);
  const input = layoutInputOf(graph);
  const layout = computeLayout(input);
  const keys: string[] = [];
  for (const node of graph.nodes) {
    keys.push(
      node.kind === 'op' ? `${node.op}(${node.args.map((a) => keys[a]).join(',')})` : node.label,
    );
  }
  const seen = new Map<string, number>();
  const out = new Map<string, [number, number]>();
  const tag = new Map<string, string>();
  for (const p of layout.nodes) {
    const key = keys[p.id]!;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    out.set(`${key}#${k}`, [p.x, p.y]);
    tag.set(`${key}#${k}`, input.nodes.find((n) => n.id === p.id)!.tag ?? '');
  }
  return { at: out, tag, respaced: isRespaced(layout) };
}

/**
 * The nodes both formulas share, compared: those right of the first column keep their offsets from
 * the first of them, and those in it (which hold only leaves, re-packed around their consumers)
 * keep their top-to-bottom order. A node whose tag changed (the old output, which loses its
 * `output` when a term is appended) has changed what is drawn over it, and the room its edges'
 * labels need beside that tag: it keeps its height (offset) and may only move sideways.
 */
function shared(before: string, after: string) {
  const { at: a, tag: tagA, respaced: respacedA } = placed(before);
  const { at: b, tag: tagB, respaced: respacedB } = placed(after);
  const keys = [...a.keys()].filter((k) => b.has(k));
  const left = (m: Map<string, [number, number]>) => Math.min(...[...m.values()].map(([x]) => x));
  const inner = keys.filter((k) => a.get(k)![0] > left(a) && b.get(k)![0] > left(b));
  const first = keys.filter((k) => !inner.includes(k));
  const offsets = (m: Map<string, [number, number]>) => {
    if (inner.length === 0) return [];
    const [x0, y0] = m.get(inner.find((k) => tagA.get(k) === tagB.get(k)) ?? inner[0]!)!;
    return inner.map((k) =>
      tagA.get(k) === tagB.get(k)
        ? [m.get(k)![0] - x0, m.get(k)![1] - y0].map(Math.round)
        : [Math.round(m.get(k)![1] - y0)],
    );
  };
  const order = (m: Map<string, [number, number]>) =>
    [...first].sort((p, q) => m.get(p)![1] - m.get(q)![1]);
  return {
    count: inner.length,
    /** The edit took the drawing across the projector's size, where it is re-spaced to fit. */
    respaced: respacedA !== respacedB,
    before: { offsets: offsets(a), order: order(a) },
    after: { offsets: offsets(b), order: order(b) },
  };
}

/** One formula over a few variables and constants, as typed in the editor's first line. */
const formulas: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('x', 'y', 'w', 'b', '2', '3'),
    fc.tuple(fc.constantFrom('sin', 'exp', 'tanh'), tie('e')).map(([f, a]) => `${f}(${a})`),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e'))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
  ),
})).e;

/** A program's single-digit constants (`2`, not `x2` or `0.5`), where a one-key edit changes one. */
const DIGIT = /(?<![\w.])[2-9](?![\w.])/g;

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
      const { count, respaced, before: a, after: b } = shared(before!, after!);
      expect(count).toBeGreaterThan(1);
      if (respaced) continue;
      expect(b, `${before} → ${after}`).toEqual(a);
    }
  });

  it('re-spaces a drawing only to make it fit the projector, and then it fits', () => {
    // The warm-up with a term appended is too wide at the first spacing and fits at a compact one:
    // that one edit moves what was there (the view is re-fitted then anyway).
    const layout = computeLayout(layoutInputOf(graphOf('sin(x*y) + exp(x)/y + z')));
    expect(isRespaced(layout)).toBe(true);
    expect(projectorScale(layout)).toBeGreaterThanOrEqual(PROJECTOR.minScale);
    fc.assert(
      fc.property(programs, (program) => {
        if (!compile(program).ok) return;
        const drawn = computeLayout(layoutInputOf(graphOf(program)));
        if (isRespaced(drawn)) {
          expect(projectorScale(drawn), program).toBeGreaterThanOrEqual(PROJECTOR.minScale);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the other arguments of an edited term in their order', () => {
    // Editing the middle term changes its subtree only; the terms above and below keep their order.
    const a = positions('sin(x) + cos(y) + tan(z)');
    const b = positions('sin(x) + exp(y) + tan(z)');
    expect(a.get('sin(x)#0')![1]).toBeLessThan(a.get('tan(z)#0')![1]);
    expect(b.get('sin(x)#0')![1]).toBeLessThan(b.get('tan(z)#0')![1]);
    expect(b.get('sin(x)#0')![1] - b.get('x#0')![1]).toBe(a.get('sin(x)#0')![1] - a.get('x#0')![1]);
  });

  it('moves nothing when one digit of a constant changes, in generated programs', () => {
    let edited = 0;
    fc.assert(
      fc.property(programs, fc.nat(), fc.integer({ min: 2, max: 9 }), (program, pick, digit) => {
        const spots = [...program.matchAll(DIGIT)];
        if (spots.length === 0 || !compile(program).ok) return;
        const at = spots[pick % spots.length]!.index!;
        const after = program.slice(0, at) + String(digit) + program.slice(at + 1);
        const a = computeLayout(layoutInputOf(graphOf(program)));
        const b = computeLayout(layoutInputOf(graphOf(after)));
        expect(b.nodes, `${program} → ${after}`).toEqual(a.nodes);
        edited++;
      }),
      { numRuns: 500 },
    );
    expect(edited).toBeGreaterThan(30);
  });

  it('keeps every earlier node in place when ` + z` is typed at the end, in generated formulas', () => {
    // One formula, no bindings: an unused binding is a tree of its own stacked beside the output's,
    // which a new term reshapes, so it does move (not yet fixed).
    let compared = 0;
    fc.assert(
      fc.property(formulas, (program) => {
        const after = `${program} + z`;
        // Typing after an expression; a last line that is a bare name or number makes its node
        // the output, and appending to it moves that node out of the output's place.
        if (/^[\w.]+$/.test(program.split('\n').pop()!.trim())) return;
        if (!compile(program).ok || !compile(after).ok) return;
        const { count, respaced, before: a, after: b } = shared(program, after);
        if (count < 2 || respaced) return;
        expect(b, `${program} → ${after}`).toEqual(a);
        compared++;
      }),
      { numRuns: 250 },
    );
    expect(compared).toBeGreaterThan(30);
  });
});
