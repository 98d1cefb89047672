// The guided lessons, page by page: every number the text refers to must be the number on screen.
// The text tags each number with where it appears (data-ref) and its full-precision value
// (data-number); this walkthrough reads the screen's own data-* attribute for that place and
// requires the same String(number), and the displayed digits to be how the app writes it.
import type { Page } from '@playwright/test';
import { TOLERANCES, formatNumber, type FdMethod } from '../ad-core/index.ts';
import { test, expect } from './fixtures.ts';
import { LessonPanel, type LessonRef } from './pages/teaching.ts';

const LESSON_IDS = [
  'forward-pass',
  'reverse-pass',
  'forward-vs-reverse',
  'kinks',
  'gradient-check',
  'training',
];

function graphNode(page: Page, id: string) {
  return page.locator(`[data-testid="graph-node"][data-node-id="${id}"]`);
}

function checkRow(page: Page, variable: string) {
  return page
    .getByRole('table', { name: 'Gradient check', exact: true })
    .locator(`[data-variable="${variable}"][data-status]`);
}

async function stepCounter(page: Page): Promise<{ k: number; n: number }> {
  const text = (await page.getByTestId('step-counter').textContent()) ?? '';
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new Error(`step counter reads ${JSON.stringify(text)}`);
  return { k: Number(m[1]), n: Number(m[2]) };
}

/** Asserts that one number (or word) of the lesson text is what the screen shows at its place. */
async function expectOnScreen(page: Page, r: LessonRef, where: string): Promise<void> {
  const label = `${where}: ${r.ref} (${r.shown})`;
  const [kind = '', a = '', b = ''] = r.ref.split(':');
  if (kind !== 'check' || b !== 'status') {
    expect(r.number, `${label} carries its full-precision number`).not.toBeNull();
    expect(r.number, label).toBe(String(Number(r.number)));
    const digits = kind === 'check' && b === 'error' ? 2 : undefined;
    expect(r.shown, `${label} is written as the app writes numbers`).toBe(
      formatNumber(Number(r.number), digits),
    );
  }
  const number = r.number ?? '';
  switch (kind) {
    case 'node':
      await expect(graphNode(page, a), label).toHaveAttribute(`data-${b}`, number);
      return;
    case 'output':
      await expect(page.getByTestId('output-value'), label).toHaveAttribute('data-value', number);
      return;
    case 'step':
    case 'total': {
      await expect
        .poll(async () => (await stepCounter(page))[kind === 'step' ? 'k' : 'n'], {
          message: label,
        })
        .toBe(Number(number));
      return;
    }
    case 'count': {
      const inputs = page
        .getByRole('region', { name: 'Formula and variables' })
        .getByRole('spinbutton');
      await expect(inputs, label).toHaveCount(Number(number));
      return;
    }
    case 'check': {
      const row = checkRow(page, a);
      if (b === 'status') {
        await expect(row, label).toHaveAttribute('data-status', r.word ?? '');
      } else if (b === 'error') {
        const ad = Number(await row.getAttribute('data-ad'));
        const fd = Number(await row.getAttribute('data-fd'));
        expect(String(Math.abs(ad - fd)), `${label} is |data-ad − data-fd|`).toBe(number);
      } else {
        await expect(row, label).toHaveAttribute(`data-${b}`, number);
      }
      return;
    }
    case 'engine': {
      // Settings rather than results: the FD method and step size chosen on screen.
      if (a === 'tolerance') {
        await expect(page.getByRole('combobox', { name: 'Difference' }), label).toHaveValue(b);
        expect(String(TOLERANCES[b as FdMethod]), label).toBe(number);
      } else if (a === 'h') {
        await expect(page.getByRole('combobox', { name: 'Step size h' }), label).toHaveValue(
          number,
        );
      } else throw new Error(`${label}: unknown engine ref`);
      return;
    }
    default:
      throw new Error(`${label}: the walkthrough does not know where to look for this ref`);
  }
}

async function expectPageMatchesScreen(
  page: Page,
  lessons: LessonPanel,
  id: string,
  n: number,
): Promise<number> {
  const where = `${id} page ${n}`;
  await expect(lessons.pageCounter()).toHaveText(new RegExp(`^\\s*${n}\\s*/`));
  await expect
    .poll(() => page.evaluate(() => window.location.hash), { message: `${where} hash` })
    .toBe(`#lesson=${id}&page=${n}`);
  await expect(lessons.text()).toBeVisible();
  await expect(
    page.getByText('You changed the playground'),
    `${where} shows its own state`,
  ).toHaveCount(0);
  const refs = await lessons.refs();
  for (const r of refs) await expectOnScreen(page, r, where);
  return refs.length;
}

test('the lessons menu offers every lesson', async ({ playground, page }) => {
  await playground.gotoHash('');
  expect(await new LessonPanel(page).menuIds()).toEqual(LESSON_IDS);
});

for (const id of LESSON_IDS) {
  test(`lesson ${id}: every page's numbers are the ones on screen`, async ({
    playground,
    page,
  }) => {
    const lessons = new LessonPanel(page);
    await playground.gotoHash(`lesson=${id}&page=1`);
    await expect(lessons.text()).toBeVisible();
    const { pages } = await lessons.pageNumbers();
    expect(pages).toBeGreaterThanOrEqual(3);
    await expect(lessons.back()).toBeDisabled();

    let refs = await expectPageMatchesScreen(page, lessons, id, 1);
    const texts = [await lessons.text().innerText()];
    for (let n = 2; n <= pages; n++) {
      await lessons.next().click();
      refs += await expectPageMatchesScreen(page, lessons, id, n);
      texts.push(await lessons.text().innerText());
    }
    expect(refs, 'the lesson refers to numbers on screen').toBeGreaterThan(0);
    expect(new Set(texts).size, 'each page says something new').toBe(pages);

    // Back once, and the previous page is restored exactly, text and screen.
    await lessons.back().click();
    await expectPageMatchesScreen(page, lessons, id, pages - 1);
    expect(await lessons.text().innerText()).toBe(texts[pages - 2]);
  });
}

test('a lesson page opens from a link and follows hash changes; leaving returns to the playground', async ({
  playground,
  page,
}) => {
  const lessons = new LessonPanel(page);
  await playground.gotoHash('lesson=reverse-pass&page=3');
  await expect(lessons.pageCounter()).toHaveText(/^\s*3\s*\//);
  await expectPageMatchesScreen(page, lessons, 'reverse-pass', 3);

  await page.evaluate(() => {
    window.location.hash = '#lesson=kinks&page=2';
  });
  await expectPageMatchesScreen(page, lessons, 'kinks', 2);
  await expect(lessons.menu()).toHaveValue('kinks');

  // Changing the playground is noticed, and the page can be shown again.
  await playground.button('Reset').click();
  await expect(page.getByText('You changed the playground')).toBeVisible();
  await page.getByRole('button', { name: 'Show it again' }).click();
  await expectPageMatchesScreen(page, lessons, 'kinks', 2);

  await lessons.leave().click();
  await expect(lessons.text()).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#f=/);
  await expect(lessons.menu()).toHaveValue('');
});

test('a lesson link to an unknown lesson says so and shows the playground', async ({
  playground,
  page,
}) => {
  await playground.gotoHash('lesson=no-such-lesson&page=1');
  await expect(page.getByText(/Could not open that lesson link/)).toBeVisible();
  await expect(new LessonPanel(page).text()).toHaveCount(0);
  await expect(page.getByTestId('graph-node').first()).toBeVisible();
});
