// NaN and ±∞ propagate and are shown as such — written out, never blank, never turned into 0.
import { test, expect } from './fixtures.ts';
import { checksOf, compileOrThrow, displayed, gradientOf } from './oracle.ts';

const CASES = [
  { formula: 'log(x) + x', at: { x: -1 } },
  { formula: '1/x + x', at: { x: 0 } },
  { formula: '-1/x + x', at: { x: 0 } },
];

for (const { formula, at } of CASES) {
  test(`${formula} at x = ${at.x}: the non-finite value is written out everywhere`, async ({
    playground,
  }) => {
    const graph = compileOrThrow(formula);
    const oracle = gradientOf(graph, at);
    expect(Number.isFinite(oracle.value), 'the oracle agrees the value is not finite').toBe(false);

    await playground.goto(formula, at);
    await playground.waitForNodeCount(graph.nodes.length);
    await playground.goToEnd();

    const output = await playground.nodes().then((nodes) => nodes[graph.output]!);
    expect(output.value, 'data-value is String(number)').toBe(String(oracle.value));
    await expect(playground.outputValue()).toContainText(displayed(oracle.value));
    await expect(playground.node(graph.output)).toContainText(displayed(oracle.value));

    const rows = await playground.checkRows();
    const expected = checksOf(graph, at);
    expect(rows.map((r) => [r.variable, r.status])).toEqual(
      expected.map((r) => [r.variable, r.status]),
    );
    expect(rows.map((r) => r.ad)).toEqual(expected.map((r) => String(r.ad)));
  });
}
