// Every screen: a phone, a tablet, a 1280×720 window at 125 % and 200 % browser zoom, and the
// 320 CSS px of WCAG 2.2's reflow rule. At each: no horizontal scrollbar, the player's buttons
// and step counter on screen wherever the page is scrolled, no axe violation, and on narrow and
// touch screens every control at least 44 × 44 px.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { expectNoAxeViolations } from './axe-scan.ts';
import { compileOrThrow, traceOf } from './oracle.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';

interface Screen {
  name: string;
  width: number;
  height: number;
  deviceScaleFactor: number;
  touch: boolean;
  /** Stacked layout: one column, controls sized for fingers. */
  narrow: boolean;
}

const SCREENS: Screen[] = [
  {
    name: 'phone 390×844',
    width: 390,
    height: 844,
    deviceScaleFactor: 3,
    touch: true,
    narrow: true,
  },
  {
    name: 'tablet 768×1024',
    width: 768,
    height: 1024,
    deviceScaleFactor: 2,
    touch: true,
    narrow: true,
  },
  {
    name: '1280×720 at 125 %',
    width: 1024,
    height: 576,
    deviceScaleFactor: 1.25,
    touch: false,
    narrow: true,
  },
  {
    name: '1280×720 at 200 %',
    width: 640,
    height: 360,
    deviceScaleFactor: 2,
    touch: false,
    narrow: true,
  },
  {
    name: 'reflow at 320 px',
    width: 320,
    height: 640,
    deviceScaleFactor: 1,
    touch: false,
    narrow: true,
  },
  {
    name: 'desktop 1280×720',
    width: 1280,
    height: 720,
    deviceScaleFactor: 1,
    touch: false,
    narrow: false,
  },
];

const FORMULA = 'ln(x1) + x1*x2 - sin(x2)';
const AT = { x1: 2, x2: 5 };
const PLAYER_BUTTONS = ['Reset', 'Step back', 'Play', 'Step forward', 'Go to end'] as const;

async function openBusyScreen(playground: PlaygroundPage): Promise<void> {
  const graph = compileOrThrow(FORMULA);
  const n = traceOf(graph, AT, 'reverse').steps.length;
  await playground.goto(FORMULA, AT, 'reverse', n - 2);
  await playground.waitForNodeCount(graph.nodes.length);
  await playground.expectStep(n - 2, n);
  await settle(playground.page);
}

function settle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(), 600))),
  );
}

/** The page is no wider than the screen: no horizontal scrollbar. */
async function expectNoHorizontalScroll(page: Page, where = ''): Promise<void> {
  const { scroll, client } = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { scroll: el.scrollWidth, client: el.clientWidth };
  });
  expect(scroll, `page as wide as the screen ${where}`).toBeLessThanOrEqual(client);
}

/** The page's viewport, pixel ratio and touch as on `screen`. */
function useScreen(screen: Pick<Screen, 'width' | 'height' | 'deviceScaleFactor' | 'touch'>) {
  test.use({
    viewport: { width: screen.width, height: screen.height },
    deviceScaleFactor: screen.deviceScaleFactor,
    hasTouch: screen.touch,
  });
}

const screenNamed = (name: string): Screen => SCREENS.find((s) => s.name === name)!;

async function expectPlayerInView(playground: PlaygroundPage, where: string): Promise<void> {
  for (const name of PLAYER_BUTTONS) {
    await expect(playground.button(name), `${name} on screen ${where}`).toBeInViewport({
      ratio: 1,
    });
  }
  await expect(
    playground.page.getByTestId('step-counter'),
    `step counter on screen ${where}`,
  ).toBeInViewport({
    ratio: 1,
  });
}

async function scrollTo(page: Page, fraction: number): Promise<void> {
  await page.evaluate((f) => {
    const el = document.scrollingElement ?? document.documentElement;
    el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) * f);
  }, fraction);
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
}

