import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { forward } from './forward.ts';
import { reverse } from './reverse.ts';
import { graphOf } from './test-support.ts';
import { buildTrace, frameAt } from './trace.ts';
import type { Frame, Point } from './types.ts';

const CASES: [string, Point][] = [
  ['x*y', { x: 2, y: 5 }],
  ['sin(x*y) + exp(x)/y', { x: 1, y: 2 }],
  ['a = x*x + x\nb = (a + y)*(y + 1)\nb - 3*a', { x: 0.5, y: -1.5 }],
  ['(x-3)^2 + max(x, 1)', { x: 1 }],
];

/** Whether everything known in `before` is still known, with the same value unless it accumulates. */
function expectMonotone(before: Frame, after: Frame): void {
  for (let i = 0; i < before.values.length; i++) {
    if (before.values[i] !== null) expect(after.values[i]).toBe(before.values[i]);
    if (before.adjoints[i] !== null) expect(after.adjoints[i]).not.toBeNull();
    if (before.tangents[i] !== null) expect(after.tangents[i]).toBe(before.tangents[i]);
  }
}

describe('reverse-mode trace', () => {
  it('x*y: evaluate x, y, x·y; seed; propagate one contribution per edge', () => {
    const g = graphOf('x*y');
    const trace = buildTrace(g, { x: 2, y: 5 }, 'reverse');
    expect(trace.steps).toEqual([
      { kind: 'evaluate', node: 0, value: 2 },
      { kind: 'evaluate', node: 1, value: 5 },
      { kind: 'evaluate', node: 2, value: 10 },
      { kind: 'seed-adjoint', node: 2, adjoint: 1 },
      {
        kind: 'propagate',
        node: 2,
        adjoint: 1,
        contributions: [
          { edge: 0, from: 2, to: 0, partial: 5, amount: 5, before: 0, after: 5 },
          { edge: 1, from: 2, to: 1, partial: 2, amount: 2, before: 0, after: 2 },
        ],
      },
    ]);
  });

  it('frames: start, forward, seed, reverse, done; active edges of the current step', () => {
    const trace = buildTrace(graphOf('x*y'), { x: 2, y: 5 }, 'reverse');
    const phases = [0, 1, 2, 3, 4, 5].map((k) => frameAt(trace, k).phase);
    expect(phases).toEqual(['start', 'forward', 'forward', 'forward', 'seed', 'done']);
    expect(frameAt(trace, 0)).toMatchObject({ step: 0, total: 5, current: null, activeEdges: [] });
    expect(frameAt(trace, 0).values).toEqual([null, null, null]);
    expect(frameAt(trace, 3).activeEdges).toEqual([0, 1]);
    expect(frameAt(trace, 4).adjoints).toEqual([null, null, 1]);
    expect(frameAt(trace, 5)).toMatchObject({
      values: [2, 5, 10],
      adjoints: [5, 2, 1],
      activeEdges: [0, 1],
    });
    expect(frameAt(trace, 5).tangents).toEqual([null, null, null]);
    expect(frameAt(trace, 4).current).toBe(trace.steps[3]);
  });

  it('constants are known from the start and never get an adjoint', () => {
    const g = graphOf('(x-3)^2');
    const trace = buildTrace(g, { x: 1 }, 'reverse');
    const constants = g.nodes.filter((n) => n.kind === 'constant');
    const first = frameAt(trace, 0);
    const last = frameAt(trace, trace.steps.length);
    for (const c of constants) {
      expect(first.values[c.id]).toBe(c.constant);
      expect(last.adjoints[c.id]).toBeNull();
    }
    expect(last.adjoints.some((a) => a !== null && Number.isNaN(a))).toBe(false);
    expect(trace.steps.filter((s) => s.kind === 'evaluate')).toHaveLength(3);
  });

  it('clamps the cursor to [0, steps]', () => {
    const trace = buildTrace(graphOf('x*y'), { x: 2, y: 5 }, 'reverse');
    expect(frameAt(trace, -3).step).toBe(0);
    expect(frameAt(trace, 99).step).toBe(5);
    expect(frameAt(trace, Infinity).step).toBe(5);
    expect(frameAt(trace, NaN).step).toBe(0);
    expect(frameAt(trace, 2.7).step).toBe(2);
  });
});

