// Fan-out: a node used by several edges receives one adjoint contribution per edge, summed.
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { reverse } from './reverse.ts';
import { graphOf } from './test-support.ts';
import { buildTrace, frameAt } from './trace.ts';
import type { Contribution, Graph, Step } from './types.ts';

const idOf = (g: Graph, name: string) => g.inputs[g.variables.indexOf(name)]!;

/** All reverse contributions received by `node`, in the order they were made. */
function contributionsTo(steps: Step[], node: number): Contribution[] {
  return steps.flatMap((s) =>
    s.kind === 'propagate' ? s.contributions.filter((c) => c.to === node) : [],
  );
}

describe('fan-out', () => {
  it('x*x: two edges, two contributions of x each, summed to 2x', () => {
    const g = graphOf('x*x');
    const x = idOf(g, 'x');
    expect(g.edges.filter((e) => e.from === x)).toHaveLength(2);
    const trace = buildTrace(g, { x: 3 }, 'reverse');
    const cs = contributionsTo(trace.steps, x);
    expect(cs.map((c) => [c.partial, c.amount, c.before, c.after])).toEqual([
      [3, 3, 0, 3],
      [3, 3, 3, 6],
    ]);
    expect(new Set(cs.map((c) => c.edge)).size).toBe(2);
    expect(frameAt(trace, trace.steps.length).adjoints[x]).toBe(6);
  });

  it('x*x + x: three contributions to x, 1 + x + x', () => {
    const g = graphOf('x*x + x');
    const x = idOf(g, 'x');
    const trace = buildTrace(g, { x: 3 }, 'reverse');
    const cs = contributionsTo(trace.steps, x);
    expect(cs.map((c) => c.amount)).toEqual([1, 3, 3]);
    cs.slice(1).forEach((c, i) => expect(c.before).toBe(cs[i]!.after));
    expect(cs.at(-1)!.after).toBe(7);
    const { adjoints, contributions } = reverse(g, evaluate(g, { x: 3 }));
    expect(adjoints[x]).toBe(7);
    const perEdge = g.outEdges[x]!.map((e) => contributions[e]);
    expect(perEdge.reduce((s, v) => s! + v!, 0)).toBe(7);
  });

  it('(a+b)*(b+1): b receives one contribution through each sum (Olah)', () => {
    const g = graphOf('(a+b)*(b+1)');
    const a = idOf(g, 'a');
    const b = idOf(g, 'b');
    const trace = buildTrace(g, { a: 2, b: 1 }, 'reverse');
    // c = a+b = 3, d = b+1 = 2, e = c·d: ē = 1, c̄ = d = 2, d̄ = c = 3; b̄ = c̄ + d̄.
    const toB = contributionsTo(trace.steps, b);
    expect(toB.map((c) => [c.partial, c.amount])).toEqual([
      [1, 3],
      [1, 2],
    ]);
    expect(toB[1]!.before).toBe(3);
    expect(toB[1]!.after).toBe(5);
    expect(contributionsTo(trace.steps, a).map((c) => c.amount)).toEqual([2]);
    const done = frameAt(trace, trace.steps.length);
    expect([done.adjoints[a], done.adjoints[b]]).toEqual([2, 5]);
    // The constant 1 is an argument but receives nothing.
    const one = g.nodes.find((n) => n.kind === 'constant')!;
    expect(contributionsTo(trace.steps, one.id)).toEqual([]);
    expect(done.adjoints[one.id]).toBeNull();
  });
});
