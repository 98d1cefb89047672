// Export for slides: the Share dialog's `Download SVG` and `Download PNG` save the drawing alone
// (nodes, edges, labels), as a standalone SVG and as a PNG at twice its size, under the built
// page's Content-Security-Policy.
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DOM_CAP } from '../app/graph/lodSelect.ts';
import {
  PNG_MAX_PIXELS,
  PNG_MAX_SIDE,
  pngScale,
  pngSize as pictureSize,
  svgTooLarge,
} from '../app/export/lodPicture.ts';
import { test, expect } from './fixtures.ts';

const FORMULA = 'sin(x*y) + exp(x)/y';
const HASH = `f=${encodeURIComponent(FORMULA)}&at=${encodeURIComponent('x=1,y=2')}`;

async function download(page: Page, name: 'Download SVG' | 'Download PNG') {
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name, exact: true }).click();
  const file = await saved;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('Share → Download SVG and PNG save the drawing alone, the PNG at twice its size', async ({
  page,
  playground,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
  await playground.gotoHash(HASH);
  await playground.waitForNodeCount(7);
  const symbols = await page
    .locator('[data-testid="graph-node"] .gv-symbol')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  expect(symbols).toEqual(expect.arrayContaining(['sin', 'exp', 'x', 'y']));

  await page.getByRole('button', { name: 'Share' }).click();
  const svg = await download(page, 'Download SVG');
  expect(svg.name).toBe('autodiff-graph.svg');
  const text = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: Array.from(doc.getElementsByTagName('text'), (t) => t.textContent?.trim() ?? ''),
      background: root.firstElementChild?.getAttribute('fill') ?? null,
      html: doc.getElementsByTagName('button').length + doc.getElementsByTagName('p').length,
    };
  }, text);
  expect(parsed.error, 'the SVG parses as XML').toBe(false);
  expect(parsed.root).toBe('svg');
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  expect(parsed.width).toBeGreaterThan(0);
  expect(parsed.height).toBeGreaterThan(0);
  expect(parsed.texts, 'every node label is in the picture').toEqual(
    expect.arrayContaining(symbols),
  );
  expect(parsed.background, 'light theme: a white slide').toBe('#ffffff');
  expect(parsed.html, 'no buttons or notes').toBe(0);
  expect(text).not.toContain('Fit');
  expect(text).not.toContain('<button');
  await expect(page.getByRole('status').filter({ hasText: 'SVG downloaded.' })).toBeVisible();

  const png = await download(page, 'Download PNG');
  expect(png.name).toBe('autodiff-graph.png');
  expect(pngSize(png.bytes)).toEqual({ width: 2 * parsed.width, height: 2 * parsed.height });
  await expect(page.getByRole('status').filter({ hasText: 'PNG downloaded.' })).toBeVisible();

  const violations = await page.evaluate(
    () => (window as unknown as { __csp?: string[] }).__csp ?? [],
  );
  expect(violations, 'no CSP violation while exporting').toEqual([]);
});

test('in the dark theme the picture is dark too, with light text', async ({ page, playground }) => {
  await playground.gotoHash(HASH);
  await playground.waitForNodeCount(7);
  await page.getByRole('button', { name: /^View/ }).click();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Share' }).click();
  const svg = await download(page, 'Download SVG');
  const picture = await page.evaluate((source) => {
    const root = new DOMParser().parseFromString(source, 'image/svg+xml').documentElement;
    const symbol = Array.from(root.getElementsByTagName('text')).find(
      (t) => t.textContent?.trim() === 'sin',
    );
    return {
      background: root.firstElementChild?.getAttribute('fill') ?? null,
      symbolFill: symbol?.getAttribute('style')?.match(/(?:^|; )fill: ([^;]+)/)?.[1] ?? null,
    };
  }, svg.bytes.toString('utf8'));
  expect(picture.background).toBe('#121417');
  // The page's dark-theme text colour (--fg, #e9ebee), not the light theme's near-black.
  expect(picture.symbolFill).toBe('rgb(233, 235, 238)');
});

/** `x0 + x1 + … + x999`: 1,999 nodes, past the canvas threshold, so only a few are DOM nodes. */
const WIDE_SUM = Array.from({ length: 1000 }, (_, i) => `x${i}`).join(' + ');

