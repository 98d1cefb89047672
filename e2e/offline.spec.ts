// Hosting: the built page under its Content-Security-Policy (any violation fails), the build
// served from a sub-folder of a web server (relative asset paths), as a course website would, and
// offline use: after one visit the service worker serves the whole app with no network, and a new
// build waits for the learner's "Reload".
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { expectNoAxeViolations } from './axe-scan.ts';

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

/** Wait until this page's service worker is active (its install step has cached the build). */
async function serviceWorkerReady(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.scope;
  });
}

test.describe('offline after the first visit', () => {
  // playwright.config.ts blocks service workers for every other walkthrough.
  test.use({ serviceWorkers: 'allow' });

  test('the app loads, goes offline and reloads: the formula typesets, the graph draws, panels open', async ({
    page,
    context,
    playground,
  }) => {
    await page.goto(`/${HASH}`);
    await playground.waitForNodeCount(7);
    // Relative registration: the worker's scope is the folder the app was served from.
    expect(await serviceWorkerReady(page)).toBe(new URL('./', page.url()).href.split('#')[0]);

    await context.setOffline(true);
    try {
      expect(await page.evaluate(() => navigator.onLine), 'the browser knows it is offline').toBe(
        false,
      );
      await page.reload();
      await playground.waitForNodeCount(7);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await expect(page.getByRole('region', { name: 'The formula, typeset' })).toBeVisible();
      await expect(playground.outputValue()).toHaveText(/2\.268/);
      // Code split into chunks of its own loads from the cache too: a drawer panel, a new formula.
      await playground.openDrawerTab('Trace table');
      await expect(playground.traceTable()).toBeVisible();
      await playground.typeFormula('tanh(w*x + b)');
      await playground.waitForNodeCount(6);
      await playground.stepForward();
    } finally {
      await context.setOffline(false);
    }
  });

  test('a new build waits for “Update available — Reload”, then takes over (served from a sub-folder)', async ({
    page,
    playground,
    baseURL,
  }) => {
    const site = await courseSite(baseURL!, '/course/week3/');
    try {
      await page.goto(`${site.url}${HASH}`);
      await playground.waitForNodeCount(7);
      expect(await serviceWorkerReady(page)).toBe(site.url);
      // A later visit: the page is now served by the worker, so a new one has to wait for it.
      await page.reload();
      await playground.waitForNodeCount(7);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      const prompt = page.getByRole('status').filter({ hasText: 'Update available' });
      await expect(prompt).toHaveCount(0);

      // A new deployment; the browser checks for one (as it does on a later visit).
      site.publishNextBuild();
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      await expect(prompt).toBeVisible();
      const reload = prompt.getByRole('button', { name: 'Reload' });
      await expect(reload).toBeVisible();
      await expectNoAxeViolations(page, 'with the update prompt shown');

      // Nothing changes until the learner says so: the new worker waits.
      expect(
        await page.evaluate(async () =>
          Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
        ),
      ).toBe(true);
      await Promise.all([page.waitForEvent('load'), reload.click()]);
      await playground.waitForNodeCount(7);
      await expect(prompt).toHaveCount(0);
      expect(
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            waiting: Boolean(registration?.waiting),
            controlled: Boolean(navigator.serviceWorker.controller),
          };
        }),
        'the new worker is in charge and none is waiting',
      ).toEqual({ waiting: false, controlled: true });
      // The link (formula, point) survived the reload.
      await expect(playground.outputValue()).toHaveText(/2\.268/);
    } finally {
      await site.close();
    }
  });
});

/**
 * The built app re-served from a sub-folder of a server of the test's own, where a new deployment
 * can be simulated: `nextBuild()` makes sw.js byte-different from then on, as a rebuild would.
 * (The browser fetches a worker's script for an update check outside Playwright's routing, so the
 * change has to come from a real server.)
 */
async function courseSite(appOrigin: string, folder: string) {
  let nextBuild = false;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (!path.startsWith(folder)) {
      res.writeHead(404).end();
      return;
    }
    void fetch(new URL(path.slice(folder.length - 1), appOrigin)).then(
      async (upstream) => {
        let body = Buffer.from(await upstream.arrayBuffer());
        if (nextBuild && path.split('?')[0]!.endsWith('/sw.js'))
          body = Buffer.concat([body, Buffer.from('\n// the next build\n')]);
        res
          .writeHead(upstream.status, {
            'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
            'cache-control': 'no-cache',
          })
          .end(body);
      },
      () => res.writeHead(502).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${folder}`,
    publishNextBuild: () => {
      nextBuild = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
