// Paper: `Share → Print` prints the formula, the graph and the trace table with no controls;
// `Share → Worksheet` prints the same with the numbers left blank and a filled answer key on a
// page of its own. window.print is stubbed (it would open the browser's dialog); the page is then
// checked as the print stylesheet lays it out.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const FORMULA = 'sin(x*y) + exp(x)/y';
const HASH = `f=${encodeURIComponent(FORMULA)}&at=${encodeURIComponent('x=1,y=2')}`;

async function openAndPrint(page: Page, name: 'Print' | 'Worksheet') {
  await page.evaluate(() => {
    const w = window as unknown as { __printed: number };
    w.__printed = 0;
    window.print = () => {
      w.__printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name, exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed))
    .toBe(1);
  await page.emulateMedia({ media: 'print' });
}

async function expectPaperLayout(page: Page) {
  await expect(
    page.locator('button:visible, select:visible, input[type="range"]:visible'),
  ).toHaveCount(0);
  await expect(page.locator('.typeset-formula')).toBeVisible();
  await expect(page.locator('.gv-svg')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Trace table' })).toBeVisible();
  await expect(page.locator('.player-row')).toBeHidden();
}

test('Share → Print lays out the formula, graph and trace table with no controls', async ({
  page,
  playground,
}) => {
  await playground.gotoHash(HASH);
  await playground.waitForNodeCount(7);
  await openAndPrint(page, 'Print');
  await expectPaperLayout(page);
  // Not a worksheet: the numbers print.
  await expect(page.locator('html')).toHaveAttribute('data-print', 'print');
  await expect(page.locator('.teach-trace tbody td.teach-num-col').first()).not.toHaveCSS(
    'color',
    'rgba(0, 0, 0, 0)',
  );
  await expect(page.getByRole('table', { name: 'Answer key' })).toHaveCount(0);
});

test('Share → Worksheet blanks values and adjoints and adds an answer key on its own page', async ({
  page,
  playground,
}) => {
  await playground.gotoHash(HASH);
  await playground.waitForNodeCount(7);
  await expect(page.locator('.teach-trace')).toHaveCount(0); // the drawer starts folded
  await openAndPrint(page, 'Worksheet');
  await expectPaperLayout(page);
  await expect(page.locator('html')).toHaveAttribute('data-print', 'worksheet');

  // The worksheet's table: every value and adjoint cell blank (its text drawn in no colour).
  const cells = page.locator('.teach-trace tbody td.teach-num-col');
  expect(await cells.count()).toBeGreaterThanOrEqual(2 * 5);
  const colours = await cells.evaluateAll((els) => els.map((e) => getComputedStyle(e).color));
  expect(new Set(colours)).toEqual(new Set(['rgba(0, 0, 0, 0)']));
  // The graph keeps its names but not its numbers.
  const hidden = await page
    .locator('.gv-svg .gv-num')
    .evaluateAll((els) => els.map((e) => getComputedStyle(e).visibility));
  expect(hidden.length).toBeGreaterThan(0);
  expect(new Set(hidden)).toEqual(new Set(['hidden']));

  // The answer key: filled in, on a new page.
  const key = page.getByRole('table', { name: 'Answer key' });
  await expect(key).toBeVisible();
  await expect(page.locator('.print-answer-key')).toHaveCSS('break-before', 'page');
  const rows = await key
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')));
  const row = (operation: string) => rows.find((r) => r[1] === operation);
  // f(1, 2) = sin 2 + e/2; ∂f/∂x = 2 cos 2 + e/2; ∂f/∂y = cos 2 − e/4.
  expect(Number(rows.at(-1)![2])).toBeCloseTo(Math.sin(2) + Math.E / 2, 2);
  expect(Number(row('v₋₁ = x')?.[4])).toBeCloseTo(2 * Math.cos(2) + Math.E / 2, 2);
  expect(Number((row('v₀ = y')?.[4] ?? '').replace('−', '-'))).toBeCloseTo(
    Math.cos(2) - Math.E / 4,
    2,
  );
  expect(rows.flat().join(' ')).not.toContain('—');

  // After printing the page is as it was: no worksheet, no key, the drawer folded again.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('html')).not.toHaveAttribute('data-print');
  await expect(page.locator('.print-answer-key')).toHaveCount(0);
  await expect(page.locator('.teach-trace')).toHaveCount(0);
});
