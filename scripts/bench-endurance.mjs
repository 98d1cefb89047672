#!/usr/bin/env node
// `npm run bench:endurance`: does the app stay flat over a long session?
//
//   tsx scripts/bench-endurance.mjs [--no-build] [--json] [--edits N] [--play-every N] [--port P]
//
// Builds the app into its own folder, serves it, and in headless Chromium makes --edits (1,000)
// formula edits: random formulas of 20–120 nodes from the core's generator
// (ad-core/bench/random-formula.ts), each filled into the editor as one input event, and every
// --play-every (10) edits a play/step cycle (Reset, Play for a moment, Pause, Step forward ×3,
// Step back, Go to end). Reported at the start and the end, each time showing the first edit's
// formula (after a forced garbage collection):
// JS heap used, DOM node count and JS event-listener count (CDP Memory.getDOMCounters), and the
// keystroke-to-paint median of the first and of the last 100 edits (clock from the `input` event
// to the painted frame that first shows the edited formula's output value and its redrawn graph). Timings are printed, never asserted: the machine is shared and noisy.
import { compile, dataNumber, evaluate } from '../ad-core/index.ts';
import { randomFormula } from '../ad-core/bench/random-formula.ts';
import { servedApp } from './lib/served-app.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
};
const JSON_OUT = flag('--json');
const EDITS = option('--edits', 1000);
const PLAY_EVERY = option('--play-every', 10);
const PORT = option('--port', undefined);
const WINDOW = Math.min(100, Math.max(1, Math.floor(EDITS / 2)));
const OUT_DIR = 'dist-e2e-endurance';

const log = (...args) => console.error(...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The edits: deterministic random formulas whose node counts differ from the previous one. */
function formulas(n) {
  const out = [];
  let previous = -1;
  for (let k = 0; out.length < n; k++) {
    const { source } = randomFormula(20 + ((k * 37) % 100), 1000 + k);
    const built = compile(source);
    if (!built.ok) continue;
    const { graph } = built;
    const nodes = graph.nodes.length;
    if (nodes === previous) continue;
    previous = nodes;
    // Every variable stays at the default 1 (the benchmark never sets one).
    const point = Object.fromEntries(graph.variables.map((v) => [v, 1]));
    const output = dataNumber(evaluate(graph, point).values[graph.output] ?? NaN);
    out.push({ source, output });
  }
  return out;
}

/**
 * Clock from the next `input` event to the painted frame that shows the edited formula: its
 * output value (`data-value`) and a redrawn graph (a different number of graph nodes than before
 * the edit; consecutive formulas differ in size). Null when that never happens within timeoutMs.
 */
function armPaintMeasurement(page, expected, timeoutMs) {
  return page.evaluate(
    ({ expected, timeoutMs }) =>
      new Promise((resolve) => {
        const count = () => document.querySelectorAll('[data-testid="graph-node"]').length;
        const output = () =>
          document.querySelector('[data-testid="output-value"]')?.getAttribute('data-value');
        const before = count();
        const onInput = () => {
          document.removeEventListener('input', onInput, true);
          const started = performance.now();
          const poll = () => {
            if (output() === expected && count() !== before) {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                channel.port1.close();
                resolve(performance.now() - started);
              };
              channel.port2.postMessage(null);
            } else if (performance.now() - started > timeoutMs) {
              resolve(null);
            } else {
              requestAnimationFrame(poll);
            }
          };
          queueMicrotask(() => requestAnimationFrame(poll));
        };
        document.addEventListener('input', onInput, true);
      }),
    { expected, timeoutMs },
  );
}

async function counters(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return {
    heapUsedMB: Math.round((heap.usedSize / 2 ** 20) * 10) / 10,
    domNodes: dom.nodes,
    listeners: dom.jsEventListeners,
    documents: dom.documents,
  };
}

