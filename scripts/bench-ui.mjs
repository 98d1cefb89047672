#!/usr/bin/env node
// `npm run bench:ui`: how quickly the built app answers a formula change, and how smoothly it plays.
//
//   node scripts/bench-ui.mjs [--no-build] [--json] [--runs N] [--play-ms N]
//
// 1. Builds the app (`npx vite build`) unless --no-build, serves dist/ with `vite preview` on a
//    free port, and drives it in headless Chromium (system Chromium; CHROMIUM_PATH overrides).
// 2. Keystroke → painted graph, for generated formulas of about 20, 100 and 500 nodes: each
//    edit adds one character (a unary minus somewhere new: one node more, a never-seen shape, so
//    no layout cache helps) and is applied with Playwright's `fill`. Inside the page the clock
//    starts at the `input` event (performance.mark) and stops when the first animation frame
//    whose rAF callback sees the edited formula's node count has been painted (a message
//    posted from that callback runs after the frame's paint). The median over up to --runs edits
//    is printed.
//    The 100-node measurement is repeated with each teaching panel of the drawer open (trace
//    table, error plot, function slice, forward vs reverse): the panels must not slow typing.
// 3. Frame times while playing at 100 and 500 nodes: Play at the fastest speed, record the deltas
//    between animation frames for --play-ms, report their median and maximum.
// 4. Graph sizes (issue 8's targets), for two shapes: wide sums `x0 + x1 + …` and binding chains
//    `a1 = x*2; a2 = a1*x + 1; …`: keystroke → painted graph medians at 100, 500 and 2,000 nodes
//    (one minus inserted per edit, as above); the longest main-thread task (PerformanceObserver
//    'longtask') while pasting the whole formula and while typing one character at 5,000 and
//    20,000 nodes; and time to a painted graph at 20,000 nodes with the page's JS heap (CDP).
//    --sizes-only runs just this part; --skip-sizes leaves it out; --large-only runs only the
//    5,000- and 20,000-node cases of it; --keystrokes-only (with --sizes-only) only the keystroke
//    medians at 100, 500 and 2,000 nodes. At 5,000 nodes (drawn on the canvas layer past
//    lodSelect's threshold) it also plays the animation at the fastest speed for --play-ms and
//    reports the 95th percentile of the frame times (target ≤ 33 ms).
//    --out-dir DIR builds into and serves DIR instead of dist/ (several checkouts, one machine);
//    --port N serves it on port N instead of a free one.
// 5. Training (issue 11, scripts/bench-training.mjs): a 2-16-1 tanh network on 200 rows trained
//    with Run on the Train tab for --train-ms (5000): steps per second against the target of 500,
//    and how often the loss curve was redrawn per animation frame. --training-only runs just this.
// Timings are printed, never asserted: the machine is shared and noisy.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';
import { measureTraining, printTraining } from './bench-training.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
};
const JSON_OUT = flag('--json');
const OUT_DIR = (() => {
  const i = argv.indexOf('--out-dir');
  return i >= 0 ? argv[i + 1] : undefined;
})();
const outDirArgs = OUT_DIR ? ['--outDir', OUT_DIR] : [];
const RUNS = option('--runs', 15);
const PLAY_MS = option('--play-ms', 4000);
const SIZES = [20, 100, 500];
const PLAY_SIZES = [100, 500];
const TARGETS = { keystrokeToPaintMsAt100: 33, maxFrameMsPlayingAt500: 50 };
/** Issue 8's targets for graphs of every size. */
const SIZE_TARGETS = {
  keystrokeMs: { 100: 16, 500: 33, 2000: 100 },
  longestTaskMs: 100,
  paintedAt20000Ms: 3000,
  heapMB: 300,
  playP95FrameMsAt5000: 33,
};
/** How long a paste of a large formula may take to be painted before the case is abandoned. */
const LARGE_TIMEOUT_MS = option('--large-timeout-ms', 60_000);
const SHAPES = {
  /** `x0 + … + x(k-1)`: 2k − 1 nodes. */
  'wide sum': (nodes) => {
    const k = Math.max(1, Math.round((nodes + 1) / 2));
    return { text: Array.from({ length: k }, (_, i) => `x${i}`).join(' + '), nodes: 2 * k - 1 };
  },
  /** `a1 = x*2; a2 = a1*x + 1; …`: three nodes per binding. */
  'binding chain': (nodes) => {
    const steps = Math.max(1, Math.round(nodes / 3));
    const lines = ['a1 = x*2'];
    for (let k = 2; k <= steps; k++) lines.push(`a${k} = a${k - 1}*x + 1`);
    lines.push(`a${steps}`);
    return { text: lines.join('\n'), nodes: 3 * steps };
  },
};

