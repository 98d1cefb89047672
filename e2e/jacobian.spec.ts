// Several outputs: a three-output Jacobian walked through by both modes against closed forms —
// reverse mode one row per pass (the Output chooser), forward mode one column per pass (the seed),
// the pass counts naming the cheaper mode, the link part out=, the lesson's example, axe scans.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { expectNoAxeViolations } from './axe-scan.ts';
import { compileOrThrow, numbersAgree, parseAttr } from './oracle.ts';
import { QuizPanel } from './pages/teaching.ts';

const FORMULA = 'x*y, sin(x), x + y';
const AT = { x: 2, y: 3 };
/** J[j][i] = ∂yⱼ/∂xᵢ by hand: ∂(xy) = (y, x), ∂ sin x = (cos x, 0), ∂(x + y) = (1, 1). */
const CLOSED = [
  [3, 2],
  [Math.cos(2), 0],
  [1, 1],
];
const VARIABLES = ['x', 'y'];

function panel(page: Page): Locator {
  return page.getByTestId('jacobian-panel');
}

function entry(page: Page, j: number, variable: string): Locator {
  return panel(page).locator(
    `[data-testid="jacobian-entry"][data-output="${j}"][data-variable="${variable}"]`,
  );
}

async function attr(locator: Locator, name: string): Promise<string> {
  return (await locator.getAttribute(name)) ?? '';
}

test('three outputs: the Jacobian by reverse mode (a row per pass) and forward mode (a column per pass) against closed forms, with the pass counts', async ({
  playground,
  page,
}) => {
  const graph = compileOrThrow(FORMULA);
  expect(graph.outputs).toHaveLength(3);
  await playground.goto(FORMULA, AT, 'reverse');
  await playground.waitForNodeCount(graph.nodes.length);

  // One output node per entry, each tagged y₁, y₂, y₃ in the graph.
  for (const [j, id] of graph.outputs.entries()) {
    await expect(playground.node(id)).toContainText(`y${'₁₂₃'[j]}`);
  }

  // The whole matrix, every entry checked by finite differences.
  const table = panel(page).getByRole('table', { name: 'Jacobian' });
  await expect(table).toBeVisible();
  for (let j = 0; j < 3; j++) {
    for (const [i, v] of VARIABLES.entries()) {
      const cell = entry(page, j, v);
      expect(numbersAgree(parseAttr(await attr(cell, 'data-value')), CLOSED[j]![i]!)).toBe(true);
      await expect(cell).toHaveAttribute('data-status', 'pass');
    }
  }

  // The pass counts: forward n = 2, reverse m = 3, forward named the cheaper.
  const passes = page.getByTestId('jacobian-passes');
  await expect(passes).toHaveAttribute('data-forward', '2');
  await expect(passes).toHaveAttribute('data-reverse', '3');
  await expect(passes).toHaveAttribute('data-cheaper', 'forward');
  await expect(passes).toContainText('Forward mode is cheaper.');

  // Reverse mode: one pass per output. Each pass seeds that output's adjoint, fills its row (and
  // only it) once done, and the gradient check checks that row.
  const chooser = panel(page).getByRole('combobox', { name: 'Output' });
  let reversePasses = 0;
  for (let j = 0; j < 3; j++) {
    await chooser.selectOption({ index: j });
    await playground.reset();
    for (const v of VARIABLES) {
      await expect(entry(page, j, v)).toHaveAttribute('data-filled', 'true');
      await expect(entry(page, j, v)).toHaveAttribute('data-so-far', '');
    }
    await playground.goToEnd();
    reversePasses++;
    await expect(playground.node(graph.outputs[j]!)).toHaveAttribute('data-adjoint', '1');
    for (const [i, v] of VARIABLES.entries()) {
      const cell = entry(page, j, v);
      await expect(cell).toHaveAttribute('data-filled', 'true');
      expect(numbersAgree(parseAttr(await attr(cell, 'data-so-far')), CLOSED[j]![i]!)).toBe(true);
      const row = playground.gradientCheck().locator(`tr[data-variable="${v}"]`);
      expect(numbersAgree(parseAttr(await attr(row, 'data-ad')), CLOSED[j]![i]!)).toBe(true);
      await expect(row).toHaveAttribute('data-status', 'pass');
    }
    for (const other of [0, 1, 2].filter((k) => k !== j)) {
      await expect(entry(page, other, 'x')).toHaveAttribute('data-filled', 'false');
    }
    await expect(page.getByTestId('jacobian-fills')).toContainText(`fills row y${'₁₂₃'[j]}`);
    await expect
      .poll(() => playground.hash())
      .toMatch(j === 0 ? /^(?!.*out=)/ : new RegExp(`&out=${j + 1}`));
  }
  expect(reversePasses).toBe(3);

  // Forward mode: one pass per input. Each pass (seed eᵢ) fills column i, output by output.
  let forwardPasses = 0;
  for (const [i, v] of VARIABLES.entries()) {
    await playground.gotoHash(
      `f=${encodeURIComponent(FORMULA)}&at=x%3D2%2Cy%3D3&mode=forward&step=0` +
        (i === 0 ? '' : `&seed=${v}`),
    );
    await playground.waitForNodeCount(graph.nodes.length);
    for (let j = 0; j < 3; j++) {
      await expect(entry(page, j, v)).toHaveAttribute('data-filled', 'true');
      await expect(entry(page, j, v)).toHaveAttribute('data-so-far', '');
      await expect(entry(page, j, VARIABLES[1 - i]!)).toHaveAttribute('data-filled', 'false');
    }
    await playground.goToEnd();
    forwardPasses++;
    for (let j = 0; j < 3; j++) {
      const cell = entry(page, j, v);
      expect(numbersAgree(parseAttr(await attr(cell, 'data-so-far')), CLOSED[j]![i]!)).toBe(true);
      const tangent = parseAttr(
        (await playground.node(graph.outputs[j]!).getAttribute('data-tangent')) ?? '',
      );
      expect(numbersAgree(tangent, CLOSED[j]![i]!)).toBe(true);
    }
    await expect(page.getByTestId('jacobian-fills')).toContainText(`fills column ∂/∂${v}`);
  }
  expect(forwardPasses).toBe(2);
});

