// The editor's promises beyond parsing: one number input per variable, values the learner set
// survive a formula change, and a changed value flows through the graph and the check.
import { test, expect } from './fixtures.ts';
import { compileOrThrow, gradientOf, numbersAgree, parseAttr } from './oracle.ts';

test('one number input per variable; values the learner set survive formula changes', async ({
  playground,
}) => {
  await playground.goto('x*y', { x: 1, y: 2 });
  await playground.setVariable('x', 3);
  await playground.typeFormula('sin(x) + z*x');

  const graph = compileOrThrow('sin(x) + z*x');
  await playground.waitForNodeCount(graph.nodes.length);
  for (const name of graph.variables) await expect(playground.variable(name)).toBeVisible();
  await expect(playground.variable('y'), 'a variable no longer used has no input').toHaveCount(0);
  await expect(playground.variable('x'), 'x keeps the value the learner set').toHaveValue('3');

  await playground.setVariable('z', -0.5);
  const point = await playground.variableValues(graph.variables);
  expect(point).toEqual({ x: 3, z: -0.5 });
  const oracle = gradientOf(graph, point);

  await playground.goToEnd();
  await expect(async () => {
    const nodes = await playground.nodes();
    expect(numbersAgree(parseAttr(nodes[graph.output]!.value), oracle.value), 'output value').toBe(
      true,
    );
    for (const [i, name] of graph.variables.entries()) {
      expect(
        numbersAgree(parseAttr(nodes[graph.inputs[i]!]!.adjoint), oracle.gradient[name]!),
        `adjoint of ${name}`,
      ).toBe(true);
    }
  }).toPass({ timeout: 5_000 });
  const rows = await playground.checkRows();
  expect(rows.map((r) => [r.variable, r.status])).toEqual(graph.variables.map((v) => [v, 'pass']));

  // Bringing y back restores the value it had: the app remembers what the learner set.
  await playground.typeFormula('x*y');
  await expect(playground.variable('y')).toHaveValue('2');
  await expect(playground.variable('x')).toHaveValue('3');
});