test('a large graph painted on a canvas is exported whole: every node in the SVG and the PNG', async ({
  page,
  playground,
}) => {
  test.setTimeout(180_000);
  // Too long for a link: typed, as a teacher would paste it.
  await playground.gotoHash('');
  const box = page.getByRole('textbox', { name: 'Formula', exact: true });
  const drawn = page.locator('canvas.gv-canvas');
  const failed = page.getByRole('status').filter({ hasText: 'Could not lay out' });
  // The layout worker gives up after a fixed time, which a loaded machine can exceed; a new edit
  // (a trailing space: the same graph) asks again, as a learner would.
  for (let attempt = 0; attempt < 4 && (await drawn.count()) === 0; attempt++) {
    await box.fill(WIDE_SUM + ' '.repeat(attempt));
    await expect(drawn.or(failed).first()).toBeVisible({ timeout: 90_000 });
  }
  await expect(drawn).toBeVisible();
  const domNodes = await page.locator('[data-testid="graph-node"]').count();
  expect(domNodes, 'the view keeps only a few nodes in the DOM').toBeLessThanOrEqual(DOM_CAP);

  await page.getByRole('button', { name: 'Share' }).click();
  const svg = await download(page, 'Download SVG');
  expect(svg.name).toBe('autodiff-graph.svg');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    const ids = Array.from(doc.querySelectorAll('[data-node-id]'), (g) =>
      Number(g.getAttribute('data-node-id')),
    );
    const texts = Array.from(doc.getElementsByTagName('text'), (t) => t.textContent ?? '');
    const viewBox = (root.getAttribute('viewBox') ?? '').split(' ').map(Number);
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox,
      ids,
      inputs: texts.filter((t) => /^x\d+$/.test(t)).length,
      sums: texts.filter((t) => t === '+').length,
      edges: doc.querySelectorAll('[data-edge-id]').length,
      background: root.firstElementChild?.getAttribute('fill') ?? null,
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error, 'the SVG parses as XML').toBe(false);
  expect(
    parsed.ids.sort((a, b) => a - b),
    'one node element per graph node',
  ).toEqual(Array.from({ length: 1999 }, (_, i) => i));
  expect(parsed.inputs).toBe(1000);
  expect(parsed.sums).toBe(999);
  expect(parsed.edges).toBe(1998);
  expect(parsed.background).toBe('#ffffff');
  await expect(page.getByRole('status').filter({ hasText: 'SVG downloaded.' })).toBeVisible();

  const png = await download(page, 'Download PNG');
  expect(png.name).toBe('autodiff-graph.png');
  const [x = 0, y = 0] = parsed.viewBox;
  const frame = { x, y, width: parsed.width, height: parsed.height };
  expect(pngSize(png.bytes), 'the whole drawing, as large as a browser canvas allows').toEqual(
    pictureSize(frame, pngScale(frame)),
  );
  await expect(page.getByRole('status').filter({ hasText: 'PNG downloaded.' })).toBeVisible();
  // Kept with the results, to look at.
  await writeFile(test.info().outputPath('wide-sum.svg'), svg.bytes);
  await writeFile(test.info().outputPath('wide-sum.png'), png.bytes);
});

test('past the SVG limit the dialog says so and the PNG and the printout still hold every node', async ({
  page,
  playground,
}) => {
  test.setTimeout(240_000);
  // `x0 + … + x2500`: 5,001 nodes.
  const formula = Array.from({ length: 2501 }, (_, i) => `x${i}`).join(' + ');
  expect(svgTooLarge(2 * 2501 - 1)).toBe(true);
  await playground.gotoHash('');
  const box = page.getByRole('textbox', { name: 'Formula', exact: true });
  const drawn = page.locator('canvas.gv-canvas');
  const failed = page.getByRole('status').filter({ hasText: 'Could not lay out' });
  for (let attempt = 0; attempt < 4 && (await drawn.count()) === 0; attempt++) {
    await box.fill(formula + ' '.repeat(attempt));
    await expect(drawn.or(failed).first()).toBeVisible({ timeout: 90_000 });
  }
  await expect(drawn).toBeVisible();

  await page.getByRole('button', { name: 'Share' }).click();
  let downloads = 0;
  page.on('download', () => downloads++);
  // Said before any click: the button is marked unavailable and described by the reason.
  const svgButton = page.getByRole('button', { name: 'Download SVG', exact: true });
  await expect(svgButton).toHaveAttribute('aria-disabled', 'true');
  await expect(svgButton).toHaveAccessibleDescription(/it has 5,001 nodes.*Download PNG/);
  await expect(page.locator('.export-refused')).toBeVisible();
  // Pressed anyway (it stays focusable, as a disabled control with a reason should): no file,
  // and the status says why.
  await svgButton.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'This graph has 5,001 nodes' }),
  ).toContainText('Download PNG saves the whole graph');
  expect(downloads, 'no SVG is saved').toBe(0);

  const png = await download(page, 'Download PNG');
  const size = pngSize(png.bytes);
  expect(size.width).toBeGreaterThan(0);
  expect(size.width).toBeLessThanOrEqual(PNG_MAX_SIDE);
  expect(size.height).toBeLessThanOrEqual(PNG_MAX_SIDE);
  expect(size.width * size.height).toBeLessThanOrEqual(
    PNG_MAX_PIXELS + 2 * (size.width + size.height),
  );
  await writeFile(test.info().outputPath('5001.png'), png.bytes);

  // On paper: a picture of the whole painted drawing (a PNG), not the few DOM nodes.
  await page.evaluate(() => {
    const w = window as unknown as { __printed: number };
    w.__printed = 0;
    window.print = () => {
      w.__printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed), {
      timeout: 60_000,
    })
    .toBe(1);
  const src = page.locator('img.print-graph');
  await expect(src).toHaveAttribute('src', /^data:image\/png;base64,/);
  const printed = await src.evaluate((img: HTMLImageElement) => ({
    w: img.naturalWidth,
    h: img.naturalHeight,
  }));
  expect(printed.w).toBeGreaterThan(0);
  expect(printed.h).toBeGreaterThan(0);
  await expect(page.locator('.print-graph-note')).toContainText('5,001 nodes');
});
