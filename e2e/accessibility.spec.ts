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
        .map((node) => `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
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
    () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(), 600))),
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test(`the main screen has no axe violations (${colorScheme})`, async ({ playground, page }) => {
      await openBusyScreen(playground);
      const results = await scan(page);
      expect(results.violations.length, `axe violations:\n\n${describeViolations(results)}`).toBe(0);
    });

    test(`a broken formula's diagnostic has no axe violations (${colorScheme})`, async ({ playground, page }) => {
      await openBusyScreen(playground);
      await playground.formula().fill('sine(x1) + x2');
      await expect(playground.diagnostic()).toBeVisible();
      await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 600)));
      const results = await scan(page);
      expect(results.violations.length, `axe violations:\n\n${describeViolations(results)}`).toBe(0);
    });
  });
}
