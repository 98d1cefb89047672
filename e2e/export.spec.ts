// Export for slides: the Share dialog's `Download SVG` and `Download PNG` save the drawing alone
// (nodes, edges, labels), as a standalone SVG and as a PNG at twice its size, under the built
// page's Content-Security-Policy.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
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
