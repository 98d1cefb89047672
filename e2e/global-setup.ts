// Warm the dev server once before the walkthroughs: the first page load makes Vite transform
// every module and may pre-bundle a dependency it discovers late, which reloads the page. Paying
// that here keeps a cold start (CI) from landing inside the first test as a spurious failure.
import { chromium, type FullConfig } from '@playwright/test';

export default async function globalSetup(config: FullConfig): Promise<void> {
  // Each project may have its own server (the production build, the dev server): warm each one.
  const seen = new Set<string>();
  for (const project of config.projects) {
    const use = project.use;
    const baseURL = use?.baseURL;
    if (!baseURL || seen.has(baseURL)) continue;
    seen.add(baseURL);
    const browser = await chromium.launch(use.launchOptions);
    try {
      const page = await browser.newPage();
      for (const hash of ['', '#f=sin(x)*y&at=x%3D1%2Cy%3D2&mode=forward&step=1']) {
        await page.goto(new URL(hash, baseURL).toString(), { timeout: 120_000 });
        await page
          .getByRole('textbox', { name: 'Formula', exact: true })
          .waitFor({ timeout: 120_000 });
        await page.getByTestId('graph-node').first().waitFor({ timeout: 60_000 });
      }
      // Give a late dependency optimisation time to finish (and its reload to happen here).
      await page.waitForTimeout(1_000);
    } finally {
      await browser.close();
    }
  }
}
