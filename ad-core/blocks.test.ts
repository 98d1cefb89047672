import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockLabel,
  blocksOf,
  explainBlockStep,
  groupSteps,
  sourceStepAt,
  viewEvaluation,
  viewFrame,
  viewGraph,
  visibleStepAt,
} from './blocks.ts';
import { evaluate } from './evaluate.ts';
import { gradient } from './reverse.ts';
import { graphOf } from './test-support.ts';
import { buildTrace, frameAt } from './trace.ts';
import type { Graph, Point } from './types.ts';

const NET = [
  'h1 = tanh(w11*x1 + w12*x2 + b1)',
  'h2 = tanh(w21*x1 + w22*x2 + b2)',
  'y = w1*h1 + w2*h2 + b',
  '(y - t)^2',
].join('\n');

const nameOf = (g: Graph, id: number) =>
  g.nodes[id]!.variable ?? g.nodes[id]!.binding ?? g.nodes[id]!.name;

describe('blocksOf', () => {
  it('holds the operations computed only for the binding and reads inputs and other bindings', () => {
    const g = graphOf(NET);
    const blocks = blocksOf(g);
    expect(blocks.map((b) => b.name)).toEqual(['h1', 'h2', 'y']);
    const [h1, , y] = blocks;
    expect(h1!.operations).toBe(5); // two ×, two +, tanh
    expect(h1!.args.map((a) => nameOf(g, a))).toEqual(['w11', 'x1', 'w12', 'x2', 'b1']);
    expect(h1!.inner.at(-1)).toBe(h1!.node);
    expect(y!.args.map((a) => nameOf(g, a))).toEqual(['w1', 'h1', 'w2', 'h2', 'b']);
    expect(y!.operations).toBe(4);
  });

  it('leaves a subexpression shared by two bindings outside both (merge on)', () => {
    const g = graphOf('a = sin(x)*2\nb = sin(x)+1\na*b', { mergeCommonSubexpressions: true });
    const [a, b] = blocksOf(g);
    const sin = g.nodes.find((n) => n.op === 'sin')!.id;
    expect(a!.inner).not.toContain(sin);
    expect(b!.inner).not.toContain(sin);
    expect(a!.args).toContain(sin);
    expect(b!.args).toContain(sin);
  });

  it('never hides the output inside a block', () => {
    const g = graphOf('h = sin(x)*2\nsin(x)', { mergeCommonSubexpressions: true });
    expect(blocksOf(g)[0]!.inner).not.toContain(g.output);
  });

  it('writes trailing digits as a subscript', () => {
    expect(blockLabel('h1')).toBe('h₁');
    expect(blockLabel('loss')).toBe('loss');
    expect(blockLabel('a12')).toBe('a₁₂');
  });
});

describe('viewGraph', () => {
  it('replaces a block by one node reading its arguments once each', () => {
    const g = graphOf(NET);
    const view = viewGraph(g, ['h1']);
    const v = view.fromSource[blocksOf(g)[0]!.node]!;
    const node = view.graph.nodes[v]!;
    expect(node.op).toBe('block');
    expect(node.label).toBe('h₁');
    expect(
      view.graph.inEdges[v]!.map((e) => nameOf(view.graph, view.graph.edges[e]!.from)),
    ).toEqual(['w11', 'x1', 'w12', 'x2', 'b1']);
    expect(view.graph.nodes.length).toBe(g.nodes.length - 4);
  });

  it('block partials are the derivative through the block', () => {
    const g = graphOf('h = x*x + 3*y\nh');
    const view = viewGraph(g, ['h']);
    const ev = viewEvaluation(view, evaluate(g, { x: 2, y: 5 }));
    const v = view.fromSource[g.output]!;
    const byArg = new Map(
      view.graph.inEdges[v]!.map((e) => [
        nameOf(view.graph, view.graph.edges[e]!.from),
        ev.partials[e],
      ]),
    );
    expect(byArg.get('x')).toBe(4);
    expect(byArg.get('y')).toBe(3);
    expect(ev.values[v]).toBe(19);
  });
});

