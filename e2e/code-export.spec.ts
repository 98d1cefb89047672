// Share → Export code: the formula and point as a PyTorch, JAX, micrograd or TypeScript program.
// The TypeScript text must be exactly what the CLI's --export ts prints for the same formula and
// point, so the app and the CLI cannot drift apart.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { expectNoAxeViolations } from './axe-scan.ts';
import type { Page } from '@playwright/test';

const FORMULA = 'sin(x*y) + exp(x)/y';
const AT = 'x=1,y=2';
const HASH = `f=${encodeURIComponent(FORMULA)}&at=${encodeURIComponent(AT)}`;

const LIBRARY_NAMES = {
  PyTorch: ['import torch', 'backward()'],
  JAX: ['import jax', 'jax.value_and_grad'],
  micrograd: ['from micrograd', 'Value('],
  TypeScript: ['Math.', 'const f: number'],
} as const;

async function openCodeExport(page: Page) {
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Export code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export code' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('each target shows its program; TypeScript is what the CLI prints; Download saves it', async ({
  playground,
  page,
}) => {
  await playground.gotoHash(HASH);
  await playground.waitForNodeCount(7);
  const dialog = await openCodeExport(page);
  const code = dialog.locator('pre.code-export-code');
  for (const [label, names] of Object.entries(LIBRARY_NAMES)) {
    await dialog.getByRole('radio', { name: label }).check();
    await expect(code).toHaveAccessibleName(`${label} program`);
    for (const name of names) await expect(code).toContainText(name);
    await expect(code).toContainText(FORMULA);
  }

  const cli = execFileSync(
    'npx',
    ['tsx', 'ad-core/cli/main.ts', FORMULA, '--at', AT, '--export', 'ts'],
    { encoding: 'utf8' },
  );
  expect(cli).toContain('Math.sin');
  expect(await code.textContent()).toBe(cli);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('autodiff.ts');
  expect(readFileSync(await download.path(), 'utf8')).toBe(cli);
  await expect(dialog.getByRole('status')).toHaveText('autodiff.ts downloaded.');

  await dialog.getByRole('radio', { name: 'JAX' }).check();
  const [pyDownload] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download file' }).click(),
  ]);
  expect(pyDownload.suggestedFilename()).toBe('autodiff.py');
  expect(readFileSync(await pyDownload.path(), 'utf8')).toBe(await code.textContent());
});

test('a formula with an error has nothing to export yet', async ({ playground, page }) => {
  await playground.gotoHash(`f=${encodeURIComponent('sin(x')}`);
  const dialog = await openCodeExport(page);
  await expect(dialog.getByText(/Nothing to export yet/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Download file' })).toHaveCount(0);
});

test('several outputs: the dialog says which one is exported', async ({ playground, page }) => {
  await playground.gotoHash(`f=${encodeURIComponent('x*y, sin(x)')}&at=${encodeURIComponent(AT)}`);
  await playground.waitForNodeCount(4);
  const dialog = await openCodeExport(page);
  await expect(
    dialog.getByText(/^Output 1 of 2: y₁ = x\*y\. The program computes this output/),
  ).toBeVisible();
});

test('keyboard only: Share, Export code, choose JAX, download, Escape back to each opener', async ({
  playground,
  page,
}) => {
  await playground.gotoHash(HASH);
  await playground.waitForNodeCount(7);
  const share = page.getByRole('button', { name: 'Share' });
  await share.focus();
  await page.keyboard.press('Enter');
  const exportButton = page.getByRole('button', { name: 'Export code' });
  for (
    let k = 0;
    k < 20 && !(await exportButton.evaluate((b) => b === document.activeElement));
    k++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(exportButton).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export code' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'PyTorch' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'JAX' })).toBeChecked();
  await expect(dialog.locator('pre.code-export-code')).toContainText('import jax');
  // The code box is a tab stop (it scrolls), then Copy code, then Download file.
  await page.keyboard.press('Tab');
  await expect(dialog.locator('pre.code-export-code')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Copy code' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Download file' })).toBeFocused();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toBe('autodiff.py');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(exportButton).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Share this view' })).toBeHidden();
  await expect(share).toBeFocused();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(colorScheme, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 720 } });
    test(`the Export code dialog has no axe violations (${colorScheme})`, async ({
      playground,
      page,
    }) => {
      await playground.gotoHash(HASH);
      await playground.waitForNodeCount(7);
      const dialog = await openCodeExport(page);
      const fontSize = await dialog
        .locator('pre.code-export-code')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(16);
      await expectNoAxeViolations(page, `with the Export code dialog open (${colorScheme})`);
    });
  });
}
