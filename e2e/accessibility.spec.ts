// (f) axe-core finds no WCAG 2.2 AA violation on the main screen, in light and in dark.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { compileOrThrow, traceOf } from './oracle.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** One readable paragraph per violation: rule, impact, help, and each offending element. */
function describeViolations(results: AxeResults): string {
  return results.violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map(
          (node) =>
            `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
        )
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/** Relative luminance (0 black … 1 white) of the page's backdrop: the first opaque background. */
function backdropLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const candidates = [
      document.getElementById('root')?.firstElementChild,
      document.body,
      document.documentElement,
    ];
    for (const el of candidates) {
      if (!el) continue;
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(
        getComputedStyle(el).backgroundColor,
      );
      if (!m || m[4] === '0') continue;
      const lin = (c: number) => {
        const v = c / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(Number(m[1])) + 0.7152 * lin(Number(m[2])) + 0.0722 * lin(Number(m[3]));
    }
    return 1; // nothing painted: the browser's white canvas
  });
}

async function scan(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page }).withTags(TAGS).analyze();
}

/** A screen with everything a lesson shows: graph values, adjoints, the step explained. */
async function openBusyScreen(playground: PlaygroundPage): Promise<void> {
  const formula = 'ln(x1) + x1*x2 - sin(x2)';
  const at = { x1: 2, x2: 5 };
  const graph = compileOrThrow(formula);
  const n = traceOf(graph, at, 'reverse').steps.length;
  await playground.goto(formula, at, 'reverse', n - 2);
  await playground.waitForNodeCount(graph.nodes.length);
  await playground.expectStep(n - 2, n);
  // Let transitions settle so colours are scanned at rest, not mid-fade.
  await playground.page.evaluate(
    () =>
      new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(), 600))),
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test(`the main screen has no axe violations (${colorScheme})`, async ({ playground, page }) => {
      await openBusyScreen(playground);
      // The scheme really applies, so the dark scan checks dark colours.
      const luminance = await backdropLuminance(page);
      if (colorScheme === 'dark')
        expect(luminance, 'dark scheme has a dark backdrop').toBeLessThan(0.2);
      else expect(luminance, 'light scheme has a light backdrop').toBeGreaterThan(0.6);
      const results = await scan(page);
      expect(results.violations.length, `axe violations:\n\n${describeViolations(results)}`).toBe(
        0,
      );
    });

    test(`a broken formula's diagnostic has no axe violations (${colorScheme})`, async ({
      playground,
      page,
    }) => {
      await openBusyScreen(playground);
      await playground.formula().fill('sine(x1) + x2');
      await expect(playground.diagnostic()).toBeVisible();
      await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 600)));
      const results = await scan(page);
      expect(results.violations.length, `axe violations:\n\n${describeViolations(results)}`).toBe(
        0,
      );
    });
  });
}

/** Longest transition or animation on the graph's nodes and edges, in ms, and how many move. */
function graphMotion(page: Page): Promise<{ longest: number; moving: number }> {
  return page.evaluate(() => {
    const seconds = (list: string) =>
      Math.max(
        ...list
          .split(',')
          .map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t)) || 0),
      );
    let longest = 0;
    let moving = 0;
    const svg = document.querySelector('[data-testid="graph-node"]')?.closest('svg');
    for (const el of svg ? Array.from(svg.querySelectorAll('*')) : []) {
      const style = getComputedStyle(el);
      const animated = style.animationName !== 'none' ? seconds(style.animationDuration) : 0;
      const t = Math.max(seconds(style.transitionDuration), animated) * 1000;
      if (t > 0) moving++;
      longest = Math.max(longest, t);
    }
    return { longest, moving };
  });
}

test('prefers-reduced-motion turns the graph transitions off', async ({ playground, page }) => {
  await openBusyScreen(playground);
  const normal = await graphMotion(page);
  expect(
    normal.moving,
    'with motion allowed, the graph animates (so the check below can fail)',
  ).toBeGreaterThan(0);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await playground.stepBack();
  await expect
    .poll(() => graphMotion(page), { message: 'no transition or animation left in the graph' })
    .toEqual({
      longest: 0,
      moving: 0,
    });
});
