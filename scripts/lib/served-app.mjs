// The built app served and a headless Chromium launched, for the benchmark scripts (bench-ui,
// bench-hostile, bench-endurance each had their own copy of this): build into a folder of its
// own, serve it with `vite preview` on a free port (or a given one), wait for it to answer,
// launch the browser; `close()` stops both.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A TCP port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 2xx; throws after `timeoutMs`. */
export async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** `npx vite build` into `outDir` (run in `cwd`); throws when the build fails. */
export function buildApp(outDir, { cwd = process.cwd(), log = console.error } = {}) {
  log(`building: npx vite build --outDir ${outDir}`);
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0) throw new Error('vite build failed');
}

/**
 * `vite preview` of `outDir` on `port`, in its own process group so `stop()` ends it and the
 * children npx starts, and nothing else.
 */
export function startPreview(outDir, port, { cwd = process.cwd() } = {}) {
  const child = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      outDir,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  return {
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

/**
 * Builds (unless `build` is false), serves and launches: `{ url, browser, close }`. `port`
 * defaults to a free one; `E2E_PORT`-style fixed ports can be passed in.
 */
export async function servedApp({
  outDir,
  build = true,
  port,
  cwd = process.cwd(),
  log = console.error,
}) {
  if (build) buildApp(outDir, { cwd, log });
  const chosen = port ?? (await freePort());
  const preview = startPreview(outDir, chosen, { cwd });
  const url = `http://127.0.0.1:${chosen}/`;
  let browser;
  try {
    await waitForHttp(url, 60_000);
    browser = await chromium.launch(chromiumLaunchOptions());
  } catch (e) {
    preview.stop();
    throw e;
  }
  return {
    url,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      preview.stop();
    },
  };
}