// Progress goes to stderr so that --json leaves stdout to the JSON alone.
const log = (...args) => console.error(...args);

// ---- formulas ---------------------------------------------------------------------------------

/** Terms over x, y, z and the number of graph nodes each adds (operations and constants). */
const TERMS = [
  { text: (c) => `sin(${c}*x*y)`, nodes: 4 },
  { text: (c) => `cos(y + ${c}*z)`, nodes: 4 },
  { text: () => 'x*z', nodes: 1 },
  { text: (c) => `tanh(${c}*x)`, nodes: 3 },
  { text: () => 'exp(-y)', nodes: 2 },
  { text: (c) => `sqrt(${c} + x*x)`, nodes: 4 },
  { text: (c) => `log(${c} + z*z)`, nodes: 4 },
  { text: (c) => `y/(${c} + x^2)`, nodes: 5 },
];

/** A small deterministic generator, so every run benchmarks the same formulas. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A sum of terms, parenthesised as a balanced tree (formulas nest; a flat chain would also make
 * the drawing absurdly wide), aiming at `target` nodes: 3 inputs + the terms + one `+` per join.
 */
function generateFormula(target) {
  const random = lcg(target);
  const terms = [];
  let nodes = 3;
  while (nodes < target) {
    const term = TERMS[Math.floor(random() * TERMS.length)];
    const c = (0.5 + Math.floor(random() * 20) / 10).toFixed(1);
    terms.push(term.text(c));
    nodes += term.nodes + (terms.length > 1 ? 1 : 0);
  }
  const balance = (items) => {
    if (items.length === 1) return items[0];
    const mid = Math.ceil(items.length / 2);
    return `(${balance(items.slice(0, mid))} + ${balance(items.slice(mid))})`;
  };
  return { text: balance(terms), estimatedNodes: nodes };
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
    [
      'vite',
      'preview',
      ...outDirArgs,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  return {
    child,
    stop() {
      // The preview runs under npx; end its whole process group (the one this script started).
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

// ---- in-page measurement ----------------------------------------------------------------------

/**
 * Arms a one-shot measurement in the page: the clock starts at the textarea's next `input`
 * event and stops once the animation frame that first shows `expected` nodes has been painted.
 * Resolves to the milliseconds between the two marks.
 */
function armPaintMeasurement(page, expected, timeoutMs) {
  return page.evaluate(
    ({ expected, timeoutMs }) =>
      new Promise((resolve, reject) => {
        const count = () => document.querySelectorAll('[data-testid="graph-node"]').length;
        const onInput = () => {
          document.removeEventListener('input', onInput, true);
          performance.clearMarks('bench:formula-change');
          performance.clearMarks('bench:graph-painted');
          performance.mark('bench:formula-change');
          const started = performance.now();
          const poll = () => {
            if (count() === expected) {
              // This animation frame paints the new graph. A message posted from its rAF callback
              // is delivered once the frame's style, layout and paint are done ("after next paint").
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                performance.mark('bench:graph-painted');
                const m = performance.measure(
                  'bench:formula-to-paint',
                  'bench:formula-change',
                  'bench:graph-painted',
                );
                channel.port1.close();
                resolve(m.duration);
              };
              channel.port2.postMessage(null);
            } else if (performance.now() - started > timeoutMs) {
              reject(new Error(`graph never showed ${expected} nodes (shows ${count()})`));
            } else {
              requestAnimationFrame(poll);
            }
          };
          // The commit may already have happened synchronously inside the input event.
          queueMicrotask(() => requestAnimationFrame(poll));
        };
        // Capture phase on the document: runs before React's own listener sees the event.
        document.addEventListener('input', onInput, true);
      }),
    { expected, timeoutMs },
  );
}

async function nodeCount(page) {
  return page.locator('[data-testid="graph-node"]').count();
}

/** Fills the formula and waits until the node count has settled; returns it. */
async function loadFormula(page, text) {
  await page.getByRole('textbox', { name: 'Formula', exact: true }).fill(text);
  let last = -1;
  let stableSince = Date.now();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const n = await nodeCount(page);
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    } else if (n > 0 && Date.now() - stableSince > 1000) {
      return n;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the graph never settled');
}

/**
 * Where a unary minus can go: before a variable or a function name. Each insertion adds exactly
 * one node (a negation) and, unlike toggling one spot back and forth, gives a graph shape never
 * seen before, so no layout cache can answer it.
 */
function minusPositions(text) {
  const positions = [];
  for (const m of text.matchAll(/(?<![\w.])(?:[xyz](?![\w(])|(?:sin|cos|tanh|exp|sqrt|log)\()/g)) {
    positions.push(m.index);
  }
  return positions;
}

async function measureKeystroke(page, size) {
  const { text } = generateFormula(size);
  const baseNodes = await loadFormula(page, text);
  // Keystroke k inserts one more minus, from the end backwards so earlier offsets stay valid.
  const spots = minusPositions(text).reverse().slice(0, RUNS);
  const box = page.getByRole('textbox', { name: 'Formula', exact: true });
  const samples = [];
  let current = text;
  for (const [k, at] of spots.entries()) {
    current = `${current.slice(0, at)}-${current.slice(at)}`;
    const measured = armPaintMeasurement(page, baseNodes + k + 1, 30_000);
    await box.fill(current);
    samples.push(await measured);
  }
  return {
    targetNodes: size,
    nodes: baseNodes,
    chars: text.length,
    runs: samples.length,
    ...stats(samples),
  };
}

const DRAWER_TABS = ['Trace table', 'Error plot', 'Function slice', 'Forward vs reverse'];

/** Opens one tab of the teaching drawer (unfolding the drawer if it is folded). */
async function openDrawerTab(page, name) {
  await page.getByRole('tab', { name, exact: true }).click();
  const show = page.getByRole('button', { name: 'Show panels', exact: true });
  if ((await show.count()) > 0) await show.click();
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

async function measurePlaying(page, size) {
  const { text } = generateFormula(size);
  const nodes = await loadFormula(page, text);
  const speed = page.getByRole('combobox', { name: 'Speed', exact: true });
  if ((await speed.count()) > 0) {
    const values = await speed.locator('option').evaluateAll((els) => els.map((e) => e.value));
    const fastest = values
      .map(Number)
      .filter(Number.isFinite)
      .sort((a, b) => b - a)[0];
    if (fastest !== undefined) await speed.selectOption(String(fastest));
  }
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  const counter = page.getByTestId('step-counter');
  const before = (await counter.textContent()) ?? '';

  const recording = page.evaluate(
    (durationMs) =>
      new Promise((resolve) => {
        const deltas = [];
        let last = performance.now();
        const start = last;
        const tick = (now) => {
          deltas.push(now - last);
          last = now;
          if (now - start < durationMs) requestAnimationFrame(tick);
          else resolve(deltas);
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(tick);
        });
      }),
    PLAY_MS,
  );
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const deltas = await recording;
  const after = (await counter.textContent()) ?? '';
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if ((await pause.count()) > 0) await pause.click();
  const s = stats(deltas);
  return {
    targetNodes: size,
    nodes,
    frames: deltas.length,
    medianFrameMs: s.medianMs,
    maxFrameMs: s.maxMs,
    stepsPlayed: `${before.trim()} → ${after.trim()}`,
  };
}

/** Where a minus can go in the size shapes: before a name read on a right-hand side. */
function shapeMinusPositions(text) {
  const positions = [];
  for (const m of text.matchAll(/(?<![\w.])(?:x\d*|a\d+)(?![\w(])/g)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    if (m.index === lineStart && /^\s*=/.test(text.slice(m.index + m[0].length))) continue;
    positions.push(m.index);
  }
  return positions;
}

/** Starts recording main-thread long tasks; returns a function giving the longest so far (ms). */
function startLongTasks(page) {
  return page.evaluate(() => {
    window.__benchLongest = 0;
    window.__benchObserver?.disconnect();
    window.__benchObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__benchLongest = Math.max(window.__benchLongest, e.duration);
      }
    });
    window.__benchObserver.observe({ type: 'longtask' });
  });
}
const longestTask = (page) => page.evaluate(() => Math.round(window.__benchLongest ?? 0));

/**
 * Arms a one-shot measurement that does not count nodes (bindings may be drawn as collapsed
 * blocks): the clock starts at the textarea's next `input` event and stops once the first frame
 * after the graph's drawing (its <svg> or canvas) first changes has been painted. A large graph's old drawing stays,
 * unchanged, until its layout arrives, so the first change is the new graph.
 */
function armChangePaintMeasurement(page, timeoutMs, canvasNodes) {
  return page.evaluate(
    ({ timeoutMs, canvasNodes }) =>
      new Promise((resolve, reject) => {
        const onInput = () => {
          document.removeEventListener('input', onInput, true);
          const started = performance.now();
          // The drawing's <svg> and, for a large graph, the canvas layer beside it.
          const svg = document.querySelector('.gv-surface');
          if (!svg) return reject(new Error('no graph on the page'));
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`the graph did not change within ${timeoutMs / 1000} s`));
          }, timeoutMs);
          const observer = new MutationObserver(() => {
            // A large graph is a canvas (lodSelect.ts): wait for the one of the new graph (the
            // old drawing's DOM nodes may change first, e.g. the editor's cursor highlight).
            const canvasSelector = `canvas.gv-canvas[data-nodes="${canvasNodes}"]`;
            if (canvasNodes !== undefined && !document.querySelector(canvasSelector)) return;
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                channel.port1.close();
                resolve(performance.now() - started);
              };
              channel.port2.postMessage(null);
            });
          });
          observer.observe(svg, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
        };
        document.addEventListener('input', onInput, true);
      }),
    { timeoutMs, canvasNodes },
  );
}

