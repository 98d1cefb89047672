#!/usr/bin/env node
// `npm run bench:hostile`: does any hostile or huge input freeze the page?
//
//   tsx scripts/bench-hostile.mjs [--no-build] [--json] [--only NAME,NAME] [--root DIR]
//                                 [--case-timeout SECONDS] [--no-corpus] [--fill]
//
// For each case the built app is opened in a fresh headless Chromium page, the case is pasted
// (or with --fill, filled) into the Formula editor (or, for a link case, opened as the page's hash), and the page's
// 'longtask' entries (PerformanceObserver, buffered, installed before the app's own scripts) are
// collected until the main thread has been quiet for QUIET_MS. Reported per case:
//   - longest main-thread task (ms) against the 100 ms target ("<50" when no task reached the
//     50 ms the Long Tasks API reports);
//   - responsive after (ms): from the input to the end of the last long task;
//   - recovers: whether a following ordinary formula (`x*0 + 7`) then shows 7 as the output.
// The worst case is named at the end. Cases: this script's own list (sizes and shapes the issues
// measured) plus the hostile corpus `e2e/hostile/corpus.ts` (imported through tsx; its formula
// cases are filled into the editor, its link cases opened as the hash; --no-corpus skips it). --root DIR builds and serves another checkout (to measure a
// "before" build). Timings are printed, never asserted: the machine is shared and noisy.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const JSON_OUT = flag('--json');
// Formulas are pasted (a paste event, as Ctrl+V); --fill types them with Playwright's fill
// instead (Chrome's line-by-line insertion: minutes for thousands of lines).
const FILL = flag('--fill');
const ROOT = resolvePath(option('--root', process.cwd()));
const ONLY = option('--only', '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const CASE_TIMEOUT_MS = Number(option('--case-timeout', '150')) * 1000;
// Long enough to see work that starts after a pause: a 20,000-binding chain once froze for 4–5 s
// in a canvas repaint about 2.5 s after its paste, which a 1.5 s window missed.
const QUIET_MS = 3000;
// Its own build folder (ignored by git, like the walkthroughs'), so it never serves or overwrites
// another run's dist/ (per E2E_PORT, so runs beside each other do not share one either).
const OUT_DIR = process.env.E2E_PORT ? `dist-e2e-hostile-${process.env.E2E_PORT}` : 'dist-e2e-hostile';
const TARGET_MS = 100;

const log = (...args) => console.error(...args);

// ---- cases ------------------------------------------------------------------------------------

const sumOfVariables = (n) => Array.from({ length: n }, (_, i) => `x${i}`).join(' + ');
const bindingChain = (n) =>
  `a0 = x\n${Array.from({ length: n }, (_, i) => `a${i + 1} = a${i}*1.0001`).join('\n')}\na${n}`;

/** The sizes and shapes measured in issues #8 and #12; `formula` is filled into the editor. */
const OWN_CASES = [
  { name: '1,000 variables', formula: () => sumOfVariables(1000) },
  { name: '10,000 variables', formula: () => sumOfVariables(10_000) },
  { name: '1,000,000 chars of x+x+…', formula: () => `x${'+x'.repeat(499_999)}` },
  { name: '1,000,000-char identifier', formula: () => 'x'.repeat(1_000_000) },
  { name: 'x^x^…^x 1,000 deep', formula: () => Array(1000).fill('x').join('^') },
  { name: '1,000,000-char comment', formula: () => `x*2 #${'c'.repeat(999_990)}` },
  { name: 'chain of 5,000 bindings', formula: () => bindingChain(5000) },
  { name: 'chain of 20,000 bindings', formula: () => bindingChain(20_000) },
  // 10,000 products joined by 9,999 sums: about 20,000 nodes.
  { name: '20,000-node sum', formula: () => Array(10_000).fill('x*y').join(' + ') },
];

/**
 * The hostile corpus `e2e/hostile/corpus.ts` (its CORPUS: cases with `id`, and a `source()` for
 * formula cases or a `hash()` for link cases): every formula case is filled into the editor,
 * every link case opened as the page's hash. Values may also be plain strings.
 */
async function corpusCases() {
  const file = resolvePath(ROOT, 'e2e/hostile/corpus.ts');
  if (flag('--no-corpus') || !existsSync(file)) return [];
  let mod;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (err) {
    log(`could not import ${file} (run through tsx): ${err instanceof Error ? err.message : err}`);
    return [];
  }
  const text = (v) => (typeof v === 'function' ? v : typeof v === 'string' ? () => v : null);
  const list = Array.isArray(mod.CORPUS) ? mod.CORPUS : [];
  const out = [];
  for (const c of list) {
    const name = `corpus: ${String(c.id ?? c.name ?? out.length + 1)}`;
    const source = text(c.source ?? c.formula);
    const hash = text(c.hash ?? c.link);
    if (source) out.push({ name, formula: () => String(source()) });
    else if (hash) out.push({ name: `${name} (link)`, hash: () => String(hash()).replace(/^#/, '') });
  }
  return out;
}

// ---- server -----------------------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function startPreview(port) {
  const child = spawn(
    'npx',
    ['vite', 'preview', '--outDir', OUT_DIR, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  return {
    stop() {
      // The preview runs under npx; end the process group this script started, and only it.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

// ---- in-page measurement ----------------------------------------------------------------------

/** Runs before the app's scripts in every page: collects long tasks from the very first one. */
function installLongTaskObserver() {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: every case then reads "<50"
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until no long task has ended in the last QUIET_MS (each poll itself waits while the main
 * thread is busy); returns the long tasks that started at or after `since` (page clock).
 */
async function waitQuiet(page, since, deadline) {
  for (;;) {
    const state = await page.evaluate((since) => {
      const tasks = window.__benchLongTasks.filter((t) => t.start + t.duration >= since);
      const lastEnd = tasks.reduce((m, t) => Math.max(m, t.start + t.duration), since);
      return { tasks, now: performance.now(), lastEnd };
    }, since);
    if (state.now - state.lastEnd >= QUIET_MS) return { ...state, timedOut: false };
    if (Date.now() > deadline) return { ...state, timedOut: true };
    await sleep(250);
  }
}

const editor = (page) => page.getByRole('textbox', { name: 'Formula', exact: true });

/**
 * Pastes `text` over the whole formula as a user's Ctrl+A, Ctrl+V does: a paste event carrying
 * the text (the editor inserts long pastes itself; a short one the browser inserts, as here).
 */
async function paste(page, text) {
  await editor(page).evaluate((el, text) => {
    el.focus();
    el.select();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (el.dispatchEvent(event)) {
      // Not taken by the page: insert it as the browser's own paste would.
      el.setRangeText(text, el.selectionStart, el.selectionEnd, 'end');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, text);
}

/** After the case: does an ordinary formula still compute? */
async function recovers(page, deadline) {
  try {
    await editor(page).fill('x*0 + 7', { timeout: Math.max(1000, deadline - Date.now()) });
    const out = page.getByTestId('output-value');
    while (Date.now() < deadline) {
      const text = (await out.textContent({ timeout: 2000 }).catch(() => '')) ?? '';
      if (text.trim() === '7') return true;
      await sleep(200);
    }
  } catch {
    // falls through: not usable
  }
  return false;
}

async function runCase(browser, url, c) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(installLongTaskObserver);
  const page = await context.newPage();
  const errors = [];
  let crashed = false;
  page.on('pageerror', (e) => errors.push(e.message.slice(0, 200)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text().slice(0, 200)));
  page.on('crash', () => {
    crashed = true;
  });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message().slice(0, 100)}`);
    void d.dismiss().catch(() => undefined);
  });
  const deadline = Date.now() + CASE_TIMEOUT_MS;
  const result = { name: c.name, chars: 0 };
  try {
    let since;
    if (c.hash) {
      const hash = c.hash();
      result.chars = hash.length;
      since = 0;
      await page.goto(`${url}#${hash}`, { timeout: CASE_TIMEOUT_MS });
      await editor(page).waitFor({ timeout: Math.max(1000, deadline - Date.now()) });
    } else {
      await page.goto(url);
      await editor(page).waitFor();
      await waitQuiet(page, 0, Date.now() + 30_000);
      const text = c.formula();
      result.chars = text.length;
      since = await page.evaluate(() => performance.now());
      if (FILL) await editor(page).fill(text, { timeout: CASE_TIMEOUT_MS });
      else await paste(page, text);
    }
    const quiet = await waitQuiet(page, since, deadline);
    const longest = quiet.tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    result.longestTaskMs = Math.round(longest);
    result.longTasks = quiet.tasks.length;
    result.responsiveMs = Math.round(Math.max(0, quiet.lastEnd - since));
    result.timedOut = quiet.timedOut;
    result.recovers = quiet.timedOut ? false : await recovers(page, Date.now() + 30_000);
  } catch (err) {
    result.error = crashed ? 'tab crashed' : String(err?.message ?? err).split('\n')[0];
  }
  result.crashed = crashed;
  result.pageErrors = errors;
  result.met =
    !result.error && !result.timedOut && result.longestTaskMs !== undefined
      ? result.longestTaskMs <= TARGET_MS
      : false;
  await context.close().catch(() => undefined);
  return result;
}

// ---- main -------------------------------------------------------------------------------------

function format(r) {
  const longest =
    r.longestTaskMs === undefined ? '—' : r.longestTaskMs === 0 ? '<50' : String(r.longestTaskMs);
  const status = r.error
    ? `FAILED: ${r.error}`
    : r.timedOut
      ? `still busy after ${CASE_TIMEOUT_MS / 1000} s`
      : r.met
        ? 'ok'
        : 'OVER';
  return (
    `${r.name.padEnd(38).slice(0, 38)} ${String(r.chars).padStart(9)} ` +
    `${longest.padStart(9)} ${String(r.responsiveMs ?? '—').padStart(10)} ` +
    `${(r.recovers === undefined ? '—' : r.recovers ? 'yes' : 'NO').padStart(8)}  ${status}` +
    (r.pageErrors?.length ? `  [${r.pageErrors.length} page/console error(s)]` : '')
  );
}

async function main() {
  if (!flag('--no-build')) {
    log(`building: npx vite build (in ${ROOT})`);
    const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT_DIR], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  const cases = [...OWN_CASES, ...(await corpusCases())].filter(
    (c) => ONLY.length === 0 || ONLY.some((o) => c.name.includes(o)),
  );
  // E2E_PORT: the port this run may use (helpers beside each other each have their own).
  const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort();
  const preview = startPreview(port);
  const url = `http://127.0.0.1:${port}/`;
  let browser;
  const results = [];
  try {
    await waitForHttp(url, 60_000);
    browser = await chromium.launch(chromiumLaunchOptions());
    for (const c of cases) {
      log(`${c.name} …`);
      const r = await runCase(browser, url, c);
      log(`  ${format(r)}`);
      results.push(r);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    preview.stop();
  }
  const score = (r) => (r.error || r.timedOut ? Infinity : (r.longestTaskMs ?? 0));
  const worst = results.reduce((w, r) => (w && score(w) >= score(r) ? w : r), undefined);
  const summary = {
    chromium: browser?.version(),
    targetMs: TARGET_MS,
    cases: results,
    worst: worst && { name: worst.name, longestTaskMs: worst.longestTaskMs, error: worst.error },
    over: results.filter((r) => !r.met).map((r) => r.name),
  };
  if (JSON_OUT) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  console.log(`\nHostile-input benchmark: longest main-thread task per case (target ≤ ${TARGET_MS} ms)\n`);
  console.log(
    `${'case'.padEnd(38)} ${'chars'.padStart(9)} ${'longest'.padStart(9)} ${'resp. ms'.padStart(10)} ${'recovers'.padStart(8)}`,
  );
  for (const r of results) console.log(format(r));
  console.log(
    `\n${summary.over.length} of ${results.length} case(s) over the target.` +
      (worst ? ` Worst: ${worst.name} (${worst.error ?? `${worst.longestTaskMs} ms`}).` : ''),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
