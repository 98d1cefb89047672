import { describe, expect, it } from 'vitest';
import { compareMerge, compareModes, derivativeEdges, opCount, superscript } from './cost.ts';
import { graphOf } from '../../ad-core/test-support.ts';

describe('compareModes', () => {
  it('counts passes and operations for x*y', () => {
    const cost = compareModes(graphOf('x*y'));
    expect([cost.inputs, cost.ops, cost.edges]).toEqual([2, 1, 2]);
    // Forward: one pass per input, each one op and two multiply-adds.
    expect(cost.forward).toMatchObject({ passes: 2, evaluations: 2, multiplyAdds: 4, total: 6 });
    // Reverse: one sweep forward, one back.
    expect(cost.reverse).toMatchObject({
      passes: 2,
      evaluations: 1,
      multiplyAdds: 2,
      total: 3,
      stored: 1,
    });
    expect(cost.cheaper).toBe('reverse');
    expect(cost.explanation).toContain('ℝ² → ℝ');
  });

  it('ignores edges from constants and calls one input a tie', () => {
    const graph = graphOf('2*x + 1');
    expect(opCount(graph)).toBe(2);
    expect(derivativeEdges(graph)).toBe(2);
    const cost = compareModes(graph);
    expect(cost.forward.total).toBe(cost.reverse.total);
    expect(cost.cheaper).toBe('tie');
  });

  it('counts both edges of x*x and the fan-out of x', () => {
    const cost = compareModes(graphOf('x*x + x'));
    expect([cost.ops, cost.edges]).toEqual([2, 4]);
  });

  it('grows forward cost with the number of inputs, not reverse cost', () => {
    const terms = (n: number) => Array.from({ length: n }, (_, i) => `sin(x${i})`).join(' + ');
    const small = compareModes(graphOf(terms(3)));
    const big = compareModes(graphOf(terms(12)));
    expect(big.forward.total / small.forward.total).toBeGreaterThan(
      (big.reverse.total / small.reverse.total) * 3,
    );
    expect(big.forward.passes).toBe(12);
    expect(big.reverse.passes).toBe(2);
  });
});

describe('compareMerge', () => {
  it('counts the nodes merging removes', () => {
    const source = 'sin(x*y) + cos(x*y)';
    const tree = graphOf(source);
    const merged = graphOf(source, { mergeCommonSubexpressions: true });
    const m = compareMerge(tree, merged);
    expect(m.treeNodes).toBe(tree.nodes.length);
    expect(m.mergedNodes).toBe(merged.nodes.length);
    expect(m.saved).toBe(1);
    expect(m.treeOps - m.mergedOps).toBe(1);
  });

  it('saves nothing when nothing repeats', () => {
    const source = 'sin(x) * y';
    expect(
      compareMerge(graphOf(source), graphOf(source, { mergeCommonSubexpressions: true })).saved,
    ).toBe(0);
  });
});

it('writes superscripts', () => {
  expect(superscript(12)).toBe('¹²');
  expect(superscript(-8)).toBe('⁻⁸');
});
