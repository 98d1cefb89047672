// The typeset formula above the editor, for every example on a 1280×720 projector and a phone:
// no row of it is cut off on the right or sliced at the box's bottom edge, and when the box
// shows only part of a long formula a button says how many rows are left and shows them all.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

interface RowReport {
  /** Pieces of maths past the box's right edge (cut off). */
  pastRight: number;
  /** Pieces partly inside and partly outside the box's visible height (sliced). */
  sliced: number;
  /** Pieces wholly below what the box shows (hidden until "more"). */
  hidden: number;
  /** Smallest font of the typeset maths, px. */
  minFontPx: number;
}

/** Where each KaTeX piece (`.katex-base`) sits relative to the visible part of the formula box. */
async function rowReport(page: Page): Promise<RowReport> {
  return page.getByTestId('formula-tex').evaluate((box) => {
    const region = box.closest('.typeset-formula') ?? box;
    // The box itself may be cut, or the scrolling region around it.
    const bottom = Math.min(
      box.getBoundingClientRect().bottom,
      region.getBoundingClientRect().bottom,
    );
    const right = region.getBoundingClientRect().right;
    let pastRight = 0;
    let sliced = 0;
    let hidden = 0;
    let minFontPx = Infinity;
    for (const piece of box.querySelectorAll('.katex-html > :is(.base, .katex-base)')) {
      const r = piece.getBoundingClientRect();
      if (r.height === 0) continue;
      if (r.right > right + 1) pastRight++;
      if (r.top >= bottom - 1) hidden++;
      else if (r.bottom > bottom + 1) sliced++;
    }
    for (const k of box.querySelectorAll('.katex')) {
      minFontPx = Math.min(minFontPx, parseFloat(getComputedStyle(k).fontSize));
    }
    return { pastRight, sliced, hidden, minFontPx };
  });
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test(`every example's typeset formula fits at ${size.width}×${size.height}: no line cut off or sliced`, async ({
    page,
    playground,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await page.goto('/');
    await playground.waitForReady();
    const names = await playground.exampleNames();
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      await playground.chooseExample(name);
      const formula = page.getByTestId('formula-tex');
      // The formula is typeset again once edits pause: measure this example's, not the last one's.
      await expect(formula).not.toHaveAttribute('data-settling');
      await expect(formula.locator('.katex').first()).toBeVisible();
      const more = page.getByRole('button', { name: /^Show \d+ more lines?$/ });
      // Let KaTeX and the row measure settle: the report is read once both agree.
      await expect
        .poll(
          async () => {
            const r = await rowReport(page);
            return r.sliced === 0 && (r.hidden === 0 || (await more.isVisible()));
          },
          { message: `${name}: rows whole, hidden ones announced` },
        )
        .toBe(true);
      const report = await rowReport(page);
      expect(report.pastRight, `${name}: nothing past the right edge`).toBe(0);
      expect(report.minFontPx, `${name}: maths at least 16 px`).toBeGreaterThanOrEqual(15.9);
      if (report.hidden > 0) {
        await more.click();
        await expect
          .poll(async () => (await rowReport(page)).hidden, { message: `${name}: all rows shown` })
          .toBe(0);
        await page.getByRole('button', { name: 'Show fewer lines' }).click();
        await expect(more).toBeVisible();
      }
    }
  });
}

test('a formula taller than its box shows the rest on demand, whole rows only', async ({
  page,
  playground,
}) => {
  await page.goto('/');
  await playground.waitForReady();
  // Two calls of a function of one's own: two definitions and a long formula line.
  await playground.chooseExample('Your own function: neuron');
  const more = page.getByRole('button', { name: /^Show \d+ more lines?$/ });
  await expect(more).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(page.getByRole('button', { name: 'Show fewer lines' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect
    .poll(async () => rowReport(page))
    .toMatchObject({ hidden: 0, sliced: 0, pastRight: 0 });
});
