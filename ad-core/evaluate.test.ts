import { describe, expect, it } from 'vitest';
import { evaluate, evaluateValues } from './evaluate.ts';
import { graphOf } from './test-support.ts';

describe('evaluate', () => {
  it('computes every node value and the local partial of every edge', () => {
    const g = graphOf('sin(x*y) + exp(x)/y');
    const e = evaluate(g, { x: 1, y: 2 });
    // Tape by level: x, y, mul, exp, sin, div, add.
    expect(Array.from(e.values)).toEqual([
      1,
      2,
      2,
      Math.E,
      Math.sin(2),
      Math.E / 2,
      Math.sin(2) + Math.E / 2,
    ]);
    // Edges in tape order: x→mul, y→mul, x→exp, mul→sin, exp→div, y→div, sin→add, div→add.
    expect(g.edges.map((edge) => [edge.from, edge.to])).toEqual([
      [0, 2],
      [1, 2],
      [0, 3],
      [2, 4],
      [3, 5],
      [1, 5],
      [4, 6],
      [5, 6],
    ]);
    expect(Array.from(e.partials)).toEqual([
      2,
      1,
      Math.E,
      Math.cos(2),
      1 / 2,
      -(Math.E / 2) / 2,
      1,
      1,
    ]);
    expect(e.conventions.size).toBe(0);
  });

  it('evaluateValues gives the same values, and constants keep their value', () => {
    const g = graphOf('(2.1*w + b - 4)^2');
    const point = { w: 1, b: 0 };
    expect(evaluateValues(g, point)).toEqual(evaluate(g, point).values);
    const constants = g.nodes.filter((n) => n.kind === 'constant');
    for (const c of constants) expect(evaluateValues(g, point)[c.id]).toBe(c.constant);
  });

  it('a variable missing from the point is NaN, also names that exist on every object', () => {
    const g = graphOf('x + toString + constructor');
    const v = evaluateValues(g, { x: 1 });
    expect(v[g.output]).toBeNaN();
    expect(v[g.inputs[0]!]).toBe(1);
    expect(v[g.inputs[1]!]).toBeNaN();
    expect(v[g.inputs[2]!]).toBeNaN();
  });

  it('marks the nodes where a convention decided a partial, with the rule in words', () => {
    const g = graphOf('abs(x) + relu(y) + max(x, y)');
    const e = evaluate(g, { x: 0, y: 0 });
    const marked = [...e.conventions.entries()].map(([id, rule]) => [g.nodes[id]!.op, rule]);
    expect(marked.map(([op]) => op)).toEqual(['abs', 'relu', 'max']);
    expect(marked[0]![1]).toBe("abs has no derivative at 0; by convention abs'(0) = 0");
    expect(evaluate(g, { x: 1, y: 2 }).conventions.size).toBe(0);
  });

  it('keeps NaN and infinities in values and partials', () => {
    const g = graphOf('sqrt(x) + log(x) + 1/y');
    const e = evaluate(g, { x: -1, y: 0 });
    expect(e.values[g.output]).toBeNaN();
    const sqrtNode = g.nodes.find((n) => n.op === 'sqrt')!;
    expect(e.partials[g.inEdges[sqrtNode.id]![0]!]).toBeNaN();
    // log of a negative number is NaN, but its slope stays 1/x (PyTorch).
    const logNode = g.nodes.find((n) => n.op === 'log')!;
    expect(e.values[logNode.id]).toBeNaN();
    expect(e.partials[g.inEdges[logNode.id]![0]!]).toBe(-1);
    const div = g.nodes.find((n) => n.op === 'div')!;
    expect(e.values[div.id]).toBe(Infinity);
    expect(e.partials[g.inEdges[div.id]![1]!]).toBe(-Infinity);
  });

  it('evaluateValues and evaluate agree bit for bit on every op, constants and unused bindings', () => {
    const g = graphOf(
      'unused = exp(x)\nsin(x)*cos(y) + tan(x) - asin(0.3*x)/acos(0.2*y) + atan(x)^y + atan2(x, y) +' +
        ' sinh(x) - cosh(y) + tanh(x) + log(x) + log2(y) - log10(x) + sqrt(y) + abs(-x) + relu(y) +' +
        ' sigmoid(x) - softplus(y) + max(x, y) * min(x, y) + hypot(x, y) + (-x)^2 + 2^x',
    );
    for (const point of [
      { x: 1.3, y: 0.7 },
      { x: -0.4, y: 0 },
      { x: NaN, y: 2 },
    ]) {
      const fast = evaluateValues(g, point);
      const full = evaluate(g, point).values;
      expect(fast).toHaveLength(g.nodes.length);
      fast.forEach((v, i) => expect(Object.is(v, full[i]), `${g.nodes[i]!.name}`).toBe(true));
    }
    const unused = g.nodes.find((n) => n.binding === 'unused')!;
    expect(evaluateValues(g, { x: 1, y: 1 })[unused.id]).toBe(Math.E);
  });
});
