import { expect, type Locator, type Page } from '@playwright/test';

// Page-object helpers for the bug lab, `Find the bug` and dual numbers, written against the
// contract of DESIGN.md: the `Bug lab` drawer tab, a combobox whose name contains "bug",
// `data-bug-origin` on the first departing trace row and graph node, a `Dual numbers` checkbox.

export class BugLab {
  constructor(readonly page: Page) {}

  tab(): Locator {
    return this.page.getByRole('tab', { name: 'Bug lab', exact: true });
  }

  async open(): Promise<void> {
    await this.tab().click();
    await expect(this.tab()).toHaveAttribute('aria-selected', 'true');
  }

  bugChoice(): Locator {
    return this.page.getByRole('combobox', { name: /bug/i }).first();
  }

  /** Chooses a bug by its option label (the first option is "No bug"). */
  async choose(label: string): Promise<void> {
    await this.bugChoice().selectOption({ label });
  }

  result(): Locator {
    return this.page.getByTestId('bug-result');
  }

  originNodes(): Locator {
    return this.page.locator('[data-testid="graph-node"][data-bug-origin]');
  }

  originRows(): Locator {
    return this.page
      .getByRole('table', { name: 'Trace table', exact: true })
      .locator('tbody tr[data-bug-origin]');
  }

  // ---- Find the bug ---------------------------------------------------------------------------

  startChallenge(): Locator {
    return this.page.getByRole('button', { name: 'Find the bug', exact: true });
  }

  accuse(): Locator {
    return this.page.getByRole('button', { name: 'This node has the bug', exact: true });
  }

  nextBug(): Locator {
    return this.page.getByRole('button', { name: 'Next bug', exact: true });
  }

  verdict(): Locator {
    return this.page.getByTestId('bug-verdict');
  }

  score(): Locator {
    return this.page.getByTestId('bug-score');
  }

  async expectScore(correct: number, answered: number): Promise<void> {
    await expect(this.score()).toHaveAttribute('data-correct', String(correct));
    await expect(this.score()).toHaveAttribute('data-answered', String(answered));
  }

  // ---- Dual numbers ---------------------------------------------------------------------------

  dualToggle(): Locator {
    return this.page.getByRole('checkbox', { name: 'Dual numbers', exact: true });
  }

  dualLines(): Locator {
    return this.page.getByTestId('dual-lines');
  }
}
