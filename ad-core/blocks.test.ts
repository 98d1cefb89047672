import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockLabel,
  MAX_FOLDED,
  blockPartials,
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

  it('takes as its parameters the inputs it alone reads, never a shared input or an output', () => {
    const g = graphOf(NET);
    const [h1, h2, y] = blocksOf(g);
    expect(h1!.params.map((a) => nameOf(g, a))).toEqual(['w11', 'w12', 'b1']);
    expect(h2!.params.map((a) => nameOf(g, a))).toEqual(['w21', 'w22', 'b2']);
    expect(y!.params.map((a) => nameOf(g, a))).toEqual(['w1', 'w2', 'b']);
    // w is read outside the block too; x is the output.
    const shared = graphOf('h = tanh(w*x + b)\nh + w');
    expect(blocksOf(shared)[0]!.params.map((a) => nameOf(shared, a))).toEqual(['x', 'b']);
    const out = graphOf('z = w*x + b\nx');
    expect(blocksOf(out)[0]!.params.map((a) => nameOf(out, a))).toEqual(['w', 'b']);
    // More than MAX_FOLDED: a tall block; they stay nodes.
    const wide = graphOf(
      `p = ${Array.from({ length: MAX_FOLDED + 1 }, (_, i) => `v${i}*x`).join(' + ')}\np`,
    );
    expect(blocksOf(wide)[0]!.params).toEqual([]);
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
    // Its parameters are written on it; x1 and x2, read by h2 too, stay nodes of their own.
    expect(
      view.graph.inEdges[v]!.map((e) => nameOf(view.graph, view.graph.edges[e]!.from)),
    ).toEqual(['x1', 'x2']);
    expect(node.folded!.map((id) => nameOf(g, id))).toEqual(['w11', 'w12', 'b1']);
    expect(view.graph.nodes.length).toBe(g.nodes.length - 4 - 3);
    for (const id of node.folded!) {
      expect(view.fromSource[id]).toBe(-1);
      expect(view.foldedAt[id]).toBe(v);
      // The trace table keeps a parameter's row: it is not inside the block.
      expect(view.ownerOf[id]).toBe(-1);
    }
    expect(view.graph.variables).toEqual(
      g.variables.filter((x) => !['w11', 'w12', 'b1'].includes(x)),
    );
    expect(view.graph.inputs.map((id) => view.graph.nodes[id]!.variable)).toEqual(
      view.graph.variables,
    );
    // Expanded again, the parameters are nodes again.
    expect(viewGraph(g, []).graph.nodes.length).toBe(g.nodes.length);
  });

  it('block partials are the derivative through the block', () => {
    const g = graphOf('h = x*x + 3*y\nh + 0*(x + y)');
    const view = viewGraph(g, ['h']);
    const ev = viewEvaluation(view, evaluate(g, { x: 2, y: 5 }));
    const v = view.fromSource[blocksOf(g)[0]!.node]!;
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
    // Each block hides 4 evaluate and 4 propagate steps; its parameters' steps stay, on the block.
    expect(groups.length).toBe(trace.steps.length - 16);
    const w11 = g.inputs[g.variables.indexOf('w11')]!;
    const read = groups.find(
      (s) =>
        s.steps.length === 1 &&
        trace.steps[s.steps[0]!]!.kind === 'evaluate' &&
        (trace.steps[s.steps[0]!] as { node: number }).node === w11,
    )!;
    expect(read.view.kind === 'evaluate' && read.view.node).toBe(
      view.fromSource[blocksOf(g)[0]!.node],
    );
    const kr = groups.indexOf(read) + 1;
    expect(
      viewFrame(view, groups, frameAt(trace, sourceStepAt(groups, kr)), kr).activeEdges,
    ).toEqual([]);
    const forward = groups.find((s) => s.block?.name === 'h1' && s.view.kind === 'evaluate')!;
    const text = explainBlockStep(view, forward)!;
    expect(text.title).toBe('h₁ computed: 5 operations');
    const back = groups.find((s) => s.block?.name === 'h2' && s.view.kind === 'propagate')!;
    // Two edges carry the adjoint to x1 and x2; w21, w22 and b2 get theirs on the block.
    expect(back.view.kind === 'propagate' && back.view.contributions.length).toBe(2);
    expect(back.params.map((f) => nameOf(g, f.to))).toEqual(['w21', 'w22', 'b2']);
    const k = groups.indexOf(back) + 1;
    const frame = viewFrame(view, groups, frameAt(trace, sourceStepAt(groups, k)), k);
    expect(frame.current).toBe(back.view);
    expect(frame.activeEdges.length).toBe(2);
    expect(frame.phase).toBe('reverse');
    const lines = explainBlockStep(view, back)!.lines;
    expect(lines.map((l) => /^adjoint of (\w+)/.exec(l)?.[1])).toEqual([
      'w21',
      'x1',
      'w22',
      'x2',
      'b2',
      undefined,
    ]);
    // Forwards, seeded along w21: the tangent w21 brings to h₂, with no edge to show it, is said.
    const fwd = buildTrace(g, point, 'forward', { w21: 1 });
    const fgroups = groupSteps(fwd, view);
    const h2 = fgroups.find((s) => s.block?.name === 'h2')!;
    expect(h2.params.map((f) => [nameOf(g, f.to), f.factor])).toEqual([['w21', 1]]);
    expect(h2.view.kind === 'evaluate' && h2.view.tangent).toBeCloseTo(h2.params[0]!.amount, 12);
    expect(explainBlockStep(view, h2)!.lines).toContainEqual(
      expect.stringMatching(/^From w21: ∂h₂\/∂w21 · w21's tangent = /),
    );
    // What reaches a parameter is the same as in the full trace.
    const adjoints = frameAt(trace, sourceStepAt(groups, k)).adjoints;
    for (const f of back.params) expect(f.amount).toBeCloseTo(adjoints[f.to]!, 12);
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
          for (const a of b.params) {
            expect(b.args).toContain(a);
            expect(g.nodes[a]!.kind).toBe('input');
            expect(a).not.toBe(g.output);
            for (const e of g.outEdges[a]!) expect(b.inner).toContain(g.edges[e]!.to);
          }
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
        const hidden = collapse.reduce((s, name) => {
          const b = blocks.find((x) => x.name === name);
          return s + (b ? b.inner.length - 1 + b.params.length : 0);
        }, 0);
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
        const close = (got: number, want: number) => {
          if (Number.isFinite(want))
            expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        };
        vg.inputs.forEach((id, i) => close(adj[id]!, expected[vg.variables[i]!]!));
        // A folded parameter's: its block's adjoint times the partial through the block.
        const sourcePartials = evaluate(g, p).partials;
        for (const [v, block] of view.blocks) {
          const jac = blockPartials(g, block, sourcePartials);
          for (const id of block.params) {
            const want = expected[g.nodes[id]!.variable!]!;
            close(live[v] ? adj[v]! * jac[block.args.indexOf(id)]! : 0, want);
          }
        }
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
