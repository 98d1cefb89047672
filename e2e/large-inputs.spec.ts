// Huge formulas must leave the page usable: 10,000 variables get a windowed variable list (with a
// find box) and a gradient check that fills in without blocking, and a 1 MB comment is just a
// comment. Each walkthrough then types an ordinary formula and sees it computed. No timings are
// asserted here (bench:hostile measures them); the waits below are only generous caps.
import { test, expect } from './fixtures.ts';

const sumOfVariables = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`).join(' + ');
const LONG = { timeout: 120_000 };

test.setTimeout(300_000);

test('10,000 variables: the list shows a window with a find box, and the page stays usable', async ({
  playground,
  page,
}) => {
  await playground.goto('x*y', { x: 1, y: 2 });
  await playground.formula().fill(sumOfVariables(10_000), LONG);

  await expect(page.getByTestId('variables-window')).toHaveText(
    'Showing 50 of 10,000 variables — type a name to find one.',
    LONG,
  );
  await expect(playground.variable('x0')).toBeVisible();
  await expect(playground.variable('x49')).toBeVisible();
  await expect(playground.variable('x9999')).toHaveCount(0);

  // Generous caps on actions too: drawing 20,000 nodes may still hold the page for a while.
  const find = page.getByRole('searchbox', { name: 'Find a variable', exact: true });
  await find.fill('x9999', LONG);
  await expect(playground.variable('x9999')).toBeVisible(LONG);
  await expect(page.getByTestId('variables-window')).toHaveText(
    'Showing 1 of 1 variables matching “x9999” (10,000 in all).',
  );
  // The variable found is a real input: setting it changes the output (the other 9,999 are 1 each).
  await playground.variable('x9999').fill('101', LONG);
  await playground.variable('x9999').press('Tab', LONG);
  await expect(page.getByTestId('output-value')).toHaveAttribute('data-value', '10100', LONG);

  // The gradient check shows a window of its rows too, with the contract's data-*; a row asked
  // for in its find box is checked before the thousands of others.
  await expect(page.getByTestId('check-window')).toContainText('of 10,000 rows', LONG);
  const firstRow = playground.gradientCheck().locator('[data-variable="x0"]');
  await expect(firstRow).toHaveAttribute('data-status', 'pass', LONG);
  await expect(firstRow).toHaveAttribute('data-ad', '1');
  await page.getByRole('searchbox', { name: 'Find a row', exact: true }).fill('x9998', LONG);
  const found = playground.gradientCheck().locator('[data-variable="x9998"]');
  await expect(found).toHaveAttribute('data-status', 'pass', LONG);
  await expect(found).toHaveAttribute('data-ad', '1');

  await playground.formula().fill('x*0 + 7', LONG);
  await expect(page.getByTestId('output-value')).toHaveText('7', LONG);
  await expect(page.getByTestId('variables-window')).toHaveCount(0);
  await expect(playground.variable('x')).toBeVisible();
  await expect(playground.gradientCheck().locator('[data-variable="x"]')).toHaveAttribute(
    'data-status',
    'pass',
  );
});

test('a 1,000,000-character comment is a comment, and the next formula computes', async ({
  playground,
  page,
}) => {
  await playground.goto('x*y', { x: 1, y: 2 });
  const formula = `x*3 #${'c'.repeat(999_995)}`;
  expect(formula).toHaveLength(1_000_000);
  await playground.formula().fill(formula, LONG);
  await expect(page.getByTestId('output-value')).toHaveText('3', LONG);
  await playground.expectNoDiagnostic();

  await playground.formula().fill('x*y + 1', LONG);
  await expect(page.getByTestId('output-value')).toHaveText('3', LONG);
  await expect(playground.variable('y')).toHaveValue('2');
});
