// Which Chromium the walkthroughs, the UI benchmark and the screenshot script launch, and how.
// Playwright cannot download its own browsers here (nor on the CI machine, which installs Debian's
// Chromium with apt), so the system Chromium is used; CHROMIUM_PATH overrides it, and without
// either Playwright's own browser (`npx playwright install chromium`) is used.
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Options for `chromium.launch` / Playwright's `launchOptions`. */
export function chromiumLaunchOptions() {
  const path =
    process.env.CHROMIUM_PATH ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined);
  return { args: CHROMIUM_ARGS, ...(path ? { executablePath: path } : {}) };
}