/** Scrolled to the top, the middle and the end: `check` there, then the player still on screen. */
async function atEveryScroll(
  playground: PlaygroundPage,
  check: (where: string) => Promise<void>,
): Promise<void> {
  for (const fraction of [0, 0.5, 1]) {
    const where = `scrolled to ${fraction * 100} %`;
    await scrollTo(playground.page, fraction);
    await check(where);
    await expectPlayerInView(playground, where);
  }
}

/** Visible controls (or, for a checkbox or radio, its label) smaller than 44 × 44 CSS px. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'button, select, input, [role="tab"], [role="separator"][tabindex]',
    );
    for (const el of Array.from(controls)) {
      if (el.closest('[hidden], .visually-hidden, .gv-stage')) continue;
      let target: HTMLElement = el;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        const label = el.closest('label');
        if (label) target = label;
      }
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (getComputedStyle(target).visibility === 'hidden') continue;
      if (r.width < 43.5 || r.height < 43.5) {
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
        out.push(
          `${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
      }
    }
    return out;
  });
}

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    useScreen(screen);

    test(`no horizontal scrollbar, player always on screen, no axe violation (${screen.name})`, async ({
      playground,
      page,
    }) => {
      await openBusyScreen(playground);
      await atEveryScroll(playground, (where) => expectNoHorizontalScroll(page, where));
      // The player works from wherever the page is scrolled.
      await scrollTo(page, 1);
      await playground.stepForward();
      await scrollTo(page, 0);
      await expectNoAxeViolations(page, `at ${screen.name}`);
    });

    test(`the drawer opens without widening the page (${screen.name})`, async ({
      playground,
      page,
    }) => {
      await openBusyScreen(playground);
      await playground.openDrawerTab('Trace table');
      await settle(page);
      await scrollTo(page, 1);
      await expectNoHorizontalScroll(page, 'with the drawer open');
      await expectPlayerInView(playground, 'with the drawer open');
    });

    if (screen.narrow) {
      test(`stacked: editor, graph, player, explanation, drawer, in that order (${screen.name})`, async ({
        playground,
        page,
      }) => {
        await openBusyScreen(playground);
        await scrollTo(page, 0);
        const tops = await page.evaluate(() =>
          ['.editor-col', '.graph-col', '.player-row', '.side-col', '.drawer-row'].map((sel) => {
            const el = document.querySelector(sel);
            return el ? el.getBoundingClientRect().top + window.scrollY : Number.NaN;
          }),
        );
        // The player is sticky, so its own top moves; the others are in reading order.
        const [editor, graph, , side, drawer] = tops;
        expect(editor!).toBeLessThan(graph!);
        expect(graph!).toBeLessThan(side!);
        expect(side!).toBeLessThan(drawer!);
        expect(await smallTargets(page), 'controls under 44 × 44 px').toEqual([]);
      });
    }
  });
}

/** The screen's height taken by whatever stays put while the page scrolls (fixed or sticky). */
function stuckBand(page: Page): Promise<{ top: number; bottom: number }> {
  return page.evaluate(() => {
    let top = Infinity;
    let bottom = -Infinity;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const position = getComputedStyle(el).position;
      if (position !== 'fixed' && position !== 'sticky') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
      top = Math.min(top, r.top);
      bottom = Math.max(bottom, r.bottom);
    }
    return { top, bottom };
  });
}

test.describe('phone 390×844: only the step buttons and the counter stay on screen', () => {
  useScreen(screenNamed('phone 390×844'));

  test('the band that stays is one row; the timeline, speed and mode scroll with the page', async ({
    playground,
    page,
  }) => {
    await openBusyScreen(playground);
    await atEveryScroll(playground, async (where) => {
      const band = await stuckBand(page);
      expect(band.bottom - band.top, `height kept on screen ${where}`).toBeLessThanOrEqual(72);
    });
    // The rest of the player is in the page, under the graph: scrolled away at the end.
    await scrollTo(page, 1);
    await expect(page.getByRole('slider', { name: 'Timeline' })).not.toBeInViewport();
    await scrollTo(page, 0);
    await page.getByRole('slider', { name: 'Timeline' }).scrollIntoViewIfNeeded();
    await expect(page.getByRole('slider', { name: 'Timeline' })).toBeInViewport();
    await expect(page.getByRole('group', { name: 'Mode' })).toBeVisible();
  });
});