async function playCycle(page) {
  const button = (name) => page.getByRole('button', { name, exact: true });
  await button('Reset').click();
  await button('Play').click();
  await sleep(300);
  if ((await button('Pause').count()) > 0) await button('Pause').click();
  for (let i = 0; i < 3; i++) await button('Step forward').click();
  await button('Step back').click();
  await button('Go to end').click();
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return Math.round((s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) * 10) / 10;
};

async function main() {
  const edits = formulas(EDITS);
  const app = await servedApp({ outDir: OUT_DIR, build: !flag('--no-build'), port: PORT, log });
  const { url, browser } = app;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const cdp = await page.context().newCDPSession(page);
    // Start with x = y = z = 1, the point every expected output is computed at.
    await page.goto(
      `${url}#f=${encodeURIComponent('x*y*z')}&at=${encodeURIComponent('x=1,y=1,z=1')}`,
    );
    const box = page.getByRole('textbox', { name: 'Formula', exact: true });
    await box.waitFor();
    // Counters are compared on the same formula (the first edit's) at the start and the end, so
    // a difference is what the session left behind, not a bigger drawing.
    const showFirst = async () => {
      const shown = armPaintMeasurement(page, edits[0].output, 15_000);
      await box.fill(edits[0].source);
      await shown;
      await sleep(500);
    };
    await box.fill('x*y*z');
    await showFirst();
    const start = await counters(cdp);
    const samples = [];
    const began = Date.now();
    for (const [k, edit] of edits.entries()) {
      const measured = armPaintMeasurement(page, edit.output, 15_000);
      await box.fill(edit.source);
      samples.push(await measured);
      if (PLAY_EVERY > 0 && (k + 1) % PLAY_EVERY === 0) await playCycle(page);
      if ((k + 1) % 100 === 0) log(`  ${k + 1} / ${edits.length} edits …`);
    }
    await box.fill('x*y*z');
    await showFirst();
    const end = await counters(cdp);
    const result = {
      chromium: browser.version(),
      edits: edits.length,
      playCycles: PLAY_EVERY > 0 ? Math.floor(edits.length / PLAY_EVERY) : 0,
      seconds: Math.round((Date.now() - began) / 1000),
      start,
      end,
      keystrokeToPaintMedianMs: {
        [`first ${WINDOW}`]: median(samples.slice(0, WINDOW)),
        [`last ${WINDOW}`]: median(samples.slice(-WINDOW)),
      },
      unmeasuredEdits: samples.filter((s) => s === null).length,
      pageErrors: errors.slice(0, 10),
    };
    if (JSON_OUT) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    const row = (label, a, b, unit = '') =>
      `  ${label.padEnd(28)} ${String(a).padStart(10)}${unit} ${String(b).padStart(10)}${unit}`;
    console.log(
      `\nEndurance (Chromium ${result.chromium}): ${result.edits} edits, ${result.playCycles} play/step cycles, ${result.seconds} s\n`,
    );
    console.log(`  ${''.padEnd(28)} ${'start'.padStart(10)} ${'end'.padStart(10)}`);
    console.log(row('JS heap used (MB)', start.heapUsedMB, end.heapUsedMB));
    console.log(row('DOM nodes', start.domNodes, end.domNodes));
    console.log(row('JS event listeners', start.listeners, end.listeners));
    console.log(row('documents', start.documents, end.documents));
    const [firstKey, lastKey] = Object.keys(result.keystrokeToPaintMedianMs);
    console.log(
      row(
        `keystroke→paint median (ms)`,
        `${result.keystrokeToPaintMedianMs[firstKey]}`,
        `${result.keystrokeToPaintMedianMs[lastKey]}`,
      ),
    );
    console.log(`  (median of the ${firstKey} and the ${lastKey} edits)`);
    if (result.unmeasuredEdits > 0)
      console.log(`  ${result.unmeasuredEdits} edit(s) never showed their result within 15 s`);
    if (errors.length > 0) console.log(`  ${errors.length} page/console error(s): ${errors[0]}`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
