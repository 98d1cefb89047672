import { describe, expect, it } from 'vitest';
import { compile } from '../graph.ts';
import { gradient } from '../reverse.ts';
import type { Graph, Point } from '../types.ts';
import referenceFixture from '../fixtures/reference-cases.json' with { type: 'json' };
import { naiveGradient } from './naive.ts';
import { BENCH_POINT, benchGraph } from './run-bench.ts';

interface ReferenceCase {
  name: string;
  formula: string;
  at: Point;
  value: number;
  gradient: Point;
}
// JSON imports type each case's point with every other case's names as optional `undefined`.
const referenceCases = referenceFixture as unknown as { cases: ReferenceCase[] };

function graphOf(source: string): Graph {
  const built = compile(source);
  if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message).join('; '));
  return built.graph;
}

function expectSameGradient(graph: Graph, point: Point): void {
  const engine = gradient(graph, point);
  const naive = naiveGradient(graph, point);
  expect(naive.value).toBe(engine.value);
  for (const v of graph.variables) {
    const e = engine.gradient[v] ?? NaN;
    expect(Math.abs((naive.gradient[v] ?? NaN) - e), v).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(e)),
    );
  }
}

describe('naiveGradient (the micrograd-style baseline)', () => {
  it('gives the engine’s value and gradient on every reference case', () => {
    for (const c of referenceCases.cases) expectSameGradient(graphOf(c.formula), c.at);
  });

  it('sums fan-out contributions (x*x + x, shared bindings)', () => {
    expect(naiveGradient(graphOf('x*x + x'), { x: 3 }).gradient).toEqual({ x: 7 });
    expect(naiveGradient(graphOf('a = x*y; a*a + a'), { x: 2, y: 3 }).gradient).toEqual({
      x: 39,
      y: 26,
    });
  });

  it('agrees with the engine on the generated benchmark formulas', () => {
    expectSameGradient(benchGraph(100), BENCH_POINT);
    expectSameGradient(benchGraph(1000), BENCH_POINT);
  });

  it('handles a 10,000-node graph without overflowing the stack', () => {
    // A chain 10,000 deep, through bindings (the parser limits nesting, not chains).
    const lines = Array.from(
      { length: 10_000 },
      (_, i) => `a${i} = sin(${i === 0 ? 'x' : `a${i - 1}`})`,
    );
    const deep = graphOf([...lines, 'a9999'].join('\n'));
    expectSameGradient(deep, { x: 0.5 });
    expect(naiveGradient(deep, { x: 0.5 }).gradient.x).not.toBe(0);
  });
});