/** Above this many nodes the app draws the graph on a canvas (CANVAS_THRESHOLD in lodSelect.ts). */
const CANVAS_THRESHOLD = 1500;

/**
 * Chromium's own insertion of many lines into a <textarea> is quadratic (a bare textarea on this
 * machine: 11 s for 1,700 lines; more than 10 minutes for 6,700), all of it before the `input`
 * event that the clock starts at. Texts of more lines than this are therefore put in place as
 * the value plus an `input` event (what the app sees of a paste); the app's work is measured the
 * same way, the browser's editing of the text is not.
 */
const FILL_LINE_LIMIT = 1000;

/** Fills `text` and resolves once the changed graph has been painted (ms). */
async function fillAndTimePaint(page, text, nodes, timeoutMs) {
  // The drawing is loaded on its own (a lazy chunk): right after the page opens it may not be
  // there yet, and a measurement armed then finds no graph to watch.
  await page.locator('.gv-surface').first().waitFor({ timeout: 60_000 });
  const measured = armChangePaintMeasurement(
    page,
    timeoutMs,
    nodes > CANVAS_THRESHOLD ? nodes : undefined,
  );
  // If the caller gives up first (and reloads the page), this rejection is no one's to handle.
  measured.catch(() => {});
  const box = page.getByRole('textbox', { name: 'Formula', exact: true });
  if (text.split('\n').length <= FILL_LINE_LIMIT) {
    await box.fill(text);
  } else {
    await box.evaluate((el, value) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
      setter?.call(el, value);
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
  }
  return measured;
}

async function measureShapeKeystrokes(page, shape, size) {
  const { text, nodes } = SHAPES[shape](size);
  await fillAndTimePaint(page, text, nodes, 120_000);
  const spots = shapeMinusPositions(text).reverse().slice(0, RUNS);
  const samples = [];
  let current = text;
  for (const [k, at] of spots.entries()) {
    current = `${current.slice(0, at)}-${current.slice(at)}`;
    samples.push(await fillAndTimePaint(page, current, nodes + k + 1, 60_000));
  }
  return { shape, targetNodes: size, nodes, runs: samples.length, ...stats(samples) };
}

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return Math.round(used / 2 ** 20);
}

