// Training walkthroughs: each preset trains, pauses, shows one step's backward pass on the graph
// (whose leaf adjoints are the parameter table's gradient for the shown row), and a reset
// reproduces the same loss curve.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { compileOrThrow } from './oracle.ts';
import { expect, test } from './fixtures.ts';
import { TrainPage } from './pages/train.ts';
import { TRAIN_PRESETS } from '../app/train/presets.ts';

for (const preset of TRAIN_PRESETS) {
  test(`${preset.title}: train, pause, show a step's backward pass, reset reproduces the curve`, async ({
    page,
    playground,
  }) => {
    const train = new TrainPage(page);
    await playground.gotoHash('');
    await playground.chooseExample(preset.title);
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
    await train.button("Show this step's backward pass").click();
    await playground.expectStep(0);
    await playground.button('Go to end').click();
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
      expect(
        Math.abs(adjoint - r.row),
        `${r.name}: graph adjoint ${adjoint} vs table ${r.row}`,
      ).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r.row)));
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
  const train = new TrainPage(page);
  await playground.gotoHash('');
  await playground.chooseExample('Fit a line');
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
  const train = new TrainPage(page);
  await playground.gotoHash('');
  await playground.chooseExample('Fit a line');
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
  const train = new TrainPage(page);
  await playground.gotoHash('');
  await playground.chooseExample('Logistic regression');
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

/** An axe scan (WCAG 2.2 AA) of the Train tab's panel: the main screen has its own scans. */
async function expectTrainTabAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .include('.train-tab')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const text = results.violations
    .map(
      (v) =>
        `${v.id}: ${v.help}\n${v.nodes
          .slice(0, 6)
          .map((n) => `  - ${n.target.join(' ')}`)
          .join('\n')}`,
    )
    .join('\n');
  expect(results.violations.length, `axe violations ${where}:\n${text}`).toBe(0);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });
    test(`the Train tab has no axe violations (${colorScheme})`, async ({ page, playground }) => {
      // Two full axe scans on a shared two-core machine outlast the default minute.
      test.slow();
      const train = new TrainPage(page);
      await playground.gotoHash('');
      await playground.chooseExample('XOR with a 2-2-1 network');
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
