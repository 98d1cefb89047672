// On a projector (1280×720) and a desktop screen (1920×1080): nothing essential off screen or
// behind a scrollbar, and no text under 16 px (DESIGN.md, "Look and feel").
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { compileOrThrow, referenceCase, traceOf } from './oracle.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';

const baydin = referenceCase('baydin-2018');

/** HTML text (SVG scales with zoom, so it is left out) rendered smaller than 16 px. */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement;
      const text = t.textContent?.trim() ?? '';
      if (!el || text === '' || el.closest('svg')) continue;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const hidden =
        rect.width <= 1 ||
        rect.height <= 1 ||
        style.visibility === 'hidden' ||
        el.closest('[aria-hidden="true"], .visually-hidden, .katex-mathml') !== null;
      if (hidden) continue;
      const size = parseFloat(style.fontSize);
      if (size < 16) found.push(`${size}px <${el.tagName.toLowerCase()}> "${text.slice(0, 40)}"`);
    }
    return found;
  });
}

async function expectInViewport(
  playground: PlaygroundPage,
  what: string,
  box: Promise<{ x: number; y: number; width: number; height: number } | null>,
): Promise<void> {
  const viewport = playground.page.viewportSize()!;
  const b = await box;
  expect(b, `${what} is rendered`).not.toBeNull();
  expect(
    b!.x >= 0 &&
      b!.y >= 0 &&
      b!.x + b!.width <= viewport.width + 0.5 &&
      b!.y + b!.height <= viewport.height + 0.5,
    `${what} lies inside the ${viewport.width}×${viewport.height} viewport: ${JSON.stringify(b)}`,
  ).toBe(true);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test(`everything essential is on screen, no scrollbars, no text under 16 px (${size.width}×${size.height})`, async ({
      playground,
      page,
    }) => {
      const graph = compileOrThrow(baydin.formula);
      const n = traceOf(graph, baydin.at, 'reverse').steps.length;
      await playground.goto(baydin.formula, baydin.at, 'reverse', n - 3);
      await playground.waitForNodeCount(graph.nodes.length);
      await playground.expectStep(n - 3, n);
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 800)));

      const overflow = await page.evaluate(() => ({
        x: document.documentElement.scrollWidth - window.innerWidth,
        y: document.documentElement.scrollHeight - window.innerHeight,
      }));
      expect(overflow, 'the page itself never scrolls').toEqual({ x: 0, y: 0 });

      await expectInViewport(playground, 'the Formula textbox', playground.formula().boundingBox());
      await expectInViewport(
        playground,
        'the output value',
        playground.outputValue().boundingBox(),
      );
      await expectInViewport(
        playground,
        'the step counter',
        playground.stepCounterLocator().boundingBox(),
      );
      for (const name of ['Play', 'Step back', 'Step forward', 'Reset', 'Go to end'] as const) {
        await expectInViewport(
          playground,
          `the ${name} button`,
          playground.button(name).boundingBox(),
        );
      }
      await expectInViewport(
        playground,
        'the Gradient check table',
        playground.gradientCheck().boundingBox(),
      );
      for (const node of graph.nodes) {
        await expectInViewport(
          playground,
          `graph node ${node.name}`,
          playground.node(node.id).boundingBox(),
        );
      }
      for (const name of graph.variables) {
        await expectInViewport(
          playground,
          `the ${name} input`,
          playground.variable(name).boundingBox(),
        );
      }

      expect(await smallText(page), 'text at least 16 px').toEqual([]);
    });
  });
}