/** Pasting a large formula, then typing one character into it: longest tasks, paint, memory. */
async function measureLarge(page, shape, size) {
  const { text, nodes } = SHAPES[shape](size);
  // Start from a small formula, so the paste is a whole new graph.
  await loadFormula(page, 'x*y');
  await startLongTasks(page);
  let paintedMs = null;
  let error = null;
  try {
    // A page whose main thread never comes back cannot time itself out: race it from here.
    paintedMs = Math.round(
      await Promise.race([
        fillAndTimePaint(page, text, nodes, LARGE_TIMEOUT_MS),
        new Promise((_, reject) =>
          setTimeout(
            () => reject(new Error(`not painted within ${LARGE_TIMEOUT_MS / 1000} s`)),
            LARGE_TIMEOUT_MS + 5000,
          ),
        ),
      ]),
    );
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    // Start the next case from a fresh page.
    await page.goto(page.url().split('#')[0]).catch(() => {});
    return {
      shape,
      targetNodes: size,
      nodes,
      paintedMs,
      pasteLongestMs: null,
      typeLongestMs: null,
      heapMB: null,
      error,
    };
  }
  const pasteLongestMs = await longestTask(page);
  let typeLongestMs = null;
  if (paintedMs !== null) {
    await startLongTasks(page);
    const at = shapeMinusPositions(text).at(-1);
    try {
      await fillAndTimePaint(
        page,
        `${text.slice(0, at)}-${text.slice(at)}`,
        nodes + 1,
        LARGE_TIMEOUT_MS,
      );
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    typeLongestMs = await longestTask(page);
  }
  return {
    shape,
    targetNodes: size,
    nodes,
    paintedMs,
    pasteLongestMs,
    typeLongestMs,
    heapMB: await heapMB(page),
    error,
  };
}

/**
 * Plays the formula on the page (a large one, drawn on the canvas layer) at the fastest speed for
 * --play-ms and returns the frame times' 95th percentile and maximum.
 */
async function measurePlayingLoaded(page, shape, size) {
  const speed = page.getByRole('combobox', { name: 'Speed', exact: true });
  if ((await speed.count()) > 0) {
    const values = await speed.locator('option').evaluateAll((els) => els.map((e) => e.value));
    const fastest = values
      .map(Number)
      .filter(Number.isFinite)
      .sort((a, b) => b - a)[0];
    if (fastest !== undefined) await speed.selectOption(String(fastest));
  }
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  const counter = page.getByTestId('step-counter');
  const before = (await counter.textContent()) ?? '';
  const canvas = (await page.locator('canvas.gv-canvas').count()) > 0;
  const recording = page.evaluate(
    (durationMs) =>
      new Promise((resolve) => {
        const deltas = [];
        let last = performance.now();
        const start = last;
        const tick = (now) => {
          deltas.push(now - last);
          last = now;
          if (now - start < durationMs) requestAnimationFrame(tick);
          else resolve(deltas);
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(tick);
        });
      }),
    PLAY_MS,
  );
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const deltas = await recording;
  const after = (await counter.textContent()) ?? '';
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if ((await pause.count()) > 0) await pause.click();
  const sorted = [...deltas].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
  return {
    shape,
    targetNodes: size,
    canvas,
    frames: deltas.length,
    p95FrameMs: round(p95 ?? NaN),
    maxFrameMs: round(sorted.at(-1) ?? NaN),
    stepsPlayed: `${before.trim()} → ${after.trim()}`,
  };
}

