// The Train tab, as a learner uses it: presets, the buttons, the loss and the parameter table.
import { expect, type Locator, type Page } from '@playwright/test';

export class TrainPage {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Train', exact: true });
  }

  button(
    name: 'Train step' | 'Run' | 'Pause' | 'Reset training' | "Show this step's backward pass",
  ): Locator {
    return this.panel().getByRole('button', { name, exact: true });
  }

  learningRate(): Locator {
    return this.panel().getByRole('spinbutton', { name: 'Learning rate' });
  }

  dataTable(): Locator {
    return this.panel().getByRole('table', { name: 'Data', exact: true });
  }

  lossCurve(): Locator {
    return this.panel().getByRole('img', { name: 'Loss curve' });
  }

  /** The training loss shown now (full precision, from data-value). */
  async loss(): Promise<number> {
    return Number(await this.page.getByTestId('loss-value').getAttribute('data-value'));
  }

  async steps(): Promise<number> {
    return Number(await this.page.getByTestId('train-steps').textContent());
  }

  async expectSteps(n: number): Promise<void> {
    await expect(this.page.getByTestId('train-steps')).toHaveText(String(n));
  }

  /** The loss of every step so far, as the Loss curve plot carries them. */
  async losses(): Promise<string> {
    return (await this.lossCurve().getAttribute('data-losses')) ?? '';
  }

  async trainSteps(n: number): Promise<void> {
    const before = await this.steps();
    for (let i = 0; i < n; i++) await this.button('Train step').click();
    await this.expectSteps(before + n);
  }

  /** Each parameter's value and gradients from the parameter table (full precision). */
  async parameterRows(): Promise<{ name: string; value: number; batch: number; row: number }[]> {
    return this.panel()
      .locator('tr[data-role="param"]')
      .evaluateAll((rows) =>
        rows.map((r) => ({
          name: r.getAttribute('data-variable') ?? '',
          value: Number(r.querySelector('td.is-value')?.getAttribute('data-value')),
          batch: Number(
            r.querySelector('[data-testid="batch-gradient"]')?.getAttribute('data-value'),
          ),
          row: Number(r.querySelector('[data-testid="row-gradient"]')?.getAttribute('data-value')),
        })),
      );
  }
}
