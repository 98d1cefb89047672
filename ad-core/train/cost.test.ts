import { describe, expect, it } from 'vitest';
import { graphOf } from '../test-support.ts';
import { gradientCost, graphSize, MAX_EXTRAPOLATED_PARAMS, paramsAt } from './cost.ts';
import { networkFormula } from './networks.ts';
import { REGRESSION_2_16_1 } from './test-models.ts';

describe('what reverse mode saves', () => {
  it('counts the operations and edges the loss depends on', () => {
    // w*x, +b, -y, ^2: four operations, eight argument edges; the unused sin is not counted.
    expect(graphSize(graphOf('u = sin(w)\n(w*x + b - y)^2'))).toEqual({ ops: 4, edges: 8 });
  });

  it('costs one backward pass for every parameter against N forward passes and 2N loss evaluations', () => {
    const net = networkFormula(REGRESSION_2_16_1);
    const size = graphSize(graphOf(net.formula));
    const cost = gradientCost(size, 65, 65, 200);
    expect(cost.reversePasses).toBe(1);
    expect(cost.forwardPasses).toBe(65);
    expect(cost.fdPasses).toBe(130);
    expect(cost.reverseOps).toBe(200 * (size.ops + size.edges));
    expect(cost.forwardOps).toBe(65 * cost.reverseOps);
    expect(cost.fdOps).toBe(130 * 200 * size.ops);
  });

  it('extrapolates with the graph growing in proportion: the saving grows with N', () => {
    const size = { ops: 100, edges: 180 };
    const small = gradientCost(size, 50, 50, 10);
    const big = gradientCost(size, 50, 1_000_000, 10);
    expect(big.reverseOps / small.reverseOps).toBeCloseTo(20_000, 6);
    expect(big.fdOps / big.reverseOps).toBeCloseTo((2 * 1_000_000 * 100) / 280, 3);
  });

  it('maps the slider from the current count to a million on a log scale', () => {
    expect(paramsAt(0, 65)).toBe(65);
    expect(paramsAt(1, 65)).toBe(MAX_EXTRAPOLATED_PARAMS);
    expect(paramsAt(0.5, 100)).toBe(10_000);
    expect(paramsAt(0.3, 2_000_000)).toBe(2_000_000);
  });
});
