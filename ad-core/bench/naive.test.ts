import { describe, expect, it } from 'vitest';
import { gradient } from '../reverse.ts';
import { graphOf, referenceCases } from '../test-support.ts';
import type { Graph, Point } from '../types.ts';
import { Value, forwardValues, naiveGradient } from './naive.ts';
import { BENCH_POINT, benchGraph } from './run-bench.ts';

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

  it('has micrograd’s structure: a Value per op, its children as a Set, its own closure', () => {
    const { output, inputs } = forwardValues(graphOf('x*x + 2*x + (x - 1)^2'), { x: 3 });
    const [x] = inputs as [Value];
    expect(output).toBeInstanceOf(Value);
    expect(output._prev).toBeInstanceOf(Set);
    const [left, square] = [...output._prev] as [Value, Value];
    const [xx, twoX] = [...left._prev] as [Value, Value];
    // x*x: the Set holds x once; the closure still adds both shares.
    expect([...xx._prev]).toEqual([x]);
    // A number operand is wrapped where it is used; a constant exponent stays a number.
    expect([...twoX._prev].map((v) => v.data)).toEqual([2, 3]);
    expect(square._op).toBe('**2');
    expect(square._prev.size).toBe(1);
    expect(new Set([output, left, square, xx, twoX].map((v) => v._backward)).size).toBe(5);
    output.backward();
    expect(output.data).toBe(9 + 6 + 4);
    expect(x.grad).toBe(6 + 2 + 4);
  });
});
