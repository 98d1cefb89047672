// The quiz gives nothing away while a question is open (the output, the gradient check, the edge
// partials and the function slice are hidden), ends with a summary of what was missed, each worked
// out, and can be restarted from zero.
import { test, expect } from './fixtures.ts';
import { compileOrThrow, framesOf, traceOf } from './oracle.ts';
import { QuizPanel } from './pages/teaching.ts';

const formula = 'x*y + sin(x)';
const at = { x: 2, y: 3 };

test('the quiz hides answers while asking, sums up what was missed, and restarts from zero', async ({
  playground,
  page,
}) => {
  const graph = compileOrThrow(formula);
  const frames = framesOf(traceOf(graph, at, 'reverse'));
  await playground.goto(formula, at);
  await playground.waitForNodeCount(graph.nodes.length);
  await playground.openDrawerTab('Function slice');
  const quiz = new QuizPanel(page);
  await quiz.switch().check();

  // Asking: nothing on screen holds the answer.
  await expect(quiz.question()).toBeVisible();
  await expect(playground.outputValue()).toBeHidden();
  await expect(playground.gradientCheck().locator('[data-status]').first()).toBeHidden();
  await expect(page.locator('.gv-tag-partial').first()).toBeHidden();
  await expect(
    page.getByRole('tabpanel', { name: 'Function slice' }).locator('svg').first(),
  ).toBeHidden();

  // Answer every question from the engine, the first one wrong on purpose.
  let wrong = 0;
  for (let i = 0; i < 50 && (await quiz.question().isVisible()); i++) {
    const node = Number(await quiz.question().getAttribute('data-node-id'));
    const quantity = await quiz.question().getAttribute('data-quantity');
    // An adjoint is asked as it stands after the question's step (fan-out sums step by step).
    const after = frames[await quiz.questionStep()]!;
    const expected = quantity === 'value' ? after.values[node]! : after.adjoints[node]!;
    if (i === 0) {
      await quiz.submit(String(expected + 10));
      await expect(quiz.feedback()).toHaveAttribute('data-result', 'wrong');
      wrong++;
      await quiz.continue().click();
    } else {
      await quiz.submit(String(expected));
      await expect(quiz.feedback()).toHaveAttribute('data-result', 'right');
    }
  }

  // The summary: the score and the missed question with its worked step.
  const done = page.getByTestId('quiz-done');
  await expect(done).toBeVisible();
  await expect(done).toContainText('Quiz finished');
  await expect(page.getByTestId('quiz-missed')).toHaveCount(wrong);
  await expect(page.getByTestId('quiz-missed').first()).toContainText('you wrote');
  const asked = Number(await done.getAttribute('data-asked'));
  expect(Number(await done.getAttribute('data-right'))).toBe(asked - wrong);
  // Finished: the answers are on show again.
  await expect(playground.outputValue()).toBeVisible();
  await expect(playground.gradientCheck().locator('[data-status]').first()).toBeVisible();

  await page.getByRole('button', { name: 'Restart quiz', exact: true }).click();
  await expect(quiz.score()).toHaveText('0 / 0 correct');
  await expect(quiz.question()).toBeVisible();
  await expect(playground.outputValue()).toBeHidden();
});