test('a link with out=2 opens on y₂: the reverse pass and the check follow it', async ({
  playground,
  page,
}) => {
  const graph = compileOrThrow(FORMULA);
  await playground.gotoHash(`f=${encodeURIComponent(FORMULA)}&at=x%3D2%2Cy%3D3&out=2`);
  await playground.waitForNodeCount(graph.nodes.length);
  await expect(panel(page).getByRole('combobox', { name: 'Output' })).toHaveValue('1');
  await expect(playground.node(graph.outputs[1]!)).toHaveAttribute('data-adjoint', '1');
  // y₁ does not depend on y₂, so the pass that follows y₂ never reaches it: no adjoint at all.
  await expect(playground.node(graph.outputs[0]!)).toHaveAttribute('data-adjoint', '');
  await expect(page.getByText('Output y₂ =')).toBeVisible();
  const rowY = playground.gradientCheck().locator('tr[data-variable="y"]');
  await expect(rowY).toHaveAttribute('data-ad', '0');
});

/** The line above a result that says which output it is about: `Output 2 of 3: y₂ = sin(x)`. */
async function expectFollowed(scope: Locator, output: number, text: string): Promise<void> {
  const line = scope.getByTestId('followed-output');
  await expect(line).toHaveAttribute('data-output', String(output));
  await expect(line.locator('.followed-output-text')).toHaveText(text);
}

const LABELS = [
  'Output 1 of 3: y₁ = x*y',
  'Output 2 of 3: y₂ = sin(x)',
  'Output 3 of 3: y₃ = x + y',
];