async function measureSizes(page) {
  const keystrokes = [];
  const large = [];
  const playing = [];
  for (const shape of Object.keys(SHAPES)) {
    if (!flag('--large-only')) {
      for (const size of [100, 500, 2000]) {
        log(`sizes: keystroke → painted graph, ${shape}, ~${size} nodes …`);
        keystrokes.push(await measureShapeKeystrokes(page, shape, size));
      }
    }
    for (const size of flag('--keystrokes-only') ? [] : [5000, 20000]) {
      log(`sizes: paste and type, ${shape}, ~${size} nodes …`);
      const measured = await measureLarge(page, shape, size);
      large.push(measured);
      if (size === 5000 && measured.paintedMs !== null) {
        log(`sizes: frame times while playing, ${shape}, ~${size} nodes …`);
        playing.push(await measurePlayingLoaded(page, shape, size));
      }
    }
  }
  return { keystrokes, large, playing };
}

function printSizes({ keystrokes, large, playing = [] }) {
  const verdict = (value, target) =>
    value === null || value === undefined ? 'n/a' : value <= target ? 'met' : 'NOT met';
  console.log('\ngraph sizes: keystroke → painted graph (median of the edits)');
  console.log('  shape           nodes   median ms   target   ');
  for (const k of keystrokes) {
    const target = SIZE_TARGETS.keystrokeMs[k.targetNodes];
    console.log(
      `  ${k.shape.padEnd(14)}  ${pad(k.nodes, 5)}   ${pad(k.medianMs, 9)}   ≤ ${pad(target, 4)}   ${verdict(k.medianMs, target)}`,
    );
  }
  if (large.length > 0) {
    console.log('\ngraph sizes: paste a large formula, then type one character');
    console.log(
      `  shape           nodes   painted ms (≤ ${SIZE_TARGETS.paintedAt20000Ms} at 20k)   longest task paste / type (≤ ${SIZE_TARGETS.longestTaskMs})   JS heap MB (≤ ${SIZE_TARGETS.heapMB})`,
    );
  }
  for (const l of large) {
    const painted =
      l.targetNodes >= 20000
        ? `${pad(l.paintedMs, 8)} ${verdict(l.paintedMs, SIZE_TARGETS.paintedAt20000Ms)}`
        : pad(l.paintedMs, 8);
    const longest = Math.max(l.pasteLongestMs ?? 0, l.typeLongestMs ?? 0);
    console.log(
      `  ${l.shape.padEnd(14)}  ${pad(l.nodes, 5)}   ${painted.padEnd(30)}   ${pad(l.pasteLongestMs, 6)} / ${pad(l.typeLongestMs, 6)} ${verdict(longest, SIZE_TARGETS.longestTaskMs).padEnd(8)}   ${pad(l.heapMB, 5)} ${verdict(l.heapMB, SIZE_TARGETS.heapMB)}${l.error ? `   (${l.error.split('\n')[0]})` : ''}`,
    );
  }
  if (playing.length > 0) {
    console.log('\ngraph sizes: frame time while playing at the fastest speed');
    console.log(
      `  shape           nodes   canvas   frames   p95 ms (≤ ${SIZE_TARGETS.playP95FrameMsAt5000})   max ms   steps`,
    );
    for (const p of playing) {
      console.log(
        `  ${p.shape.padEnd(14)}  ${pad(p.targetNodes, 5)}   ${(p.canvas ? 'yes' : 'no').padEnd(6)}   ${pad(p.frames, 6)}   ${pad(p.p95FrameMs, 6)} ${verdict(p.p95FrameMs, SIZE_TARGETS.playP95FrameMsAt5000).padEnd(8)}   ${pad(p.maxFrameMs, 6)}   ${p.stepsPlayed}`,
      );
    }
  }
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { medianMs: round(median), minMs: round(sorted[0]), maxMs: round(sorted.at(-1)) };
}

