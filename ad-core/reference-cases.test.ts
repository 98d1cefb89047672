// Every reference case of the fixture, by reverse mode and by forward mode, to 1e-12 relative.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { forward } from './forward.ts';
import { compile } from './graph.ts';
import { gradient, reverse } from './reverse.ts';
import type { Graph } from './types.ts';

interface ReferenceCase {
  name: string;
  formula: string;
  at: Record<string, number>;
  value: number;
  gradient: Record<string, number>;
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/reference-cases.json', import.meta.url), 'utf8'),
) as {
  cases: ReferenceCase[];
};

function expectRelative(actual: number, expected: number, what: string): void {
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(error, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12);
}

function graphOf(c: ReferenceCase): Graph {
  const built = compile(c.formula);
  if (!built.ok) throw new Error(`${c.name}: ${built.diagnostics[0]?.message}`);
  return built.graph;
}

describe('reference cases', () => {
  it('the fixture is not empty', () => {
    expect(fixture.cases.length).toBeGreaterThan(5);
  });

  describe.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it('reverse mode gives the value and gradient', () => {
      const graph = graphOf(c);
      const evaluation = evaluate(graph, c.at);
      const { adjoints } = reverse(graph, evaluation);
      expectRelative(evaluation.values[graph.output]!, c.value, 'value');
      expect(graph.variables.slice().sort()).toEqual(Object.keys(c.gradient).sort());
      graph.variables.forEach((name, k) =>
        expectRelative(adjoints[graph.inputs[k]!]!, c.gradient[name]!, name),
      );
    });

    it('the fused gradient gives the same numbers', () => {
      const graph = graphOf(c);
      const result = gradient(graph, c.at);
      expectRelative(result.value, c.value, 'value');
      for (const [name, g] of Object.entries(c.gradient))
        expectRelative(result.gradient[name]!, g, name);
    });

    it('forward mode gives each partial with a unit seed', () => {
      const graph = graphOf(c);
      const evaluation = evaluate(graph, c.at);
      for (const name of graph.variables) {
        const seed = Object.fromEntries(graph.variables.map((v) => [v, v === name ? 1 : 0]));
        const { tangents } = forward(graph, evaluation, seed);
        expectRelative(tangents[graph.output]!, c.gradient[name]!, name);
      }
    });
  });
});