test('three outputs: the Hessian, the function slice, the bug lab, the quiz and the exported program each say which output they are about, and switch it with the Jacobian panel', async ({
  playground,
  page,
}) => {
  const graph = compileOrThrow(FORMULA);
  await playground.goto(FORMULA, AT, 'reverse');
  await playground.waitForNodeCount(graph.nodes.length);
  const jacobianChooser = panel(page).getByRole('combobox', { name: 'Output' });
  await jacobianChooser.selectOption({ index: 1 });

  // The function slice and the Hessian are of y₂ = sin(x): ∂²/∂x² = −sin 2.
  await playground.openDrawerTab('Function slice');
  const slice = page.getByRole('region', { name: 'Function slice' });
  const hessian = page.getByRole('region', { name: 'Hessian' });
  await expectFollowed(slice, 2, LABELS[1]!);
  await expectFollowed(hessian, 2, LABELS[1]!);
  const xx = hessian.locator('td[data-row="x"][data-column="x"]');
  expect(numbersAgree(parseAttr(await attr(xx, 'data-ad')), -Math.sin(2))).toBe(true);

  // Switched from the slice: the Hessian and the Jacobian panel follow y₁ = x*y (∂²/∂x∂y = 1).
  await slice.getByRole('combobox', { name: 'Show output' }).selectOption({ index: 0 });
  await expectFollowed(slice, 1, LABELS[0]!);
  await expectFollowed(hessian, 1, LABELS[0]!);
  await expect(jacobianChooser).toHaveValue('0');
  await expect(hessian.locator('td[data-row="x"][data-column="y"]')).toHaveAttribute(
    'data-ad',
    '1',
  );

  // The bug lab says it too, and switches the same state.
  await page.getByRole('tab', { name: 'Bug lab', exact: true }).click();
  const lab = page.getByRole('region', { name: 'Bug lab' });
  await expectFollowed(lab, 1, LABELS[0]!);
  await lab.getByRole('combobox', { name: 'Show output' }).selectOption({ index: 2 });
  await expectFollowed(lab, 3, LABELS[2]!);
  await expect(jacobianChooser).toHaveValue('2');
  await expect(playground.node(graph.outputs[2]!)).toHaveAttribute('data-adjoint', '1');

  // The quiz asks about the followed output.
  const quizPanel = new QuizPanel(page);
  await quizPanel.switch().check();
  const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
  await expectFollowed(quiz, 3, LABELS[2]!);
  await quizPanel.switch().uncheck();

  // The exported program computes it, in the same words.
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Export code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export code' });
  await expect(dialog.getByText(`${LABELS[2]!}. The program computes this output`)).toBeVisible();
});

test('single-output formulas are untouched: no Jacobian panel, no out= in the link', async ({
  playground,
  page,
}) => {
  await playground.goto('x*y', { x: 2, y: 3 });
  await expect(playground.outputValue()).toHaveText('6');
  await expect(panel(page)).toHaveCount(0);
  await expect.poll(() => playground.hash()).not.toContain('out=');
});

test('the lesson example: one input, three outputs, one forward pass fills the column', async ({
  playground,
  page,
}) => {
  await playground.goto('x', { x: 1 });
  await playground.chooseExample('Several outputs: forward wins');
  await expect(playground.formula()).toHaveValue('cos(t), sin(t), t^2');
  const passes = page.getByTestId('jacobian-passes');
  await expect(passes).toHaveAttribute('data-forward', '1');
  await expect(passes).toHaveAttribute('data-reverse', '3');
  await expect(passes).toContainText('Forward mode is cheaper.');
  await page.getByRole('radio', { name: 'Forward' }).check();
  await playground.goToEnd();
  const t = 1;
  const column = [-Math.sin(t), Math.cos(t), 2 * t];
  for (let j = 0; j < 3; j++) {
    const cell = entry(page, j, 't');
    await expect(cell).toHaveAttribute('data-filled', 'true');
    expect(numbersAgree(parseAttr(await attr(cell, 'data-so-far')), column[j]!)).toBe(true);
  }
  // The drawer's Forward vs reverse tab counts the same passes.
  await playground.openDrawerTab('Forward vs reverse');
  const note = page.getByRole('region', { name: 'Passes for the Jacobian' });
  await expect(note.getByTestId('jacobian-passes')).toHaveAttribute('data-cheaper', 'forward');
});

test('several outputs anywhere but the last line is a diagnostic at its place', async ({
  playground,
}) => {
  await playground.goto('a = x, y\na', { x: 1, y: 2 });
  const d = playground.diagnostic();
  await expect(d).toContainText('A name holds one value');
  await expect(d).toHaveAttribute('data-start', '5');
  await expect(d).toHaveAttribute('data-end', '6');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });
    test(`the Jacobian panel has no axe violations (${colorScheme})`, async ({
      playground,
      page,
    }) => {
      await playground.goto(FORMULA, AT, 'reverse', 3);
      await expect(panel(page)).toBeVisible();
      await panel(page).scrollIntoViewIfNeeded();
      await expectNoAxeViolations(page, `Jacobian panel (${colorScheme})`);
    });
  });
}
