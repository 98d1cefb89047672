// One axe scan (WCAG 2.2 AA tags) with a readable failure message, for walkthroughs that check
// a screen besides accessibility.spec.ts's own scans.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** `include`: a selector to scan only part of the page (a panel with its own walkthrough). */
export async function expectNoAxeViolations(
  page: Page,
  where: string,
  include?: string,
): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  const results = await (include ? builder.include(include) : builder).analyze();
  const text = results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes
          .slice(0, 6)
          .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary ?? ''}`)
          .join('\n'),
    )
    .join('\n\n');
  expect(results.violations.length, `axe violations ${where}:\n\n${text}`).toBe(0);
}
