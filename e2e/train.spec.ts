// Training walkthroughs: each preset trains, pauses, shows one step's backward pass on the graph
// (whose leaf adjoints are the parameter table's gradient for the shown row), and a reset
// reproduces the same loss curve.
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe-scan.ts';
import { compileOrThrow } from './oracle.ts';
import { expect, test } from './fixtures.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';
import { TrainPage } from './pages/train.ts';
import { TRAIN_PRESETS } from '../app/train/presets.ts';

/** A fresh page on the Train tab with the example `title` loaded. */
async function openExample(
  page: Page,
  playground: PlaygroundPage,
  title: string,
): Promise<TrainPage> {
  await playground.gotoHash('');
  await playground.chooseExample(title);
  return new TrainPage(page);
}

/** `Show this step's backward pass`, then the player to its end (every adjoint on the graph). */
async function showBackwardPass(train: TrainPage, playground: PlaygroundPage): Promise<void> {
  await train.button("Show this step's backward pass").click();
  await playground.expectStep(0);
  await playground.button('Go to end').click();
}

const close = (a: number, b: number) =>
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));

/** The graph's collapsed block `name` (`mean`, `rest`, `row7`). */
const block = (page: Page, name: string) =>
  page.locator(`[data-testid="graph-node"][data-block="${name}"]`);

const batchRadio = (train: TrainPage) => train.panel().getByRole('radio', { name: 'Batch' });

for (const preset of TRAIN_PRESETS) {
  test(`${preset.title}: train, pause, show a step's backward pass, reset reproduces the curve`, async ({
    page,
    playground,
  }) => {
    const train = await openExample(page, playground, preset.title);
    await expect(train.panel()).toBeVisible();
    await expect(train.dataTable().locator('tbody tr')).toHaveCount(preset.setup.rows.length);
    await expect(train.learningRate()).toHaveValue(String(preset.setup.lr));
    await train.expectSteps(0);
    const start = await train.loss();
    expect(Number.isFinite(start)).toBe(true);

    // A few steps by hand: the loss goes down.
    await train.trainSteps(5);
    const firstFive = await train.losses();
    expect(firstFive.split(',')).toHaveLength(5);
    await expect.poll(() => train.loss()).toBeLessThan(start);

    // Run, then pause: more steps were taken, and the loss is lower still.
    await train.button('Run').click();
    await expect.poll(() => train.steps()).toBeGreaterThan(50);
    await train.button('Pause').click();
    await expect(train.button('Run')).toBeVisible();
    const paused = await train.steps();
    await train.expectSteps(paused);
    expect(await train.loss()).toBeLessThan(start);

    // This step's backward pass: the shown row at the current parameters, in the player from 0.
    await showBackwardPass(train, playground);
    // A network's blocks may be collapsed to fit, their parameters folded in: open them to read
    // every parameter's node.
    const expandAll = page.getByRole('button', { name: 'Expand all' });
    if (await expandAll.isVisible()) {
      await expandAll.click();
      await playground.button('Go to end').click();
    }
    const graph = compileOrThrow(preset.formula);
    const rows = await train.parameterRows();
    expect(rows.map((r) => r.name).sort()).toEqual([...preset.setup.params!].sort());
    const nodes = await playground.nodes();
    for (const r of rows) {
      const id = graph.inputs[graph.variables.indexOf(r.name)]!;
      const node = nodes.find((n) => n.id === id);
      expect(node, `graph node of ${r.name}`).toBeDefined();
      expect(Number(node!.value)).toBe(r.value);
      const adjoint = Number(node!.adjoint);
      close(adjoint, r.row);
    }

    // Reset: back to step 0, and the same steps give the same losses.
    await train.button('Reset training').click();
    await train.expectSteps(0);
    expect(await train.loss()).toBe(start);
    await train.trainSteps(5);
    expect(await train.losses()).toBe(firstFive);
  });
}

test('a cell that is not a number is named by row and column, and fixing it trains again', async ({
  page,
  playground,
}) => {
  const train = await openExample(page, playground, 'Fit a line');
  const cell = train.dataTable().getByRole('textbox', { name: 'Row 2, y' });
  await cell.fill('abc');
  const alert = train.panel().getByTestId('data-diagnostic');
  await expect(alert).toContainText('Row 2, column y: "abc" is not a number');
  await expect(train.button('Train step')).toBeDisabled();
  await cell.fill('2.5');
  await expect(alert).toHaveCount(0);
  await train.trainSteps(1);
});

