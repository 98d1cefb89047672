import { describe, expect, it } from 'vitest';
import { buildTrace, compile, frameAt } from '../../ad-core/index.ts';
import { adjointTerms, barName, dotName, tangentTerms } from './chainRule.ts';

function setup(source: string, point: Record<string, number>, mode: 'reverse' | 'forward' = 'reverse') {
  const r = compile(source);
  if (!r.ok) throw new Error('does not compile');
  const trace = buildTrace(r.graph, point, mode);
  return { graph: r.graph, trace, end: frameAt(trace, trace.steps.length) };
}

describe('chain-rule terms for the node-details panel', () => {
  it('x*x + x: the adjoint of x is the sum of three contributions, one per edge', () => {
    const { graph, trace, end } = setup('x*x + x', { x: 3 });
    const x = graph.inputs[0]!;
    const sum = adjointTerms(graph, trace.evaluation, end, x);
    expect(sum.terms).toHaveLength(3);
    const total = sum.terms.reduce((acc, t) => acc + (t.amount ?? Number.NaN), 0);
    expect(total).toBe(sum.total);
    expect(sum.total).toBe(2 * 3 + 1);
  });

  it('terms whose consumer adjoint is not known yet have no amount', () => {
    const { graph, trace } = setup('x*x + x', { x: 3 });
    const beforeReverse = frameAt(trace, trace.steps.findIndex((s) => s.kind === 'seed-adjoint'));
    const sum = adjointTerms(graph, trace.evaluation, beforeReverse, graph.inputs[0]!);
    expect(sum.terms.every((t) => t.amount === null)).toBe(true);
    expect(sum.total).toBeNull();
  });

  it('forward mode: the tangent is the sum over arguments of partial times tangent', () => {
    const { graph, trace, end } = setup('(a+b)*(b+1)', { a: 2, b: 1 }, 'forward');
    const out = graph.output;
    const sum = tangentTerms(graph, trace.evaluation, end, out);
    expect(sum.terms).toHaveLength(2);
    const total = sum.terms.reduce((acc, t) => acc + (t.amount ?? Number.NaN), 0);
    expect(total).toBe(sum.total);
    expect(sum.total).toBe(2); // ∂f/∂a at (2, 1), default seed along a
  });

  it('puts the bar or dot on the letter, not the subscript', () => {
    expect(barName('v₃')).toBe('v\u0304₃');
    expect(dotName('v₋₁')).toBe('v\u0307₋₁');
    expect(barName('')).toBe('');
  });
});
