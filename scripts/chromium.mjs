// Which Chromium the walkthroughs, the UI benchmark and the screenshot script launch, and how:
// CHROMIUM_PATH if set, else a system Chromium or Chrome, else Playwright's own download
// (`npx playwright install chromium`). `ensureChromium` (for `npm test`) installs Playwright's
// when there is none at all, and says in one line what to do when even that fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function playwrightsOwn() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The browser to launch: `{ path, source }`; path undefined means Playwright's own (if any). */
export function findChromium() {
  if (process.env.CHROMIUM_PATH)
    return { path: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return { path: system, source: 'system' };
  const own = playwrightsOwn();
  if (own) return { path: undefined, source: 'playwright' };
  return null;
}

/** Options for `chromium.launch` / Playwright's `launchOptions`. */
export function chromiumLaunchOptions() {
  const found = findChromium();
  return { args: CHROMIUM_ARGS, ...(found?.path ? { executablePath: found.path } : {}) };
}

/**
 * Make sure a browser is there for the walkthroughs: found, or Playwright's installed now.
 * Returns `{ ok: true }` or `{ ok: false, line }` with one line saying how to get one.
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) {
    if (found.source === 'CHROMIUM_PATH' && !existsSync(found.path))
      return {
        ok: false,
        line: `CHROMIUM_PATH=${found.path} does not exist: point it at a Chromium or Chrome binary.`,
      };
    return { ok: true };
  }
  console.log('No Chromium found; installing Playwright’s (npx playwright install chromium)…');
  const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (r.status === 0 && findChromium()) return { ok: true };
  return {
    ok: false,
    line:
      'Walkthroughs not run: no Chromium here and Playwright could not download one. Install Chromium ' +
      '(e.g. apt install chromium) or set CHROMIUM_PATH to a Chrome/Chromium binary, then run npm test again.',
  };
}