test('rows can be added and removed, and a row picked for the graph', async ({
  page,
  playground,
}) => {
  const train = await openExample(page, playground, 'Fit a line');
  const rows = train.dataTable().locator('tbody tr');
  const n = TRAIN_PRESETS[0]!.setup.rows.length;
  await expect(rows).toHaveCount(n);
  await train.panel().getByRole('button', { name: 'Add row' }).click();
  await expect(rows).toHaveCount(n + 1);
  await train
    .panel()
    .getByRole('button', { name: `Remove row ${n + 1}` })
    .click();
  await expect(rows).toHaveCount(n);
  await train.panel().getByRole('button', { name: 'Show row 3 on the graph' }).click();
  const x3 = await train.dataTable().getByRole('textbox', { name: 'Row 3, x' }).inputValue();
  await expect(page.getByRole('spinbutton', { name: 'x', exact: true })).toHaveValue(x3);
});

test('a link carries the training set-up and the steps taken; a hostile one falls back', async ({
  page,
  playground,
}) => {
  const train = await openExample(page, playground, 'Logistic regression');
  await train.learningRate().fill('0.2');
  await train.trainSteps(12);
  const losses = await train.losses();
  const loss = await train.loss();
  await expect.poll(() => playground.hash()).toContain('train=12');
  const hash = await playground.hash();
  expect(hash).toContain('lr=0.2');
  expect(hash).toContain('panel=train');
  expect(hash).not.toMatch(/(^|&)seed=/);

  await playground.gotoHash(hash);
  await train.expectSteps(12);
  expect(await train.losses()).toBe(losses);
  expect(await train.loss()).toBe(loss);
  await expect(train.learningRate()).toHaveValue('0.2');

  await playground.gotoHash(
    `${hash.replace(/&data=[^&]*/, '')}&data=${encodeURIComponent('x1,x2,y;1,<b>,0')}`,
  );
  await expect(page.getByText(/Could not open that link/)).toBeVisible();
});

/** An axe scan of the Train tab's panel: the main screen has its own scans. */
const expectTrainTabAccessible = (page: Page, where: string) =>
  expectNoAxeViolations(page, where, '.train-tab');

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });
    test(`the Train tab has no axe violations (${colorScheme})`, async ({ page, playground }) => {
      // Two full axe scans on a shared two-core machine outlast the default minute.
      test.slow();
      const train = await openExample(page, playground, 'XOR with a 2-2-1 network');
      await train.trainSteps(3);
      await expectTrainTabAccessible(page, `on the Train tab (${colorScheme})`);
      await playground.chooseExample('Curve fit with a small MLP');
      await expect(
        train.panel().getByRole('img', { name: 'Fitted curve over the data' }),
      ).toBeVisible();
      await expectTrainTabAccessible(page, `on the Train tab with a fitted curve (${colorScheme})`);
    });
  });
}

test('lesson 6 ends on the Train tab, where Run trains the formula of its pages', async ({
  page,
  playground,
}) => {
  const train = new TrainPage(page);
  await playground.gotoHash('lesson=training&page=4');
  await expect(train.panel()).toBeVisible();
  await expect(playground.formula()).toHaveValue('(w*x + b - y)^2');
  await train.expectSteps(0);
  const start = await train.loss();
  await train.button('Run').click();
  await expect.poll(() => train.steps()).toBeGreaterThan(30);
  await train.button('Pause').click();
  expect(await train.loss()).toBeLessThan(start);
});

test('the batch view: each row a collapsed block feeding the mean, with the training step’s numbers', async ({
  page,
  playground,
}) => {
  const preset = TRAIN_PRESETS.find((p) => p.id === 'mlp-curve')!;
  const rowCount = preset.setup.rows.length;
  expect(rowCount).toBeGreaterThan(21);
  const train = await openExample(page, playground, preset.title);
  await train.trainSteps(3);
  await batchRadio(train).check();

  // The first 20 rows are blocks of their own, the others summed in `rest`, all feeding `mean`.
  const blocks = page.locator('[data-testid="graph-node"][data-collapsed="true"]');
  await expect(blocks).toHaveCount(22);
  const names = await blocks.evaluateAll((els) => els.map((e) => e.getAttribute('data-block')));
  expect(names).toEqual([...Array.from({ length: 20 }, (_, i) => `row${i + 1}`), 'rest', 'mean']);
  await expect(train.panel().getByTestId('batch-note')).toContainText(
    `the other ${rowCount - 20} rows summed in the block rest`,
  );

  // Its value is the training loss, and its reverse pass ends with the batch gradient: the mean's
  // adjoint 1 reaches each row as 1/N.
  const loss = await train.loss();
  const mean = block(page, 'mean');
  close(Number(await mean.getAttribute('data-value')), loss);
  await showBackwardPass(train, playground);
  await expect(mean).toHaveAttribute('data-adjoint', '1');
  close(Number(await block(page, 'row7').getAttribute('data-adjoint')), 1 / rowCount);
  const params = compileOrThrow(preset.formula).variables.filter((v) =>
    preset.setup.params!.includes(v),
  );
  const rows = await train.parameterRows();
  const nodes = await playground.nodes();
  params.forEach((name, id) => {
    const node = nodes.find((n) => n.id === id && n.op === 'input');
    expect(node, `batch graph input ${name}`).toBeDefined();
    const r = rows.find((p) => p.name === name)!;
    expect(Number(node!.value)).toBe(r.value);
    close(Number(node!.adjoint), r.batch);
  });

  // The link carries the view; back to one example, the row's own graph returns.
  await expect.poll(() => playground.hash()).toContain('view=batch');
  await train.panel().getByRole('radio', { name: 'One example' }).check();
  await expect(blocks.and(page.locator('[data-block^="row"]'))).toHaveCount(0);
  await expect(page.getByRole('spinbutton', { name: 'x', exact: true })).toBeVisible();
  await expect.poll(() => playground.hash()).not.toContain('view=batch');
});

