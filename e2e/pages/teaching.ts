import { expect, type Locator, type Page } from '@playwright/test';

// Page-object helpers for the lessons and quiz mode, written against the same contract as
// playground-page.ts (accessible names, data-testid and data-* attributes, the URL hash).

/** One number (or word) in the lesson text and the screen element it claims to repeat. */
export interface LessonRef {
  ref: string;
  /** `String(number)` of the number as the engine computed it; null for words. */
  number: string | null;
  /** The word, for word refs (a check status). */
  word: string | null;
  /** What the text displays. */
  shown: string;
}

export class LessonPanel {
  constructor(readonly page: Page) {}

  text(): Locator {
    return this.page.getByTestId('lesson-text');
  }

  pageCounter(): Locator {
    return this.page.getByTestId('lesson-page');
  }

  async pageNumbers(): Promise<{ page: number; pages: number }> {
    const t = (await this.pageCounter().textContent()) ?? '';
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(t);
    if (!m) throw new Error(`lesson page counter does not read "p / n": ${JSON.stringify(t)}`);
    return { page: Number(m[1]), pages: Number(m[2]) };
  }

  next(): Locator {
    return this.page.getByRole('button', { name: 'Next', exact: true });
  }

  back(): Locator {
    return this.page.getByRole('button', { name: 'Back', exact: true });
  }

  leave(): Locator {
    return this.page.getByRole('button', { name: 'Leave lesson', exact: true });
  }

  menu(): Locator {
    return this.page.getByRole('combobox', { name: 'Lessons', exact: true });
  }

  /** Lesson ids offered by the menu (option values), in menu order. */
  async menuIds(): Promise<string[]> {
    return this.menu()
      .locator('option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter((v) => v !== ''));
  }

  async refs(): Promise<LessonRef[]> {
    return this.text()
      .locator('[data-ref]')
      .evaluateAll((els) =>
        els.map((e) => ({
          ref: e.getAttribute('data-ref') ?? '',
          number: e.getAttribute('data-number'),
          word: e.getAttribute('data-text'),
          shown: (e.textContent ?? '').trim(),
        })),
      );
  }
}

export class QuizPanel {
  constructor(readonly page: Page) {}

  switch(): Locator {
    return this.page.getByRole('switch', { name: 'Quiz mode', exact: true });
  }

  answer(): Locator {
    return this.page.getByRole('textbox', { name: 'Your answer', exact: true });
  }

  check(): Locator {
    return this.page.getByRole('button', { name: 'Check', exact: true });
  }

  continue(): Locator {
    return this.page.getByRole('button', { name: 'Continue', exact: true });
  }

  question(): Locator {
    return this.page.getByTestId('quiz-question');
  }

  feedback(): Locator {
    return this.page.getByTestId('quiz-feedback');
  }

  score(): Locator {
    return this.page.getByTestId('quiz-score');
  }

  /** The step (1-based) the waiting question is about. */
  async questionStep(): Promise<number> {
    await expect(this.question()).toBeVisible();
    return Number(await this.question().getAttribute('data-step'));
  }

  async submit(text: string, how: 'click' | 'enter' = 'click'): Promise<void> {
    await this.answer().fill(text);
    if (how === 'enter') await this.answer().press('Enter');
    else await this.check().click();
  }
}
