import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { gradient, reverse } from './reverse.ts';
import { graphOf } from './test-support.ts';

const FORMULAS: [string, Record<string, number>][] = [
  ['sin(x*y) + exp(x)/y', { x: 1, y: 2 }],
  ['a = x - y\nb = a*a/(1 + y^2)\nsqrt(b + 1) - tanh(a)*b + x^y', { x: 1.5, y: 0.8 }],
  [
    'sigmoid(w*x + b) - softplus(-w) + hypot(x, b) + log10(w) + log2(x)',
    { w: 0.4, x: 1.7, b: -0.2 },
  ],
  [
    'max(x, y)*min(x, y) + abs(x - y) + relu(y) - cosh(x)/sinh(y) + asin(0.3*x) + acos(0.2*y) + tan(x)',
    { x: 1.1, y: 0.9 },
  ],
];

describe('reverse mode', () => {
  it('each adjoint is the sum of the contributions along the edges out of the node', () => {
    for (const [source, point] of FORMULAS) {
      const g = graphOf(source);
      const { adjoints, contributions } = reverse(g, evaluate(g, point));
      for (const node of g.nodes) {
        if (node.id === g.output || node.kind === 'constant') continue;
        // In the order they were made: consumers from the last on the tape back, arguments in order.
        const order = [...g.outEdges[node.id]!].sort(
          (a, b) => g.edges[b]!.to - g.edges[a]!.to || a - b,
        );
        const sum = order.reduce((s, e) => s + contributions[e]!, 0);
        expect(adjoints[node.id], `${source}: ${node.name}`).toBe(sum);
      }
    }
  });

  it('the fused gradient gives exactly the numbers of reverse(evaluate(…))', () => {
    for (const [source, point] of FORMULAS) {
      const g = graphOf(source);
      const e = evaluate(g, point);
      const { adjoints } = reverse(g, e);
      const fused = gradient(g, point);
      expect(fused.value).toBe(e.values[g.output]);
      g.variables.forEach((v, k) =>
        expect(fused.gradient[v], `${source}: ${v}`).toBe(adjoints[g.inputs[k]!]),
      );
    }
  });

  it('agrees with central differences at smooth points', () => {
    for (const [source, point] of FORMULAS) {
      const g = graphOf(source);
      const { gradient: grad } = gradient(g, point);
      for (const v of g.variables) {
        const h = 1e-6;
        const f = (d: number) => gradient(g, { ...point, [v]: point[v]! + d }).value;
        const fd = (f(h) - f(-h)) / (2 * h);
        expect(Math.abs(grad[v]! - fd), `${source}: ${v}`).toBeLessThan(
          1e-6 * Math.max(1, Math.abs(fd)),
        );
      }
    }
  });

  it('constants receive nothing: (x−3)^2 at x = 1 has no NaN anywhere', () => {
    const g = graphOf('(x-3)^2');
    const { adjoints, contributions } = reverse(g, evaluate(g, { x: 1 }));
    expect(Array.from(adjoints).some(Number.isNaN)).toBe(false);
    expect(Array.from(contributions).some(Number.isNaN)).toBe(false);
    for (const c of g.nodes.filter((n) => n.kind === 'constant')) expect(adjoints[c.id]).toBe(0);
  });

  it('a statement the output does not use gets adjoint 0 and leaks no NaN', () => {
    const g = graphOf('unused = sqrt(x)\nx*y');
    const point = { x: 0, y: 3 };
    const { adjoints } = reverse(g, evaluate(g, point));
    expect(adjoints[g.nodes.find((n) => n.binding === 'unused')!.id]).toBe(0);
    expect(gradient(g, point).gradient).toEqual({ x: 3, y: 0 });
  });

  it('an output that is an input or a constant', () => {
    expect(gradient(graphOf('x'), { x: 4 })).toEqual({ value: 4, gradient: { x: 1 } });
    expect(gradient(graphOf('2'), {})).toEqual({ value: 2, gradient: {} });
  });

  it('accumulates over a 100,000-node tape without recursion', () => {
    const g = graphOf('x' + '+x'.repeat(99_999));
    expect(gradient(g, { x: 1 })).toEqual({ value: 100_000, gradient: { x: 100_000 } });
  });

  it('reuses its work buffers without carrying anything from one call to the next', () => {
    const source = 'a = log(x)*y\nb = (x - 3)^2 + a\nb*a + sin(y)^x';
    const g = graphOf(source);
    const fresh = (point: Record<string, number>) => gradient(graphOf(source), point);
    const first = gradient(g, { x: -1, y: 2 });
    expect(first.value).toBeNaN();
    const point = { x: 2, y: 0.5 };
    expect(gradient(g, point)).toEqual(fresh(point));
    const e = evaluate(g, point);
    const { adjoints } = reverse(g, e);
    expect(gradient(g, point).value).toBe(e.values[g.output]);
    g.variables.forEach((v, k) =>
      expect(gradient(g, point).gradient[v]).toBe(adjoints[g.inputs[k]!]),
    );
    expect(gradient(g, { y: 0.5 }).value).toBeNaN();
    expect(gradient(g, point)).toEqual(fresh(point));
  });
});