test('a link opens the batch view at the steps it carries', async ({ page, playground }) => {
  const train = await openExample(page, playground, 'Fit a line');
  await batchRadio(train).check();
  await train.trainSteps(4);
  await expect.poll(() => playground.hash()).toContain('train=4');
  const hash = await playground.hash();
  await playground.gotoHash('');
  await playground.gotoHash(hash);
  await train.expectSteps(4);
  await expect(batchRadio(train)).toBeChecked();
  const mean = block(page, 'mean');
  await expect(mean).toBeVisible();
  expect(Number(await mean.getAttribute('data-value'))).toBeCloseTo(await train.loss(), 12);
});

test('a mini-batch too big to draw says how many rows the batch view can draw', async ({
  page,
  playground,
}) => {
  const train = await openExample(page, playground, 'Curve fit with a small MLP');
  // 25 copies of the MLP fit; the limit is about the graph's size, so a big paste goes over it.
  const rows = Array.from(
    { length: 400 },
    (_, i) => `${(i / 100).toFixed(2)},${Math.sin(i / 60).toFixed(3)}`,
  );
  await train
    .panel()
    .getByRole('button', { name: /Paste CSV/ })
    .click();
  await train
    .panel()
    .getByRole('textbox', { name: /CSV/ })
    .fill(['x,y', ...rows].join('\n'));
  await train.panel().getByRole('button', { name: /^Use/ }).click();
  await expect(train.dataTable().locator('tbody tr')).toHaveCount(400);
  await batchRadio(train).check();
  const note = train.panel().getByTestId('batch-note');
  await expect(note).toContainText('choose a smaller batch size');
  const fits = Number(/draws up to (\d+) rows/.exec((await note.textContent()) ?? '')![1]);
  expect(fits).toBeGreaterThan(30);
  expect(fits).toBeLessThan(400);
  await train.panel().getByRole('spinbutton', { name: 'Batch size' }).fill('30');
  await expect(block(page, 'mean')).toBeVisible();
  await expect(note).toContainText('as blocks');
});

test('gradient check at scale: one dot per parameter on the diagonal, with the numbers in a table', async ({
  page,
  playground,
}) => {
  const preset = TRAIN_PRESETS.find((p) => p.id === 'xor')!;
  const train = await openExample(page, playground, preset.title);
  await train.trainSteps(2);
  const scatter = train.panel().getByTestId('gradcheck-scatter');
  const n = preset.setup.params!.length;
  await expect(scatter.locator('circle.check-pass')).toHaveCount(n);
  await expect(scatter).toHaveAccessibleName(new RegExp(`All ${n} parameters on the diagonal`));
  await train.panel().getByText('The numbers').click();
  const table = train.panel().getByRole('table', { name: 'Batch gradient check' });
  await expect(table.locator('tbody tr[data-status="pass"]')).toHaveCount(n);
  // The AD column is the parameter table's batch gradient.
  const rows = await train.parameterRows();
  for (const r of rows) {
    const ad = Number(await table.locator(`tr[data-param="${r.name}"]`).getAttribute('data-ad'));
    expect(ad).toBe(r.batch);
  }
});

test('the descent path of two parameters, and what reverse mode saved up to a million parameters', async ({
  page,
  playground,
}) => {
  const train = await openExample(page, playground, 'Fit a line');
  const path = train.panel().getByTestId('descent-path');
  await expect(path).toHaveAttribute('data-steps', '0');
  await train.trainSteps(6);
  await expect(path).toHaveAttribute('data-steps', '6');
  await expect(path).toHaveAccessibleName(/Descent path .* over w and b: 6 steps from/);
  // A network has more than two parameters: no descent path.
  const cost = train.panel().getByTestId('training-cost');
  await expect(cost.getByTestId('cost-saving')).toContainText(
    '1 backward pass for all 2 parameters',
  );
  const slider = cost.getByRole('slider', { name: /Parameters/ });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(cost.getByTestId('cost-saving')).toContainText(
    '1 backward pass for all 1,000,000 parameters, against 1,000,000 forward passes or 2,000,000 loss evaluations',
  );
  await playground.chooseExample('XOR with a 2-2-1 network');
  await expect(train.panel().getByTestId('descent-path')).toHaveCount(0);
});
