import { test as base, expect } from '@playwright/test';
import { PlaygroundPage } from './pages/playground-page.ts';

export { expect };

interface Fixtures {
  /** Auto fixture: every console error, uncaught page error and dialog fails the test. */
  pageErrorGuard: void;
  playground: PlaygroundPage;
}

export const test = base.extend<Fixtures>({
  pageErrorGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location();
        problems.push(`console error: ${message.text()} (${where.url}:${where.lineNumber})`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      // A hostile hash must never reach alert(); a dialog left open would also hang the page.
      page.on('dialog', (dialog) => {
        problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
        void dialog.dismiss().catch(() => undefined);
      });
      await use();
      expect(problems, 'no console error, page error or dialog during the test').toEqual([]);
    },
    { auto: true },
  ],

  playground: async ({ page }, use) => {
    await use(new PlaygroundPage(page));
  },
});
