import { defineConfig, devices } from '@playwright/test';

import { chromiumLaunchOptions } from './scripts/chromium.mjs';

// The walkthroughs run against the production build (what a teacher gets from `npm run build`);
// a smoke walkthrough also runs against the dev server (what `npm start` opens).
// E2E_PORT lets a second checkout (or a second run on a shared machine) use its own servers.
const PORT = Number(process.env.E2E_PORT ?? 5199);
const DEV_PORT = PORT + 1;
// System Chromium where there is one (see scripts/chromium.mjs).
const launchOptions = chromiumLaunchOptions();

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Per port, for the same reason as the build folder below: Playwright empties it at the start.
  outputDir: `test-results/e2e-${PORT}`,
  globalSetup: './e2e/global-setup.ts',
  // The machine is small and shared: few workers, generous timeouts, and no retries, because a
  // flaky walkthrough is a bug to fix, not to hide.
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 30_000,
    // The built app registers a service worker (offline use); it would serve later loads from its
    // cache and bypass page.route. Each walkthrough gets a fresh context anyway; the offline
    // walkthrough (e2e/offline.spec.ts) allows it for its own tests.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'built',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 720 },
        launchOptions,
      },
    },
    {
      name: 'dev-server',
      testMatch: '**/smoke.spec.ts',
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://127.0.0.1:${DEV_PORT}/`,
        viewport: { width: 1280, height: 720 },
        launchOptions,
      },
    },
  ],
  webServer: [
    {
      // Each port builds into its own folder, so two runs on one machine never serve each other's build.
      command: `npx vite build --logLevel warn --outDir dist-e2e-${PORT} && npx vite preview --outDir dist-e2e-${PORT} --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `npx vite --port ${DEV_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${DEV_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
