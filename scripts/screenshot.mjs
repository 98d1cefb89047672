#!/usr/bin/env node
// Take a screenshot of a running app for a human to look at:
//   node scripts/screenshot.mjs <url> <out.png> [--size 1280x720] [--dark] [--wait-ms 500]
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const [url, out = 'screenshot.png', ...rest] = process.argv.slice(2);
if (!url) {
  console.error('usage: node scripts/screenshot.mjs <url> <out.png> [--size WxH] [--dark] [--wait-ms N]');
  process.exit(2);
}
const opt = (name, dflt) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : dflt;
};
const [width, height] = opt('--size', '1280x720').split('x').map(Number);
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({
  viewport: { width, height },
  colorScheme: rest.includes('--dark') ? 'dark' : 'light',
});
page.on('console', (m) => m.type() === 'error' && console.error('console error:', m.text()));
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto(url);
await page.waitForTimeout(Number(opt('--wait-ms', '800')));
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
