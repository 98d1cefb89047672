// Paper: `Share → Print` prints the formula, the graph and the trace table with no controls;
// `Share → Worksheet` prints the same with the numbers left blank and a filled answer key on a
// page of its own. window.print is stubbed (it would open the browser's dialog); the page is then
// checked as the print stylesheet lays it out.
import type { Page } from '@playwright/test';
import { PAPER_HEIGHT, PAPER_WIDTH } from '../app/export/lodPicture.ts';
import { test, expect } from './fixtures.ts';

const FORMULA = 'sin(x*y) + exp(x)/y';
const HASH = `f=${encodeURIComponent(FORMULA)}&at=${encodeURIComponent('x=1,y=2')}`;
// A one-hidden-layer network: a trace table longer than a page.
const NETWORK = [
  'h1 = tanh(w1*x + b1)',
  'h2 = tanh(w2*x + b2)',
  'h3 = tanh(w3*x + b3)',
  'h4 = tanh(w4*x + b4)',
  'y = v1*h1 + v2*h2 + v3*h3 + v4*h4',
  '(y - t)^2',
].join('\n');
const NETWORK_AT =
  'x=0.5,t=1,w1=1,b1=0,w2=-1,b2=0.5,w3=0.3,b3=0.1,w4=2,b4=-1,v1=1,v2=-1,v3=0.5,v4=0.2';

/** The printed picture of the graph, as SVG text. */
async function printedGraph(page: Page): Promise<string> {
  const src = (await page.locator('img.print-graph').getAttribute('src')) ?? '';
  const prefix = 'data:image/svg+xml;charset=utf-8,';
  expect(src.startsWith(prefix), 'the picture is an SVG').toBe(true);
  return decodeURIComponent(src.slice(prefix.length));
}

/** Each element from `selector` up to <body> that is a flex or grid box (breaks get lost there). */
function flexOrGridAncestors(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const found: string[] = [];
    for (let el = document.querySelector(sel); el && el !== document.body; el = el.parentElement) {
      const display = getComputedStyle(el).display;
      if (/flex|grid/.test(display))
        found.push(`${el.tagName.toLowerCase()}.${el.className}: ${display}`);
    }
    return found;
  }, selector);
}

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
  // The graph prints as a picture of the whole drawing, in the live view's place.
  await expect(page.locator('img.print-graph')).toBeVisible();
  await expect(page.locator('.graph-area')).toBeHidden();
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
  // So does the printed picture: the output's value is drawn nowhere in it.
  const svg = await printedGraph(page);
  expect(svg.match(/data-testid="graph-node"/g)?.length).toBe(7);
  const shownNumbers = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    // The element holding the digits itself (a <text> or its <tspan>) carries its computed style.
    return Array.from(doc.querySelectorAll('text, tspan'))
      .filter((t) =>
        Array.from(t.childNodes).some((n) => n.nodeType === 3 && /2\.268/.test(n.nodeValue ?? '')),
      )
      .filter((t) => !/visibility:\s*hidden/.test(t.getAttribute('style') ?? '')).length;
  }, svg);
  expect(shownNumbers).toBe(0);

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

test('the printed graph is the whole pass, not the step on screen, and says so; the step comes back after', async ({
  page,
  playground,
}) => {
  await playground.gotoHash(`${HASH}&step=5`);
  await playground.waitForNodeCount(7);
  await playground.expectStep(5, 13);
  await openAndPrint(page, 'Print');
  // Every node has its value and adjoint, as at the end of the reverse pass.
  await playground.expectStep(13, 13);
  const adjoints = await page
    .getByTestId('graph-node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-adjoint')));
  expect(adjoints.filter((a) => a === '')).toEqual([]);
  // The picture is the whole drawing: every node, whatever the view's pan and zoom.
  expect((await printedGraph(page)).match(/data-testid="graph-node"/g)?.length).toBe(7);
  const caption = await page.evaluate(
    () => getComputedStyle(document.querySelector('.graph-col')!, '::after').content,
  );
  expect(caption).toContain('end of the forward and reverse passes (step 13 of 13)');
  // No current step on paper: no orange (#E69F00) anywhere in the picture.
  expect((await printedGraph(page)).toLowerCase()).not.toMatch(/230,\s*159,\s*0|#e69f00/);

  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await playground.expectStep(5, 13);
});

