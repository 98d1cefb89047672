// Nothing a learner types breaks the graph: formulas typed one key at a time (every prefix is
// compiled, laid out and drawn on the way), the crash link of issue 8, and the error boundary
// that must recover by itself when the formula changes. The page-error guard of fixtures.ts fails
// any test that logs a console error or throws.
import { randomFormula } from '../ad-core/bench/random-formula.ts';
import { test, expect } from './fixtures.ts';
import { compileOrThrow } from './oracle.ts';

/** The shapes that broke layering or labels, and the edge cases around them. */
const TRICKY: readonly string[] = [
  // An input as output that an unused binding depends on (was "the graph has a cycle").
  'z = w*x + b\nx',
  // A binding as output; a constant as output; one node; no variables.
  'a = x*y\na',
  'a = 2\na',
  'x',
  '3',
  '2*pi + e',
  // Unused bindings before and after the ones that are used; shadowing a binding's name later.
  'h1 = tanh(w1*x + b1)\nu = h1*3\nh2 = tanh(w2*h1 + b2)\nv = u + h2\nh2',
  'a = x*x; b = a + x; c = b*b; a',
  // Repeated names and fan-out through one operation.
  'x*x*x + x/x - x',
];

test.describe('formulas typed one key at a time', () => {
  const generated = [randomFormula(24, 7).source, randomFormula(40, 11).source];
  for (const formula of [...TRICKY, ...generated]) {
    test(`typing ${JSON.stringify(formula.length > 40 ? formula.slice(0, 40) + '…' : formula)}`, async ({
      playground,
      page,
    }) => {
      await playground.gotoHash('');
      await playground.typeFormula(formula);
      await playground.expectNoDiagnostic();
      // Every node of the final formula is drawn (blocks the view collapsed to fit opened again),
      // and nothing anywhere says it crashed.
      const expandAll = page.getByRole('button', { name: 'Expand all' });
      if (await expandAll.isVisible()) await expandAll.click();
      await playground.waitForNodeCount(compileOrThrow(formula).nodes.length);
      await expect(page.getByText(/ran into a problem/)).toHaveCount(0);
      await expect(playground.outputValue()).not.toHaveText('');
    });
  }
});

test('the crash link of issue 8 opens with its graph drawn', async ({ playground, page }) => {
  await playground.gotoHash('f=z%20%3D%20w*x%20%2B%20b%0Ax&at=w%3D1%2Cx%3D1%2Cb%3D1');
  await playground.waitForNodeCount(compileOrThrow('z = w*x + b\nx').nodes.length);
  await expect(page.getByText(/ran into a problem/)).toHaveCount(0);
  await expect(playground.outputValue()).toHaveText('1');
});

test('after picking an example or a lesson with the mouse, the keys drive the player', async ({
  playground,
  page,
}) => {
  await playground.gotoHash('');
  const menu = playground.examplesMenu();
  // A mouse user: press on the menu, pick an item.
  await menu.click();
  await menu.selectOption({ label: 'Rosenbrock function' });
  const source = await playground.formula().inputValue();
  await playground.expectStep(await playground.stepCounter().then((c) => c.n));
  await page.keyboard.press('Home');
  await playground.expectStep(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await playground.expectStep(2);
  await page.keyboard.press('End');
  await expect(playground.formula()).toHaveValue(source);
  // Home did not switch the menu to its first example.
  await expect(menu).toHaveValue('rosenbrock');

  const lessons = page.getByRole('combobox', { name: /lesson/i });
  await lessons.click();
  await lessons.selectOption({ index: 1 });
  await page.keyboard.press('Home');
  await playground.expectStep(0);
  await page.keyboard.press('ArrowRight');
  await playground.expectStep(1);
  // Home did not leave the lesson (the menu's first item).
  await expect(lessons).not.toHaveValue('');
});

test('a keyboard user keeps focus on the menu after choosing with the arrow keys', async ({
  playground,
  page,
}) => {
  await playground.gotoHash('');
  const menu = playground.examplesMenu();
  await menu.focus();
  await page.keyboard.press('ArrowDown');
  await expect(menu).toBeFocused();
});
