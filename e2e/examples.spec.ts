// (e) Every example in the menu loads, draws its graph, shows a sensible output, and its gradient
// check says `pass` — or `kink`/`nonfinite` exactly where the engine says no derivative exists.
import { test, expect } from './fixtures.ts';
import { checksOf, compileOrThrow, gradientOf, numbersAgree, parseAttr } from './oracle.ts';
import { expectDrawnGraph } from './pages/blocks.ts';

/** The output as displayed (4 significant digits, `−` for minus, `∞`) back to a number. */
function displayedNumber(text: string): number {
  const t = text
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/\u00a0|\s/g, '')
    .replace(/^[^\d\-+.∞N]*/, '');
  if (/^NaN/.test(t)) return Number.NaN;
  if (/^-∞/.test(t)) return -Infinity;
  if (/^\+?∞/.test(t)) return Infinity;
  const sci = /^([-+]?\d*\.?\d+)(?:[eE]([-+]?\d+)|[×x·]10\^?([-+⁻⁺]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+))?/.exec(t);
  if (!sci) return Number.NaN;
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const exp10 =
    sci[2] ??
    (sci[3] ?? '0')
      .replace(/⁻/g, '-')
      .replace(/⁺/g, '')
      .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(sup.indexOf(c)));
  return Number(sci[1]) * 10 ** Number(exp10);
}

test('every example in the menu loads and checks out', async ({ playground, page }) => {
  test.setTimeout(180_000);
  await playground.gotoHash('');
  const names = await playground.exampleNames();
  expect(names.length, 'the menu has at least 8 examples').toBeGreaterThanOrEqual(8);
  expect(new Set(names).size, 'example names are distinct').toBe(names.length);

  const statusesSeen = new Set<string>();
  const formulas: string[] = [];
  for (const name of names) {
    await test.step(name, async () => {
      const previous = await playground.formula().inputValue();
      await playground.chooseExample(name);
      if (formulas.length > 0) await expect(playground.formula()).not.toHaveValue(previous);
      const formula = await playground.formula().inputValue();
      formulas.push(formula);
      await playground.expectNoDiagnostic();

      const graph = compileOrThrow(formula);
      // Every node, less those inside blocks the fit collapsed (a network's neurons).
      await expectDrawnGraph(page, graph);
      const point = await playground.variableValues(graph.variables);
      const oracle = gradientOf(graph, point);

      // The displayed output: a number near the engine's value, or NaN/∞ written out.
      const output = (await playground.outputValue().innerText()).trim();
      expect(output, `${name}: output is shown`).not.toBe('');
      const shown = displayedNumber(output);
      if (Number.isNaN(oracle.value)) expect(output, `${name}: NaN is written out`).toMatch(/NaN/);
      else if (!Number.isFinite(oracle.value))
        expect(output, `${name}: ∞ is written out`).toMatch(/∞/);
      else
        expect(
          numbersAgree(shown, oracle.value, 1e-3),
          `${name}: output ${output} vs ${oracle.value}`,
        ).toBe(true);

      // The gradient check: one row per variable, AD column equal to the engine, the status the
      // engine gives — and that status is pass unless this example is about a kink or a domain error.
      const rows = await playground.checkRows();
      expect(rows.map((r) => r.variable).sort(), `${name}: one row per variable`).toEqual(
        graph.variables.slice().sort(),
      );
      const expected = new Map(checksOf(graph, point).map((c) => [c.variable, c]));
      for (const row of rows) {
        const want = expected.get(row.variable)!;
        expect(row.status, `${name}: status of ${row.variable}`).toBe(want.status);
        expect(
          numbersAgree(parseAttr(row.ad), oracle.gradient[row.variable]!),
          `${name}: data-ad of ${row.variable}`,
        ).toBe(true);
        statusesSeen.add(row.status);
        if (row.status === 'kink') {
          expect(
            graph.nodes.some((n) => ['abs', 'relu', 'max', 'min'].includes(n.op)),
            `${name}: kink needs a kinked op`,
          ).toBe(true);
        } else if (row.status === 'nonfinite') {
          expect(
            !Number.isFinite(oracle.value) || !Number.isFinite(oracle.gradient[row.variable]!),
            `${name}: nonfinite only where a number is not finite`,
          ).toBe(true);
        } else {
          expect(row.status, `${name}: ${row.variable}`).toBe('pass');
        }
      }
      await expect(page.getByRole('table', { name: 'Gradient check' })).toBeVisible();
    });
  }
  expect(new Set(formulas).size, 'each example is a different formula').toBe(formulas.length);
  expect(statusesSeen.has('kink'), 'a kink example is in the menu').toBe(true);
  expect(statusesSeen.has('nonfinite'), 'a domain-error example is in the menu').toBe(true);
});
