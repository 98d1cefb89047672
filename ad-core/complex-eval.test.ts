import { describe, expect, it } from 'vitest';
import { evaluateComplexStep, nonAnalyticOps } from './complex-eval.ts';
import { evaluateValues } from './evaluate.ts';
import { graphOf } from './test-support.ts';

describe('evaluateComplexStep', () => {
  it('has the real value as its real part and h·∂f/∂x as its imaginary part', () => {
    const graph = graphOf('sin(x*y) + exp(x)/y');
    const point = { x: 1, y: 2 };
    const out = evaluateComplexStep(graph, point, 'x', 1e-20);
    expect(out?.re).toBe(evaluateValues(graph, point)[graph.output]);
    // ∂f/∂x = y·cos(xy) + exp(x)/y
    expect((out?.im ?? NaN) / 1e-20).toBeCloseTo(2 * Math.cos(2) + Math.exp(1) / 2, 14);
  });

  it('moves only the chosen variable', () => {
    const graph = graphOf('x*y');
    expect(evaluateComplexStep(graph, { x: 3, y: 5 }, 'y', 1e-20)?.im).toBeCloseTo(3e-20, 33);
  });

  it('is null on a graph with a non-analytic op', () => {
    expect(evaluateComplexStep(graphOf('relu(x) + x'), { x: 1 }, 'x', 1e-20)).toBeNull();
  });

  it('gives NaN for a variable missing from the point', () => {
    expect(evaluateComplexStep(graphOf('x + y'), { x: 1 }, 'x', 1e-20)?.re).toBeNaN();
  });
});

describe('nonAnalyticOps', () => {
  it('lists each non-analytic op once and nothing for analytic formulas', () => {
    expect(nonAnalyticOps(graphOf('abs(x) + abs(y) * max(x, y)')).sort()).toEqual(['abs', 'max']);
    expect(nonAnalyticOps(graphOf('tanh(x)^2 / sqrt(1 + y^2)'))).toEqual([]);
  });
});
