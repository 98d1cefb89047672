// The short walkthrough that runs against both servers: `npm start`'s dev server and the
// production build. It touches every lazily loaded piece (graph chunk, layout, KaTeX, drawer
// panels, lessons) so a chunk that only breaks in one of the two builds is caught.
import { test, expect } from './fixtures.ts';
import { gradient, compile } from '../ad-core/index.ts';

test('the default example works end to end', async ({ playground, page }) => {
  await playground.gotoHash('');
  await expect(playground.formula()).toHaveValue(/\S/);
  const source = await playground.formula().inputValue();
  const built = compile(source);
  expect(built.ok, 'the default example compiles').toBe(true);
  if (!built.ok) return;
  await playground.waitForNodeCount(built.graph.nodes.length);

  const point: Record<string, number> = await playground.variableValues(built.graph.variables);
  const expected = gradient(built.graph, point);
  await expect(playground.outputValue()).toHaveAttribute('data-value', String(expected.value));

  const rows = await playground.checkRows();
  expect(rows.map((r) => r.variable)).toEqual(built.graph.variables);
  for (const row of rows) {
    expect(row.status).toBe('pass');
    expect(Number(row.ad)).toBe(expected.gradient[row.variable]);
  }

  await playground.reset();
  await playground.stepForward();
  await expect(playground.currentStep()).toBeVisible();
  await playground.goToEnd();
  // KaTeX is loaded lazily: once it is in, the explanation is typeset.
  await expect(playground.currentStep().locator('.katex').first()).toBeVisible();

  await playground.openDrawerTab('Trace table');
  await expect(playground.traceTable()).toBeVisible();
  await playground.openDrawerTab('Error plot');
  await expect(page.getByText('Finite-difference error versus step size').first()).toBeVisible();
});

test('a guided lesson opens from its link', async ({ page }) => {
  await page.goto('/#lesson=forward-pass&page=1');
  await expect(page.getByTestId('lesson-text')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeVisible();
});
