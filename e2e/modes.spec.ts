// Ways of showing the playground: focus mode (F), a resizable drawer, the theme and text size the
// learner chose (remembered), presenter mode and embedding.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { expectNoAxeViolations } from './axe-scan.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';

const FORMULA = 'sin(x*y) + exp(x)/y';
const AT = { x: 1, y: 2 };

async function open(playground: PlaygroundPage): Promise<void> {
  await playground.goto(FORMULA, AT, 'reverse', 5);
  await playground.waitForNodeCount(7);
}

function viewMenu(page: Page) {
  return page.getByRole('button', { name: /^View/ });
}

async function openViewMenu(page: Page): Promise<void> {
  await viewMenu(page).click();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toBeVisible();
}

function backdropLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(
      getComputedStyle(document.body).backgroundColor,
    );
    if (!m) return 1;
    const lin = (c: number) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(Number(m[1])) + 0.7152 * lin(Number(m[2])) + 0.0722 * lin(Number(m[3]));
  });
}

test.describe('focus mode', () => {
  test('the Focus button hides both side columns and gives the graph the whole width', async ({
    playground,
    page,
  }) => {
    await open(playground);
    const focus = page.getByRole('button', { name: 'Focus' });
    await expect(focus).toHaveAttribute('aria-pressed', 'false');
    const before = (await page.locator('.graph-col').boundingBox())!.width;
    await focus.click();
    await expect(focus).toHaveAttribute('aria-pressed', 'true');
    await expect(playground.formula()).toBeHidden();
    await expect(page.getByRole('table', { name: 'Gradient check' })).toBeHidden();
    const after = (await page.locator('.graph-col').boundingBox())!.width;
    expect(after).toBeGreaterThan(before + 400);
    expect(after).toBeGreaterThanOrEqual(1280 - 2);
    // The player still works, and the graph still shows every node.
    await playground.stepForward();
    await expect(playground.page.getByTestId('graph-node')).toHaveCount(7);
    await focus.click();
    await expect(playground.formula()).toBeVisible();
  });

  test('F toggles focus mode, but not while typing in the formula', async ({
    playground,
    page,
  }) => {
    await open(playground);
    const focus = page.getByRole('button', { name: 'Focus' });
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('f');
    await expect(focus).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('F');
    await expect(focus).toHaveAttribute('aria-pressed', 'false');
    await playground.formula().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' + f');
    await expect(playground.formula()).toHaveValue(`${FORMULA} + f`);
    await expect(focus).toHaveAttribute('aria-pressed', 'false');
  });
});

test.describe('drawer resize', () => {
  test('the drawer’s top edge is a separator: arrow keys and dragging change its height', async ({
    playground,
    page,
  }) => {
    await open(playground);
    await playground.openDrawerTab('Trace table');
    const handle = page.getByRole('separator', { name: 'Resize the teaching panels' });
    await expect(handle).toBeVisible();
    const drawer = page.locator('.drawer');
    const h0 = (await drawer.boundingBox())!.height;
    const v0 = Number(await handle.getAttribute('aria-valuenow'));
    expect(Math.abs(v0 - h0)).toBeLessThanOrEqual(2);

    await handle.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(async () => Number(await handle.getAttribute('aria-valuenow')))
      .toBe(Math.round(h0) + 48);
    await expect
      .poll(async () => Math.round((await drawer.boundingBox())!.height))
      .toBe(Math.round(h0) + 48);
    // The player's keys do not also act on the separator's keys.
    const step = await playground.stepCounter();
    await page.keyboard.press('Home');
    expect(await playground.stepCounter()).toEqual(step);
    await expect.poll(async () => Number(await handle.getAttribute('aria-valuenow'))).toBe(120);

    const box = (await handle.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - 60, { steps: 4 });
    await page.mouse.move(x, y - 150, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await drawer.boundingBox())!.height)).toBe(270);
    // The graph gave up that height and still shows the formula.
    await expect(page.getByTestId('graph-node')).toHaveCount(7);
  });
});

