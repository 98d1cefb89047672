import { describe, expect, it } from 'vitest';
import { graphOf } from '../test-support.ts';
import { networkFormula } from './networks.ts';
import { REGRESSION_2_16_1 } from './test-models.ts';

describe('networkFormula', () => {
  it('writes a 2-2-1 classifier as statements with 9 parameters', () => {
    const net = networkFormula({
      inputs: ['x1', 'x2'],
      hidden: 2,
      activation: 'tanh',
      output: 'sigmoid',
      target: 'y',
    });
    expect(net.formula).toBe(
      [
        'h1 = tanh(w1_1*x1 + w1_2*x2 + b1)',
        'h2 = tanh(w2_1*x1 + w2_2*x2 + b2)',
        'p = sigmoid(v1*h1 + v2*h2 + c)',
        '-(y*log(p) + (1 - y)*log(1 - p))',
      ].join('\n'),
    );
    expect(net.params).toEqual(['w1_1', 'w1_2', 'b1', 'w2_1', 'w2_2', 'b2', 'v1', 'v2', 'c']);
  });

  it('compiles a 2-16-1 regression network whose variables are its parameters and data', () => {
    const net = networkFormula(REGRESSION_2_16_1);
    const graph = graphOf(net.formula);
    expect(net.params).toHaveLength(16 * 4 + 1);
    expect([...graph.variables].sort()).toEqual([...net.params, 'x1', 'x2', 'y'].sort());
  });
});
