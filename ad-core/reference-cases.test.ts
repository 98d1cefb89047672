// Every reference case of the fixture, by reverse mode and by forward mode, to 1e-12 relative.
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { forward } from './forward.ts';
import { gradient, reverse } from './reverse.ts';
import { graphOf, referenceCases } from './test-support.ts';

function expectRelative(actual: number, expected: number, what: string): void {
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(error, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12);
}

describe('reference cases', () => {
  it('the fixture is not empty', () => {
    expect(referenceCases.cases.length).toBeGreaterThan(5);
  });

  describe.each(referenceCases.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it('reverse mode gives the value and gradient', () => {
      const graph = graphOf(c.formula);
      const evaluation = evaluate(graph, c.at);
      const { adjoints } = reverse(graph, evaluation);
      expectRelative(evaluation.values[graph.output]!, c.value, 'value');
      expect(graph.variables.slice().sort()).toEqual(Object.keys(c.gradient).sort());
      graph.variables.forEach((name, k) =>
        expectRelative(adjoints[graph.inputs[k]!]!, c.gradient[name]!, name),
      );
    });

    it('the fused gradient gives the same numbers', () => {
      const graph = graphOf(c.formula);
      const result = gradient(graph, c.at);
      expectRelative(result.value, c.value, 'value');
      for (const [name, g] of Object.entries(c.gradient))
        expectRelative(result.gradient[name]!, g, name);
    });

    it('forward mode gives each partial with a unit seed', () => {
      const graph = graphOf(c.formula);
      const evaluation = evaluate(graph, c.at);
      for (const name of graph.variables) {
        const seed = Object.fromEntries(graph.variables.map((v) => [v, v === name ? 1 : 0]));
        const { tangents } = forward(graph, evaluation, seed);
        expectRelative(tangents[graph.output]!, c.gradient[name]!, name);
      }
    });
  });
});
