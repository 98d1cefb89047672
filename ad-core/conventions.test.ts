// Derivatives where none exists follow PyTorch (DESIGN.md), and the node is marked with the rule.
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { forward } from './forward.ts';
import { gradient, reverse } from './reverse.ts';
import { graphOf } from './test-support.ts';
import type { Graph, Point } from './types.ts';

/** Gradient by reverse mode, checked against the fused path and forward mode. */
function grad(
  source: string,
  point: Point,
): { graph: Graph; g: Record<string, number>; marked: string[] } {
  const graph = graphOf(source);
  const evaluation = evaluate(graph, point);
  const { adjoints } = reverse(graph, evaluation);
  const g = Object.fromEntries(graph.variables.map((v, k) => [v, adjoints[graph.inputs[k]!]!]));
  expect(gradient(graph, point).gradient).toEqual(g);
  for (const v of graph.variables) {
    const seed = Object.fromEntries(graph.variables.map((w) => [w, w === v ? 1 : 0]));
    expect(forward(graph, evaluation, seed).tangents[graph.output]).toEqual(g[v]);
  }
  const marked = [...evaluation.conventions.keys()].map((id) => graph.nodes[id]!.op);
  return { graph, g, marked };
}

describe('conventions', () => {
  it("abs'(0) = 0 and relu'(0) = 0, with the node marked", () => {
    expect(grad('abs(x)', { x: 0 })).toMatchObject({ g: { x: 0 }, marked: ['abs'] });
    expect(grad('relu(x)', { x: 0 })).toMatchObject({ g: { x: 0 }, marked: ['relu'] });
    expect(grad('abs(x)', { x: -2 })).toMatchObject({ g: { x: -1 }, marked: [] });
    expect(grad('relu(x)', { x: 2 })).toMatchObject({ g: { x: 1 }, marked: [] });
  });

  it("sqrt'(0) = +∞; at −0 PyTorch's grad / (2·sqrt(−0)) is −∞", () => {
    expect(grad('sqrt(x)', { x: 0 })).toMatchObject({ g: { x: Infinity }, marked: ['sqrt'] });
    expect(grad('sqrt(x)', { x: -0 }).g.x).toBe(-Infinity);
  });

  it('max/min ties give ½ to each argument', () => {
    expect(grad('max(x, y)', { x: 2, y: 2 })).toMatchObject({
      g: { x: 0.5, y: 0.5 },
      marked: ['max'],
    });
    expect(grad('min(x, y)', { x: 2, y: 2 })).toMatchObject({
      g: { x: 0.5, y: 0.5 },
      marked: ['min'],
    });
    expect(grad('max(x, y)', { x: 3, y: 2 }).g).toEqual({ x: 1, y: 0 });
    expect(grad('min(x, y)', { x: 3, y: 2 }).g).toEqual({ x: 0, y: 1 });
    // max(x, x) ties with itself: ½ + ½ = 1, the true slope.
    expect(grad('max(x, x)', { x: 4 }).g.x).toBe(1);
  });

  it('x^0: ∂/∂x = 0 where y = 0, even at x = 0', () => {
    expect(grad('x^y', { x: 0, y: 0 })).toMatchObject({ g: { x: 0, y: 0 }, marked: ['pow'] });
    expect(grad('x^0', { x: 0 })).toMatchObject({ g: { x: 0 }, marked: ['pow'] });
    expect(grad('x^0', { x: 3 })).toMatchObject({ g: { x: 0 }, marked: [] });
  });

  it('0^y: ∂/∂y = 0 where x = 0 and y ≥ 0; not a rule about a constant exponent', () => {
    expect(grad('x^y', { x: 0, y: 2 })).toMatchObject({ g: { x: 0, y: 0 }, marked: ['pow'] });
    expect(grad('x^y', { x: 0, y: 0.5 }).g).toEqual({ x: Infinity, y: 0 });
    expect(grad('2^y', { y: 3 }).g.y).toBeCloseTo(8 * Math.LN2, 14);
    expect(grad('0^y', { y: 3 })).toMatchObject({ g: { y: 0 }, marked: ['pow'] });
    // The exponent 2 is a constant: no rule about ∂/∂y applies, and nothing is marked.
    expect(grad('x^2', { x: 0 })).toMatchObject({ g: { x: 0 }, marked: [] });
  });

  it('log of a negative number is NaN, the NaN propagates, and the slope stays 1/x (PyTorch)', () => {
    const r = grad('log(x) + y', { x: -1, y: 2 });
    expect(r.g.x).toBe(-1);
    expect(r.g.y).toBe(1);
    expect(r.marked).toEqual(['log']);
    const e = evaluate(r.graph, { x: -1, y: 2 });
    expect(e.values[r.graph.output]).toBeNaN();
    expect(e.conventions.get(r.graph.nodes.find((n) => n.op === 'log')!.id)).toMatch(
      /negative.*NaN/,
    );
  });

  it('NaN and ±∞ are never turned into 0', () => {
    expect(grad('1/x', { x: 0 }).g.x).toBe(-Infinity);
    expect(grad('0*sqrt(x)', { x: 0 }).g.x).toBeNaN();
    expect(grad('x*sqrt(y)', { x: 1, y: 0 }).g.y).toBe(Infinity);
  });

  it('a negative base with a constant exponent never shows a NaN anywhere in the reverse pass', () => {
    const graph = graphOf('(x-3)^2');
    const e = evaluate(graph, { x: 1 });
    const { adjoints } = reverse(graph, e);
    expect(adjoints.every((a) => !Number.isNaN(a))).toBe(true);
    expect(adjoints[graph.inputs[0]!]).toBe(-4);
    expect(e.conventions.size).toBe(0);
  });
});
