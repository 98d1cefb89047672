// PyTorch's values and gradients where a function leaves its domain or meets a signed zero
// (fixtures/pytorch-edge-cases.json, from tools/autograd/derivatives.yaml): the engine, both
// reverse paths and forward mode must give the same numbers, signed zeros and infinities included.
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import fixture from './fixtures/pytorch-edge-cases.json' with { type: 'json' };
import { forward } from './forward.ts';
import { gradient, reverse } from './reverse.ts';
import { graphOf } from './test-support.ts';
import type { Point } from './types.ts';

type JsonNumber = number | string;
interface EdgeCase {
  formula: string;
  at: Record<string, number>;
  value: JsonNumber;
  gradient: Record<string, JsonNumber>;
  rule: string;
}
const cases = (fixture as { cases: EdgeCase[] }).cases;
const num = (x: JsonNumber) => (typeof x === 'number' ? x : Number(x));

describe('PyTorch edge cases', () => {
  it('covers log, log2, log10 of negatives and sqrt/log at ±0', () => {
    expect(cases.map((c) => c.formula)).toEqual(
      expect.arrayContaining([
        'log(x) + y',
        'log2(x)',
        'log10(x)',
        'log(-x)',
        'sqrt(-x)',
        'sqrt(x)',
      ]),
    );
  });

  it.each(cases.map((c) => [c.formula, c] as const))('%s', (_f, c) => {
    const graph = graphOf(c.formula);
    const point = c.at as Point;
    const g = gradient(graph, point);
    // JSON has no −0, so a 0 in the fixture accepts either sign (sqrt(−0) is −0).
    if (num(c.value) === 0) expect(g.value).toSatisfy((v: number) => v === 0);
    else expect(g.value).toBe(num(c.value));
    const e = evaluate(graph, point);
    const { adjoints } = reverse(graph, e);
    graph.variables.forEach((v, k) => {
      const want = num(c.gradient[v]!);
      expect(g.gradient[v], `gradient ${v}`).toBe(want);
      expect(adjoints[graph.inputs[k]!], `reverse ${v}`).toBe(want);
      const seed = Object.fromEntries(graph.variables.map((u) => [u, u === v ? 1 : 0]));
      expect(forward(graph, e, seed).tangents[graph.output], `forward ${v}`).toBe(want);
    });
  });
});
