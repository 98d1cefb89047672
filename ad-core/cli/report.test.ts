import { describe, expect, it } from 'vitest';
import { graphOf, referenceCases } from '../test-support.ts';
import { buildReport, operationText } from './report.ts';

function operations(source: string): string[] {
  const graph = graphOf(source);
  return graph.nodes.map((n) => operationText(graph, n));
}

describe('operationText', () => {
  it('writes infix ops with their operator, functions with their call name, negation as a prefix', () => {
    expect(operations('x*y')).toEqual(['x', 'y', 'v₋₁ · v₀']);
    // By level (Baydin's order): max(x, 2) is as early as sin(x), so it is v₂ and −v₁ is v₃.
    expect(operations('-sin(x) + max(x, 2)')).toEqual([
      'x',
      'sin(v₀)',
      '2',
      'max(v₀, 2)',
      '−v₁',
      'v₃ + v₂',
    ]);
  });
});

describe('buildReport', () => {
  it('matches every reference case (value and gradient)', () => {
    for (const c of referenceCases.cases) {
      const report = buildReport({
        formula: c.formula,
        graph: graphOf(c.formula),
        point: c.at,
        mode: 'reverse',
        method: 'central',
      });
      expect(report.value, c.name).toBeCloseTo(c.value, 12);
      for (const [v, g] of Object.entries(c.gradient)) {
        expect(Math.abs((report.gradient[v] ?? NaN) - g), `${c.name} ∂/∂${v}`).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(g)),
        );
      }
      expect(report.check.map((r) => r.status)).toEqual(Object.keys(c.gradient).map(() => 'pass'));
    }
  });

  it('lists every node with value and adjoint, and marks conventions and bindings', () => {
    const report = buildReport({
      formula: 'a = abs(x); a*y',
      graph: graphOf('a = abs(x); a*y'),
      point: { x: 0, y: 3 },
      mode: 'reverse',
      method: 'central',
    });
    expect(report.nodes.map((n) => [n.name, n.value, n.adjoint])).toEqual([
      ['v₋₁', 0, 0],
      ['v₀', 3, 0],
      ['v₁', 0, 3],
      ['v₂', 0, 1],
    ]);
    expect(report.nodes[2]?.binding).toBe('a');
    expect(report.nodes[2]?.convention).toMatch(/abs'\(0\) = 0/);
    expect(report.nodes[3]?.convention).toBeUndefined();
  });

  it('in forward mode gives tangents and the directional derivative ∇f·seed', () => {
    const graph = graphOf('x^2 * y');
    const report = buildReport({
      formula: 'x^2 * y',
      graph,
      point: { x: 3, y: 2 },
      mode: 'forward',
      seed: { x: 1, y: 2 },
      method: 'central',
    });
    expect(report.directional).toBe(2 * 3 * 2 * 1 + 9 * 2);
    expect(report.nodes.map((n) => n.tangent)).toEqual([1, 2, 0, 6, 30]);
    expect(report.seed).toEqual({ x: 1, y: 2 });
  });

  it('names the non-analytic ops when complex step is unsupported', () => {
    const report = buildReport({
      formula: 'relu(x)',
      graph: graphOf('relu(x)'),
      point: { x: 1 },
      mode: 'reverse',
      method: 'complex',
    });
    expect(report.unsupportedOps).toEqual(['relu']);
    expect(report.check[0]?.status).toBe('unsupported');
  });
});
