// A student's own formula is never lost to an example, a lesson or a reload: undo brings it
// back, the Examples menu offers it as "Your formula", and recent formulas survive a reload.
import { test, expect } from './fixtures.ts';

test('an example never loses the student’s formula: undo, redo, "Your formula" and recent ones', async ({
  playground,
  page,
}) => {
  await playground.gotoHash('');
  await playground.typeFormula('w*x + b');
  await playground.setVariable('w', 3);
  await playground.chooseExample('Rosenbrock function');
  await expect(playground.formula()).not.toHaveValue('w*x + b');

  // Undo in the editor (the textarea's own history would have forgotten it).
  await playground.formula().focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(playground.formula()).toHaveValue('w*x + b');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(playground.formula()).not.toHaveValue('w*x + b');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(playground.formula()).toHaveValue('w*x + b');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(playground.formula()).not.toHaveValue('w*x + b');

  // "Your formula" in the Examples menu, with the value the student had set.
  await playground.examplesMenu().selectOption({ label: 'Your formula: w*x + b' });
  await expect(playground.formula()).toHaveValue('w*x + b');
  await expect(playground.variable('w')).toHaveValue('3');

  // A second formula of their own; after a reload both are in the menu.
  await playground.typeFormula('sin(t)^2');
  await page.reload();
  await playground.waitForReady();
  const recent = playground.examplesMenu().locator('optgroup[label="Your recent formulas"] option');
  await expect(recent).toHaveText(['sin(t)^2', 'w*x + b']);
  await playground.examplesMenu().selectOption({ label: 'w*x + b' });
  await expect(playground.formula()).toHaveValue('w*x + b');
  await playground.expectNoDiagnostic();
});