const round = (x) => Math.round(x * 10) / 10;

// ---- main -------------------------------------------------------------------------------------

async function main() {
  if (!flag('--no-build')) {
    log('building: npx vite build');
    const built = spawnSync('npx', ['vite', 'build', ...outDirArgs], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  // --port N serves on a given port (helpers sharing one machine each have their own).
  const port = option('--port', 0) || (await freePort());
  const preview = startPreview(port);
  const url = `http://127.0.0.1:${port}/`;
  let browser;
  try {
    await waitForHttp(url, 60_000);
    browser = await chromium.launch(chromiumLaunchOptions());
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url);
    await page.getByRole('textbox', { name: 'Formula', exact: true }).waitFor();

    if (flag('--training-only')) {
      const training = await measureTraining(page, url, option('--train-ms', 5000), log);
      if (JSON_OUT) console.log(JSON.stringify({ chromium: browser.version(), training }, null, 2));
      else printTraining(training);
      return;
    }
    const sizes = flag('--skip-sizes') ? null : await measureSizes(page);
    if (flag('--sizes-only') || flag('--large-only')) {
      if (JSON_OUT) console.log(JSON.stringify({ chromium: browser.version(), sizes }, null, 2));
      else printSizes(sizes);
      return;
    }

    const keystroke = [];
    for (const size of SIZES) {
      log(`keystroke → painted graph, ~${size} nodes …`);
      keystroke.push(await measureKeystroke(page, size));
    }
    const withPanels = [];
    for (const tab of DRAWER_TABS) {
      log(`keystroke → painted graph, ~100 nodes, with the ${tab} panel open …`);
      await openDrawerTab(page, tab);
      withPanels.push({ panel: tab, ...(await measureKeystroke(page, 100)) });
    }
    const fold = page.getByRole('button', { name: 'Hide panels', exact: true });
    if ((await fold.count()) > 0) await fold.click();

    const playing = [];
    for (const size of PLAY_SIZES) {
      log(`frame times while playing, ~${size} nodes …`);
      playing.push(await measurePlaying(page, size));
    }

    const training = await measureTraining(page, url, option('--train-ms', 5000), log);

    const at100 = keystroke.find((k) => k.targetNodes === 100);
    const slowestPanel = withPanels.reduce(
      (worst, k) => (worst && worst.medianMs >= k.medianMs ? worst : k),
      undefined,
    );
    const at500 = playing.find((p) => p.targetNodes === 500);
    const result = {
      chromium: browser.version(),
      runs: RUNS,
      playMs: PLAY_MS,
      keystroke,
      keystrokeWithPanels: withPanels,
      playing,
      sizes,
      training,
      targets: {
        keystrokeToPaintMsAt100: {
          target: TARGETS.keystrokeToPaintMsAt100,
          measured: at100?.medianMs,
          met: (at100?.medianMs ?? Infinity) <= TARGETS.keystrokeToPaintMsAt100,
        },
        keystrokeToPaintMsAt100WithPanels: {
          target: TARGETS.keystrokeToPaintMsAt100,
          panel: slowestPanel?.panel,
          measured: slowestPanel?.medianMs,
          met: (slowestPanel?.medianMs ?? Infinity) <= TARGETS.keystrokeToPaintMsAt100,
        },
        maxFrameMsPlayingAt500: {
          target: TARGETS.maxFrameMsPlayingAt500,
          measured: at500?.maxFrameMs,
          met: (at500?.maxFrameMs ?? Infinity) <= TARGETS.maxFrameMsPlayingAt500,
        },
      },
      pageErrors: errors,
    };

    if (JSON_OUT) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      console.log(
        `\nUI benchmark (Chromium ${result.chromium}, ${RUNS} edits per size, ${PLAY_MS} ms of play)\n`,
      );
      console.log('keystroke → painted graph');
      console.log('  nodes   chars   median ms   min ms   max ms');
      for (const k of keystroke) {
        console.log(
          `  ${pad(k.nodes, 5)}   ${pad(k.chars, 5)}   ${pad(k.medianMs, 9)}   ${pad(k.minMs, 6)}   ${pad(k.maxMs, 6)}`,
        );
      }
      console.log('\nkeystroke → painted graph at ~100 nodes, with a teaching panel open');
      console.log('  panel                 median ms   min ms   max ms');
      for (const k of withPanels) {
        console.log(
          `  ${k.panel.padEnd(20)}  ${pad(k.medianMs, 9)}   ${pad(k.minMs, 6)}   ${pad(k.maxMs, 6)}`,
        );
      }
      console.log('\nframe time while playing');
      console.log('  nodes   frames   median ms   max ms   steps');
      for (const p of playing) {
        console.log(
          `  ${pad(p.nodes, 5)}   ${pad(p.frames, 6)}   ${pad(p.medianFrameMs, 9)}   ${pad(p.maxFrameMs, 6)}   ${p.stepsPlayed}`,
        );
      }
      const t = result.targets;
      console.log(
        `\ntargets: keystroke → paint at 100 nodes ≤ ${t.keystrokeToPaintMsAt100.target} ms: ${t.keystrokeToPaintMsAt100.measured} ms (${t.keystrokeToPaintMsAt100.met ? 'met' : 'NOT met'}); ` +
          `with panels open (slowest: ${t.keystrokeToPaintMsAt100WithPanels.panel}): ${t.keystrokeToPaintMsAt100WithPanels.measured} ms (${t.keystrokeToPaintMsAt100WithPanels.met ? 'met' : 'NOT met'}); ` +
          `max frame playing at 500 nodes ≤ ${t.maxFrameMsPlayingAt500.target} ms: ${t.maxFrameMsPlayingAt500.measured} ms (${t.maxFrameMsPlayingAt500.met ? 'met' : 'NOT met'})`,
      );
      if (sizes) printSizes(sizes);
      printTraining(training);
      if (errors.length > 0)
        console.log(`\npage errors during the benchmark:\n  ${errors.join('\n  ')}`);
    }
  } finally {
    await browser?.close();
    preview.stop();
  }
}

const pad = (v, n) => String(v ?? '—').padStart(n);

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
