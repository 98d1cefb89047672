// Training speed in the browser (issue 11): a 2-16-1 tanh network (65 parameters) on 200 rows,
// full-batch SGD, Run at "as many steps as fit" on the Train tab of the built app. Measures steps
// per second of wall-clock time while running, animation frames per second, and how often the
// loss curve was redrawn (a MutationObserver on its path): the plots must follow once per
// animation frame, never once per step. Target: ≥ 500 steps/s. Used by scripts/bench-ui.mjs.

export const TRAINING_TARGET_STEPS_PER_S = 500;

function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The loss of an inputs-16-1 tanh network as the playground writes it (networks.ts's naming). */
export function networkLink(hidden = 16, rows = 200) {
  const lines = [];
  const params = [];
  for (let u = 1; u <= hidden; u++) {
    params.push(`w${u}_1`, `w${u}_2`, `b${u}`);
    lines.push(`h${u} = tanh(w${u}_1*x1 + w${u}_2*x2 + b${u})`);
  }
  const out = [];
  for (let u = 1; u <= hidden; u++) {
    params.push(`v${u}`);
    out.push(`v${u}*h${u}`);
  }
  params.push('c');
  lines.push(`p = ${out.join(' + ')} + c`, '(p - y)^2');
  const next = lcg(11);
  const data = ['x1,x2,y'];
  for (let r = 0; r < rows; r++) {
    const x1 = Math.round((next() * 4 - 2) * 100) / 100;
    const x2 = Math.round((next() * 4 - 2) * 100) / 100;
    data.push(`${x1},${x2},${Math.round(Math.sin(x1) * Math.cos(x2) * 1000) / 1000}`);
  }
  const formula = lines.join('\n');
  return {
    params: params.length,
    rows,
    hash:
      `#f=${encodeURIComponent(formula)}&at=&panel=train` +
      `&params=${params.join(',')}&data=${encodeURIComponent(data.join(';'))}&lr=0.01`,
  };
}

/** Runs training for `ms` and reports steps/s, frames/s and loss-curve redraws. */
export async function measureTraining(page, baseUrl, ms = 5000, log = () => {}) {
  const link = networkLink();
  log(`training: a 2-16-1 tanh network (${link.params} parameters) on ${link.rows} rows …`);
  await page.goto(`${baseUrl}${link.hash}`);
  const steps = page.getByTestId('train-steps');
  await steps.waitFor();
  await page.getByLabel('Steps per frame').selectOption('max');
  await page.evaluate(() => {
    const w = window;
    w.__trainFrames = 0;
    w.__trainRedraws = 0;
    const tick = () => {
      w.__trainFrames++;
      w.__trainRaf = requestAnimationFrame(tick);
    };
    w.__trainRaf = requestAnimationFrame(tick);
    const curve = document.querySelector('svg[aria-label="Loss curve"]');
    w.__trainObserver = new MutationObserver((records) => {
      for (const r of records) if (r.type === 'attributes' && r.attributeName === 'd') w.__trainRedraws++;
    });
    if (curve) w.__trainObserver.observe(curve, { attributes: true, subtree: true, childList: true });
  });
  const read = () =>
    page.evaluate(() => ({
      t: performance.now(),
      steps: Number(document.querySelector('[data-testid="train-steps"]')?.textContent ?? 0),
      frames: window.__trainFrames,
      redraws: window.__trainRedraws,
    }));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // Let the first frames (compilation, the chunk size finding its level) pass before measuring.
  await page.waitForTimeout(1000);
  const a = await read();
  await page.waitForTimeout(ms);
  const b = await read();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.evaluate(() => {
    cancelAnimationFrame(window.__trainRaf);
    window.__trainObserver?.disconnect();
  });
  const seconds = (b.t - a.t) / 1000;
  const stepsTaken = b.steps - a.steps;
  const redraws = b.redraws - a.redraws;
  const frames = b.frames - a.frames;
  const stepsPerS = Math.round(stepsTaken / seconds);
  return {
    network: '2-16-1 tanh',
    params: link.params,
    rows: link.rows,
    seconds: Math.round(seconds * 100) / 100,
    steps: stepsTaken,
    stepsPerS,
    framesPerS: Math.round((frames / seconds) * 10) / 10,
    lossCurveRedraws: redraws,
    stepsPerRedraw: redraws > 0 ? Math.round((stepsTaken / redraws) * 10) / 10 : null,
    redrawsPerFrame: frames > 0 ? Math.round((redraws / frames) * 100) / 100 : null,
    target: TRAINING_TARGET_STEPS_PER_S,
    met: stepsPerS >= TRAINING_TARGET_STEPS_PER_S,
  };
}

export function printTraining(t) {
  console.log('\ntraining in the browser (Train tab, Run, as many steps per frame as fit)');
  console.log(
    `  ${t.network}, ${t.params} parameters, ${t.rows} rows, full-batch SGD, ${t.seconds} s: ` +
      `${t.steps} steps = ${t.stepsPerS} steps/s (target ≥ ${t.target}: ${t.met ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  ${t.framesPerS} frames/s; loss curve redrawn ${t.lossCurveRedraws} times ` +
      `(${t.redrawsPerFrame ?? '—'} per frame, ${t.stepsPerRedraw ?? '—'} steps per redraw)`,
  );
}
