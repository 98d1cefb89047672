// The Share dialog (Copy link, Copy embed code, Download SVG/PNG, Print, Worksheet) is a screen of
// its own: an axe scan with it open, in the light and the dark theme, on a desktop and on a phone.
import { test, expect } from './fixtures.ts';
import { expectNoAxeViolations } from './axe-scan.ts';

const HASH = `f=${encodeURIComponent('sin(x*y) + exp(x)/y')}&at=${encodeURIComponent('x=1,y=2')}&step=5`;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const screen of [
    { name: 'desktop', width: 1280, height: 720 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test.describe(`${colorScheme}, ${screen.name}`, () => {
      test.use({ colorScheme, viewport: { width: screen.width, height: screen.height } });

      test(`the Share dialog has no axe violations and fits the screen (${colorScheme}, ${screen.name})`, async ({
        playground,
        page,
      }) => {
        await playground.gotoHash(HASH);
        await playground.waitForNodeCount(7);
        await page.getByRole('button', { name: 'Share' }).click();
        const dialog = page.getByRole('dialog', { name: 'Share this view' });
        await expect(dialog).toBeVisible();
        for (const name of [
          'Copy link',
          'Copy embed code',
          'Download SVG',
          'Download PNG',
          'Print',
          'Worksheet',
        ]) {
          await expect(dialog.getByRole('button', { name, exact: true })).toBeVisible();
        }
        // The dialog is drawn in the theme the page is in.
        const [dialogBg, pageBg] = await page.evaluate(() => [
          getComputedStyle(document.querySelector('dialog[open]')!).backgroundColor,
          getComputedStyle(document.body).backgroundColor,
        ]);
        expect(dialogBg).toBe(pageBg);
        const box = await dialog.boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(screen.width);
        await expectNoAxeViolations(
          page,
          `with the Share dialog open (${colorScheme}, ${screen.name})`,
        );
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      });
    });
  }
}
