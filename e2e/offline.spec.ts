// Hosting: the built page under its Content-Security-Policy (any violation fails), and the build
// served from a sub-folder of a web server (relative asset paths), as a course website would.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const FORMULA = 'sin(x*y) + exp(x)/y';
const HASH = `#f=${encodeURIComponent(FORMULA)}&at=${encodeURIComponent('x=1,y=2')}`;

/** Record every CSP violation the page reports, from its very first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

test('the built page has a strict CSP and nothing on it violates the policy', async ({
  page,
  playground,
}) => {
  const violations = await watchCsp(page);
  await page.goto(`/${HASH}`);
  await playground.waitForNodeCount(7);
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(await page.locator('script:not([src])').count(), 'no inline scripts').toBe(0);

  // Exercise what loads or injects code and styles: typesetting, the player, each drawer panel
  // (lazy chunks, plots, the layout worker), presenter mode and the Share dialog.
  await expect(page.getByRole('region', { name: 'The formula, typeset' })).toBeVisible();
  await playground.stepBack();
  await playground.stepForward();
  for (const tab of [
    'Trace table',
    'Error plot',
    'Function slice',
    'Forward vs reverse',
  ] as const) {
    await playground.openDrawerTab(tab);
  }
  await playground.typeFormula('tanh(w*x + b)');
  await playground.waitForNodeCount(6);
  await page.getByRole('button', { name: /^View/ }).click();
  await page.getByRole('button', { name: 'Present' }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  await page.keyboard.press('Escape');
  expect(await violations()).toEqual([]);
});

test('dist/ works from a sub-folder of a web server (relative asset paths)', async ({
  page,
  playground,
}) => {
  // Serve the build under /course/week3/ by forwarding to the preview server's root.
  await page.route('**/course/week3/**', async (route) => {
    const url = new URL(route.request().url());
    url.pathname = url.pathname.replace('/course/week3', '');
    const response = await page.request.fetch(url.toString());
    await route.fulfill({ response });
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`/course/week3/${HASH}`);
  await playground.waitForNodeCount(7);
  await playground.stepBack();
  const outside = requests.filter((p) => !p.startsWith('/course/week3/'));
  expect(outside, 'every asset is fetched from under the sub-folder').toEqual([]);
});
