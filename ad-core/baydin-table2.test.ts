// Baydin, Pearlmutter, Radul & Siskind (2018), "Automatic differentiation in machine learning: a
// survey", Table 2: the forward primal trace of f(x1, x2) = ln(x1) + x1·x2 − sin(x2) at (2, 5).
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { graphOf, referenceCases } from './test-support.ts';

/** The paper's rows: name, operation (op id and argument names), value as printed (3 decimals). */
const TABLE_2: [string, string, string[], number][] = [
  ['v₋₁', 'input', [], 2],
  ['v₀', 'input', [], 5],
  ['v₁', 'log', ['v₋₁'], 0.693],
  ['v₂', 'mul', ['v₋₁', 'v₀'], 10],
  ['v₃', 'sin', ['v₀'], -0.959],
  ['v₄', 'add', ['v₁', 'v₂'], 10.693],
  ['v₅', 'sub', ['v₄', 'v₃'], 11.652],
];

describe('the Baydin et al. 2018 trace', () => {
  const c = referenceCases.cases.find((k) => k.name === 'baydin-2018')!;
  const graph = graphOf(c.formula);
  const values = evaluate(graph, c.at).values;

  it('is the reference case’s formula', () => {
    expect(c.formula).toBe('ln(x1) + x1*x2 - sin(x2)');
  });

  it('equals Table 2, name by name and row by row', () => {
    const rows = graph.nodes.map((n) => [
      n.name,
      n.op,
      n.args.map((a) => graph.nodes[a]!.name),
      Math.round(values[n.id]! * 1000) / 1000,
    ]);
    expect(rows).toEqual(TABLE_2);
    expect(graph.nodes[graph.output]!.name).toBe('v₅');
    expect(graph.variables).toEqual(['x1', 'x2']);
  });
});