describe('groupSteps', () => {
  it('plays a collapsed block as one forward step and one reverse step', () => {
    const g = graphOf(NET);
    const point: Point = {
      x1: 0.5,
      x2: -1,
      w11: 0.3,
      w12: 0.8,
      b1: 0.1,
      w21: -0.6,
      w22: 0.4,
      b2: 0.2,
      w1: 1.2,
      w2: -0.7,
      b: 0.05,
      t: 1,
    };
    const trace = buildTrace(g, point, 'reverse');
    const all = groupSteps(trace, viewGraph(g, []));
    expect(all.length).toBe(trace.steps.length);
    const view = viewGraph(g, ['h1', 'h2']);
    const groups = groupSteps(trace, view);
    // Each block hides 4 evaluate and 4 propagate steps.
    expect(groups.length).toBe(trace.steps.length - 16);
    const forward = groups.find((s) => s.block?.name === 'h1' && s.view.kind === 'evaluate')!;
    const text = explainBlockStep(view, forward)!;
    expect(text.title).toBe('h₁ computed: 5 operations');
    const back = groups.find((s) => s.block?.name === 'h2' && s.view.kind === 'propagate')!;
    expect(back.view.kind === 'propagate' && back.view.contributions.length).toBe(5);
    const k = groups.indexOf(back) + 1;
    const frame = viewFrame(view, groups, frameAt(trace, sourceStepAt(groups, k)), k);
    expect(frame.current).toBe(back.view);
    expect(frame.activeEdges.length).toBe(5);
    expect(frame.phase).toBe('reverse');
    expect(explainBlockStep(view, back)!.lines[0]).toMatch(/^adjoint of w21 \+= /);
    // h₁ is the last node the adjoint reaches: its block is the last step.
    expect(groups.at(-1)!.block?.name).toBe('h1');
  });
});

// Formulas with bindings: used, unused, chained, shared, a binding or an input as the output.
const variable = fc.constantFrom('x', 'y', 'z');
const unary = fc.constantFrom('sin', 'tanh', 'exp', 'cos');
const binary = fc.constantFrom('+', '-', '*');
function exprOver(names: string[]) {
  const leaf = fc.oneof(
    { weight: 3, arbitrary: names.length > 0 ? fc.constantFrom(...names, 'x', 'y') : variable },
    { weight: 1, arbitrary: fc.constantFrom('2', '0.5', 'x', 'sin(x)') },
  );
  return fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(unary, tie('e')).map(([f, a]) => `${f}(${a})`),
      fc.tuple(tie('e'), binary, tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    ),
  })).e;
}
const program = fc
  .integer({ min: 1, max: 4 })
  .chain((count) => {
    const names = Array.from({ length: count }, (_, i) => `a${i}`);
    const lines = names.map((n, i) => exprOver(names.slice(0, i)).map((e) => `${n} = ${e}`));
    const last = fc.oneof(exprOver(names), fc.constantFrom(...names, 'x'));
    return fc.tuple(fc.tuple(...lines), last, fc.boolean(), fc.subarray(names));
  })
  .map(([lines, last, merge, collapse]) => ({
    source: [...lines, last].join('\n'),
    merge,
    collapse,
  }));
const point = fc.record({
  x: fc.double({ min: -2, max: 2, noNaN: true }),
  y: fc.double({ min: -2, max: 2, noNaN: true }),
  z: fc.double({ min: -2, max: 2, noNaN: true }),
});