describe('replay', () => {
  it.each(CASES)(
    '%s: knowledge only grows, and the last frame equals the direct computation',
    (source, point) => {
      const g = graphOf(source);
      const e = evaluate(g, point);
      const { adjoints } = reverse(g, e);
      const rev = buildTrace(g, point, 'reverse');
      for (let k = 0; k < rev.steps.length; k++)
        expectMonotone(frameAt(rev, k), frameAt(rev, k + 1));
      const done = frameAt(rev, rev.steps.length);
      expect(done.values).toEqual(Array.from(e.values));
      for (const n of g.nodes)
        if (n.kind !== 'constant') expect(done.adjoints[n.id], n.name).toBe(adjoints[n.id]);

      const seed = Object.fromEntries(g.variables.map((v, i) => [v, i + 0.5]));
      const fwd = buildTrace(g, point, 'forward', seed);
      for (let k = 0; k < fwd.steps.length; k++)
        expectMonotone(frameAt(fwd, k), frameAt(fwd, k + 1));
      const { tangents } = forward(g, e, seed);
      expect(frameAt(fwd, fwd.steps.length).tangents).toEqual(Array.from(tangents));
    },
  );

  it.each(CASES)('%s: forward mode with unit seeds agrees with reverse mode', (source, point) => {
    const g = graphOf(source);
    const rev = frameAt(buildTrace(g, point, 'reverse'), Infinity);
    g.variables.forEach((v, k) => {
      const seed = Object.fromEntries(g.variables.map((w) => [w, w === v ? 1 : 0]));
      const fwd = frameAt(buildTrace(g, point, 'forward', seed), Infinity);
      expect(fwd.tangents[g.output]).toBe(rev.adjoints[g.inputs[k]!]);
    });
  });
});

describe('forward-mode trace', () => {
  it('evaluate steps carry value, tangent and one contribution per non-constant argument', () => {
    const g = graphOf('x*y + 2*x');
    const trace = buildTrace(g, { x: 2, y: 5 }, 'forward');
    expect(trace.seed).toEqual({ x: 1, y: 0 });
    expect(trace.steps.every((s) => s.kind === 'evaluate')).toBe(true);
    expect(trace.steps.slice(0, 2)).toEqual([
      { kind: 'evaluate', node: 0, value: 2, tangent: 1 },
      { kind: 'evaluate', node: 1, value: 5, tangent: 0 },
    ]);
    const mul = trace.steps[2]!;
    expect(mul).toEqual({
      kind: 'evaluate',
      node: 2,
      value: 10,
      tangent: 5,
      contributions: [
        { edge: 0, from: 0, to: 2, partial: 5, amount: 5, before: 0, after: 5 },
        { edge: 1, from: 1, to: 2, partial: 2, amount: 0, before: 5, after: 5 },
      ],
    });
    const twoX = trace.steps[3]!;
    expect(twoX.kind === 'evaluate' && twoX.contributions?.map((c) => c.from)).toEqual([0]);
    const frame = frameAt(trace, trace.steps.length);
    expect(frame.tangents[g.output]).toBe(7);
    expect(frame.phase).toBe('done');
    expect(frameAt(trace, 1).phase).toBe('forward');
    expect(frameAt(trace, 0).tangents[g.nodes.find((n) => n.kind === 'constant')!.id]).toBe(0);
  });
});

describe('scrubbing', () => {
  it('moves one step at a time: each frame of a 500-node graph changes only what its step touches', () => {
    // (How fast scrubbing is belongs to the benchmarks; here, that it is a replay of the steps.)
    const lines = Array.from(
      { length: 170 },
      (_, i) => `t${i} = sin(${i === 0 ? 'x' : `t${i - 1}`}) * x + y`,
    );
    const g = graphOf(`${lines.join('\n')}\nt169`);
    expect(g.nodes.length).toBeGreaterThan(500);
    const trace = buildTrace(g, { x: 0.3, y: 0.2 }, 'reverse');
    let before = frameAt(trace, 0);
    for (let k = 1; k <= trace.steps.length; k++) {
      const after = frameAt(trace, k);
      const st = trace.steps[k - 1]!;
      const touched = new Set<number>(
        st.kind === 'propagate'
          ? st.contributions.map((c) => c.to)
          : st.kind === 'seed-tangents'
            ? st.tangents.map((t) => t.node)
            : [st.node],
      );
      for (let i = 0; i < g.nodes.length; i++) {
        if (touched.has(i)) continue;
        expect(after.values[i]).toBe(before.values[i]);
        expect(after.adjoints[i]).toBe(before.adjoints[i]);
      }
      before = after;
    }
    expect(before.adjoints[g.inputs[0]!]).not.toBeNull();
  });
});

describe('a trace given its evaluation', () => {
  it('is the trace that evaluates for itself, in both modes, and uses the very evaluation given', () => {
    for (const [source, point] of CASES) {
      const g = graphOf(source);
      const evaluation = evaluate(g, point);
      const given = buildTrace(g, point, 'reverse', undefined, evaluation);
      expect(given.evaluation).toBe(evaluation);
      expect(given).toEqual(buildTrace(g, point, 'reverse'));
      const seed = { [g.variables[0]!]: 1 };
      expect(buildTrace(g, point, 'forward', seed, evaluate(g, point))).toEqual(
        buildTrace(g, point, 'forward', seed),
      );
    }
  });
});