test.describe('theme and text size', () => {
  test.use({ colorScheme: 'light' });

  test('dark theme on a light system, remembered after a reload, and clean for axe', async ({
    playground,
    page,
  }) => {
    await open(playground);
    expect(await backdropLuminance(page)).toBeGreaterThan(0.6);
    await openViewMenu(page);
    const dark = page.getByRole('button', { name: 'Dark theme' });
    await expect(dark).toHaveAttribute('aria-pressed', 'false');
    await dark.click();
    await expect(dark).toHaveAttribute('aria-pressed', 'true');
    expect(await backdropLuminance(page)).toBeLessThan(0.2);
    await page.keyboard.press('Escape');
    await page.reload();
    await playground.waitForReady();
    expect(await backdropLuminance(page)).toBeLessThan(0.2);
    await expectNoAxeViolations(page, 'in the dark theme chosen in the app');
    await openViewMenu(page);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await backdropLuminance(page)).toBeGreaterThan(0.6);
  });

  test('A+ makes the page’s text and the graph’s text larger, remembered; A− smaller', async ({
    playground,
    page,
  }) => {
    // A small graph, fitted at its largest zoom: A+ shows it larger still. (A graph that fills
    // the view keeps filling it; A+ raises the smallest zoom a big graph is shown at.)
    await playground.goto('sin(x)', { x: 2 });
    await playground.waitForNodeCount(2);
    const rootPx = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    /** Rendered height of the first node's symbol, in CSS px on screen. */
    const nodeTextPx = () =>
      page.evaluate(() => {
        const text = document.querySelector('[data-testid="graph-node"] text');
        return text ? text.getBoundingClientRect().height : 0;
      });
    expect(await rootPx()).toBe(16);
    const graphBefore = await nodeTextPx();
    await openViewMenu(page);
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await expect.poll(rootPx).toBe(20);
    await page.keyboard.press('Escape');
    await expect.poll(nodeTextPx).toBeGreaterThan(graphBefore * 1.05);
    await page.reload();
    await playground.waitForReady();
    await expect.poll(rootPx).toBe(20);
    await openViewMenu(page);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Smaller text' }).click();
    await expect.poll(rootPx).toBe(14);
  });
});

test.describe('presenter mode', () => {
  test('present=1: large text, side columns on request, a caption, PageDown/PageUp step', async ({
    playground,
    page,
  }) => {
    // Not gotoHash: it waits for the formula editor, which presenter mode hides.
    await page.goto(
      `/#f=${encodeURIComponent(FORMULA)}&at=${encodeURIComponent('x=1,y=2')}&step=6&present=1`,
    );
    await playground.waitForNodeCount(7);
    const present = page.getByRole('button', { name: 'Present' });
    await openViewMenu(page);
    await expect(present).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
      '20px',
    );
    await expect(playground.formula()).toBeHidden();
    await expect(page.getByRole('table', { name: 'Gradient check' })).toBeHidden();
    const caption = page.getByRole('region', { name: 'Step caption' });
    await expect(caption).toContainText('Step 6 of 13');

    // A clicker: PageDown and PageUp, with the focus anywhere but a text field.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('PageDown');
    await playground.expectStep(7, 13);
    await expect(caption).toContainText('Step 7 of 13');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await playground.expectStep(5, 13);

    await page.getByRole('button', { name: 'Side panels' }).click();
    await expect(playground.formula()).toBeVisible();
    await expect(page.getByRole('table', { name: 'Gradient check' })).toBeVisible();

    await openViewMenu(page);
    await present.click();
    await expect(caption).toHaveCount(0);
    await expect.poll(() => playground.hash()).not.toContain('present=');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
      '16px',
    );
  });

  test('the Present button puts present=1 in the link; PageDown does not step outside it', async ({
    playground,
    page,
  }) => {
    await open(playground);
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('PageDown');
    await playground.expectStep(5, 13);
    await openViewMenu(page);
    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => playground.hash()).toContain('present=1');
    await expectNoAxeViolations(page, 'in presenter mode');
  });

  test('a malformed present= gets the bad-link fallback', async ({ playground }) => {
    await playground.gotoHash(`f=${encodeURIComponent(FORMULA)}&at=&present=yes`);
    await expect(playground.linkNotice()).toBeVisible();
  });
});