describe('blocks over generated formulas', () => {
  it('blocks are disjoint, closed under consumers, and the view is a valid graph', () => {
    fc.assert(
      fc.property(program, ({ source, merge, collapse }) => {
        const g = graphOf(source, { mergeCommonSubexpressions: merge });
        const blocks = blocksOf(g);
        const owner = new Map<number, string>();
        for (const b of blocks) {
          for (const id of b.inner) {
            expect(owner.has(id)).toBe(false);
            owner.set(id, b.name);
            expect(g.nodes[id]!.kind).not.toBe('input');
            if (id !== b.node) {
              expect(id).not.toBe(g.output);
              for (const e of g.outEdges[id]!) expect(b.inner).toContain(g.edges[e]!.to);
            }
          }
          for (const a of b.args) expect(b.inner).not.toContain(a);
        }
        const view = viewGraph(g, collapse);
        const vg = view.graph;
        expect(vg.nodes.every((n, i) => n.id === i)).toBe(true);
        vg.edges.forEach((e, i) => {
          expect(e.id).toBe(i);
          expect(e.from).toBeLessThan(e.to);
          expect(vg.inEdges[e.to]).toContain(i);
          expect(vg.outEdges[e.from]).toContain(i);
        });
        const hidden = collapse.reduce(
          (s, name) => s + (blocks.find((b) => b.name === name)?.inner.length ?? 1) - 1,
          0,
        );
        expect(vg.nodes.length).toBe(g.nodes.length - hidden);
        expect(vg.output).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('the chain rule through collapsed blocks gives the same gradient', () => {
    fc.assert(
      fc.property(program, point, ({ source, merge, collapse }, p) => {
        const g = graphOf(source, { mergeCommonSubexpressions: merge });
        const view = viewGraph(g, collapse);
        const ev = viewEvaluation(view, evaluate(g, p));
        const vg = view.graph;
        const adj = new Float64Array(vg.nodes.length);
        const live = new Uint8Array(vg.nodes.length);
        adj[vg.output] = 1;
        live[vg.output] = 1;
        for (let v = vg.output; v >= 0; v--) {
          if (!live[v]) continue;
          for (const e of vg.inEdges[v]!) {
            const from = vg.edges[e]!.from;
            live[from] = 1;
            if (vg.nodes[from]!.kind === 'constant') continue;
            adj[from]! += adj[v]! * ev.partials[e]!;
          }
        }
        const expected = gradient(g, p).gradient;
        vg.inputs.forEach((id, i) => {
          const want = expected[g.variables[i]!]!;
          const got = adj[id]!;
          if (Number.isFinite(want))
            expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('grouped steps cover every step once, in order, and frames agree with the source', () => {
    fc.assert(
      fc.property(program, point, fc.boolean(), ({ source, merge, collapse }, p, fwd) => {
        const g = graphOf(source, { mergeCommonSubexpressions: merge });
        const trace = buildTrace(g, p, fwd ? 'forward' : 'reverse');
        const view = viewGraph(g, collapse);
        const groups = groupSteps(trace, view);
        const covered = groups.flatMap((s) => s.steps).sort((a, b) => a - b);
        expect(covered).toEqual(trace.steps.map((_, i) => i));
        for (let k = 1; k < groups.length; k++)
          expect(groups[k]!.end).toBeGreaterThan(groups[k - 1]!.end);
        expect(sourceStepAt(groups, groups.length)).toBe(trace.steps.length);
        for (let k = 0; k <= groups.length; k++) {
          const s = sourceStepAt(groups, k);
          expect(visibleStepAt(groups, s)).toBe(k);
          const frame = viewFrame(view, groups, frameAt(trace, s), k);
          for (let v = 0; v < view.graph.nodes.length; v++) {
            expect(frame.values[v]).toBe(frameAt(trace, s).values[view.toSource[v]!]);
          }
          for (const e of frame.activeEdges) expect(view.graph.edges[e]).toBeDefined();
          const cur = frame.current;
          if (cur?.kind === 'propagate' && groups[k - 1]!.block) {
            for (const c of cur.contributions) {
              const tol = 1e-9 * Math.max(1, Math.abs(c.amount));
              if (Number.isFinite(c.amount))
                expect(Math.abs(c.amount - cur.adjoint * c.partial)).toBeLessThanOrEqual(tol);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