test.describe('phone 390×844: A+ magnifies the graph’s text too', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true });

  test('a node’s label is drawn larger after A+ (the SVG, not only the page’s rem-sized text)', async ({
    playground,
    page,
  }) => {
    await playground.goto('sin(x*y) + exp(x)/y', { x: 1, y: 2 });
    await playground.waitForNodeCount(7);
    /** Rendered height of the output node's symbol, in CSS px on screen. */
    const labelPx = () =>
      page.evaluate(() => {
        const nodes = Array.from(document.querySelectorAll('[data-testid="graph-node"]'));
        const text = nodes.at(-1)?.querySelector('text');
        return text ? text.getBoundingClientRect().height : 0;
      });
    await settle(page);
    const before = await labelPx();
    expect(before).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^View/ }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(labelPx).toBeGreaterThan(before * 1.2);
  });
});

test.describe('tablet 768×1024: the graph above the fold', () => {
  useScreen(screenNamed('tablet 768×1024'));

  test('on opening, the whole graph box is on screen above the player’s band', async ({
    playground,
    page,
  }) => {
    await openBusyScreen(playground);
    await scrollTo(page, 0);
    const graph = await page.locator('.graph-col').boundingBox();
    const band = await stuckBand(page);
    expect(graph!.y).toBeGreaterThanOrEqual(0);
    expect(graph!.y + graph!.height).toBeLessThanOrEqual(band.top + 1);
    expect(graph!.height).toBeGreaterThanOrEqual(400);
    // And every node of the drawing is inside it.
    for (const node of await page.getByTestId('graph-node').all())
      await expect(node).toBeInViewport({ ratio: 0.99 });
  });
});

test.describe('touch: one finger scrolls the page, not the graph', () => {
  test.use({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
  });

  test('a one-finger swipe on the graph scrolls the page and leaves the drawing where it was', async ({
    playground,
    page,
  }) => {
    await openBusyScreen(playground);
    const graph = page.locator('.gv-surface');
    await graph.scrollIntoViewIfNeeded();
    const box = await graph.boundingBox();
    if (!box) throw new Error('the graph has no box');
    const stage = page.locator('.gv-stage');
    const before = {
      scroll: await page.evaluate(() => window.scrollY),
      transform: await stage.getAttribute('style'),
    };
    const cdp = await page.context().newCDPSession(page);
    const x = box.x + box.width / 2;
    const y = Math.min(box.y + box.height / 2, 700);
    // One finger moving up by `dy` each step.
    const swipe = async (dy: number) => {
      const points = (yy: number) => [{ x, y: yy }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(y) });
      for (let i = 1; i <= 10; i++) {
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: points(y - i * dy),
        });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe(20);
    await expect
      .poll(() => page.evaluate(() => window.scrollY))
      .toBeGreaterThan(before.scroll + 50);
    expect(await stage.getAttribute('style'), 'the drawing did not pan').toBe(before.transform);
  });
});

test('a broken link’s notice sits in the layout: the header stays one row at 1280×720', async ({
  playground,
  page,
}) => {
  await playground.gotoHash('f=%3Cscript%3E&at=');
  await expect(playground.linkNotice()).toBeVisible();
  const header = await page.locator('.app-header').boundingBox();
  expect(header?.height ?? 0).toBeLessThan(80);
  const notice = await playground.linkNotice().boundingBox();
  expect((notice?.x ?? 0) + (notice?.width ?? 0)).toBeLessThanOrEqual(1280);
  await expectNoHorizontalScroll(page, 'under a notice');
  await expectPlayerInView(playground, 'under a notice');
});