test.describe('embedding', () => {
  test('embed=1 drops the header; hide= drops the parts it names', async ({ page }) => {
    await page.goto(
      `/#f=${encodeURIComponent(FORMULA)}&at=${encodeURIComponent('x=1,y=2')}&embed=1&hide=editor,player,check`,
    );
    await expect(page.getByTestId('graph-node')).toHaveCount(7);
    await expect(page.getByRole('heading', { name: 'Autodiff Playground' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Formula' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Step forward' })).toBeHidden();
    await expect(page.getByRole('table', { name: 'Gradient check' })).toBeHidden();
    await expect(page.getByRole('region', { name: 'Current step' })).toBeVisible();
    await expectNoAxeViolations(page, 'embedded with parts hidden');
  });

  test('Share: Copy link and Copy embed code put this view on the clipboard', async ({
    playground,
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(playground);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this view' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Link copied.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain(`#f=${encodeURIComponent(FORMULA)}`);
    expect(link).toContain('step=5');
    await dialog.getByRole('button', { name: 'Copy embed code' }).click();
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(/^<iframe src="[^"]+&amp;embed=1" title="Autodiff Playground"/);
    await expectNoAxeViolations(page, 'with the Share dialog open');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The embed code's address opens the same view, embedded.
    const src = /src="([^"]+)"/.exec(code)?.[1]?.replace(/&amp;/g, '&') ?? '';
    await page.goto(src);
    await expect(page.getByTestId('step-counter')).toHaveText('5 / 13');
    await expect(page.getByRole('heading', { name: 'Autodiff Playground' })).toHaveCount(0);
  });

  test('in an iframe: the host sets formula, point and step and hears step events', async ({
    page,
  }) => {
    await page.goto('/embed-host-example.html');
    const app = page.frameLocator('#playground');
    await expect(app.getByTestId('graph-node').first()).toBeVisible();
    const log = page.getByRole('log');
    await expect(log).toContainText(/step \d+ of \d+/);

    await page.getByRole('button', { name: 'Go to step 3' }).click();
    await expect(log.locator('div').first()).toHaveText(/^step 3 of \d+$/);

    await page.getByRole('button', { name: 'Show a neuron' }).click();
    await expect(app.locator('[data-testid="graph-node"][data-op="sigmoid"]')).toHaveCount(1);
    await page.getByRole('button', { name: 'Set x = 0.5' }).click();

    // Messages that are not the host's, or not the API's shape, change nothing.
    const frame = page.frame({ url: /embed=1/ });
    if (!frame) throw new Error('no playground frame');
    const before = await frame.evaluate(
      () => document.querySelectorAll('[data-testid="graph-node"]').length,
    );
    await frame.evaluate(() => window.postMessage({ type: 'autodiff:set', formula: 'x' }, '*'));
    await page.evaluate(() => {
      const w = (document.getElementById('playground') as HTMLIFrameElement).contentWindow;
      w?.postMessage({ type: 'autodiff:set', formula: 12 }, '*');
      w?.postMessage({ type: 'autodiff:set', formula: 'x', onload: 'alert(1)' }, '*');
      w?.postMessage('<img src=x onerror=alert(1)>', '*');
    });
    await page.waitForTimeout(300);
    expect(
      await frame.evaluate(() => document.querySelectorAll('[data-testid="graph-node"]').length),
    ).toBe(before);
  });
});