test('a worksheet longer than a page: rows break between pages, the key starts a page of its own', async ({
  page,
  playground,
}) => {
  await playground.gotoHash(
    `f=${encodeURIComponent(NETWORK)}&at=${encodeURIComponent(NETWORK_AT)}`,
  );
  await expect(page.getByTestId('graph-node').first()).toBeVisible();
  await openAndPrint(page, 'Worksheet');
  const rows = page.locator('.teach-trace tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(20);
  // The whole network is in the printed picture, though the screen shows it in part.
  const nodes = await page.getByTestId('graph-node').count();
  expect((await printedGraph(page)).match(/data-testid="graph-node"/g)?.length).toBe(nodes);

  // Between the page and each table only block boxes, so the browser can break the page there.
  expect(await flexOrGridAncestors(page, '.teach-trace table')).toEqual([]);
  expect(await flexOrGridAncestors(page, '.print-answer-key')).toEqual([]);
  await expect(page.locator('.print-answer-key')).toHaveCSS('break-before', 'page');
  await expect(rows.first()).toHaveCSS('break-inside', 'avoid');
  await expect(page.locator('.print-answer-key tbody tr').first()).toHaveCSS(
    'break-inside',
    'avoid',
  );
  for (const head of ['.teach-trace thead', '.print-answer-key thead'])
    await expect(page.locator(head)).toHaveCSS('display', 'table-header-group');

  // As printed on A4: the worksheet and its key take several pages, and the key adds at least one.
  const pages = async () => {
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    return (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
  };
  const withKey = await pages();
  await page.evaluate(() => document.documentElement.setAttribute('data-print', 'print'));
  const withoutKey = await pages();
  expect(withoutKey).toBeGreaterThanOrEqual(2);
  expect(withKey).toBeGreaterThan(withoutKey);
});

test('a large graph painted on a canvas prints whole: every node in the printed picture', async ({
  page,
  playground,
}) => {
  test.setTimeout(180_000);
  // `x0 + … + x999`, 1,999 nodes: the view keeps only a few as DOM nodes.
  const wideSum = Array.from({ length: 1000 }, (_, i) => `x${i}`).join(' + ');
  await playground.gotoHash('');
  const box = page.getByRole('textbox', { name: 'Formula', exact: true });
  const drawn = page.locator('canvas.gv-canvas');
  const failed = page.getByRole('status').filter({ hasText: 'Could not lay out' });
  // The layout worker gives up after a fixed time, which a loaded machine can exceed; a new edit
  // (a trailing space: the same graph) asks again, as a learner would.
  for (let attempt = 0; attempt < 4 && (await drawn.count()) === 0; attempt++) {
    await box.fill(wideSum + ' '.repeat(attempt));
    await expect(drawn.or(failed).first()).toBeVisible({ timeout: 90_000 });
  }
  await expect(drawn).toBeVisible();
  expect(await page.locator('[data-testid="graph-node"]').count()).toBeLessThan(1999);

  await openAndPrint(page, 'Print');
  await expect(page.locator('img.print-graph')).toBeVisible();
  await expect(page.locator('.graph-area')).toBeHidden();
  // Shrunk to a page, the drawing's SVG would print as a hairline: paper gets canvasPaint's
  // picture of every node at the page's size, nodes as dots in their status colour.
  const img = page.locator('img.print-graph');
  await expect(img).toHaveAttribute('src', /^data:image\/png;base64,/);
  const picture = await img.evaluate((el: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = el.naturalWidth;
    canvas.height = el.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(el, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let adjoint = 0;
    let current = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      // Okabe-Ito vermillion (#D55E00): nodes with their adjoint; orange (#E69F00): a current step.
      if (Math.abs(r - 0xd5) < 16 && Math.abs(g - 0x5e) < 16 && b < 40) adjoint++;
      if (Math.abs(r - 0xe6) < 12 && Math.abs(g - 0x9f) < 12 && b < 40) current++;
    }
    return { width: canvas.width, height: canvas.height, adjoint, current };
  });
  expect(picture.width).toBeLessThanOrEqual(PAPER_WIDTH);
  expect(picture.height).toBeLessThanOrEqual(PAPER_HEIGHT);
  expect(Math.max(picture.width, picture.height)).toBeGreaterThan(PAPER_HEIGHT / 2);
  // At least a few dots for each of the 1,999 nodes, all with their adjoint at the end of the pass.
  expect(picture.adjoint).toBeGreaterThan(4 * 1999);
  expect(picture.current, 'paper shows no current step').toBe(0);
  await expect(page.locator('.print-graph-note')).toHaveText(
    /^The whole graph: 1,999 nodes, drawn small to fit the page .*Download SVG\.$/,
  );
});
