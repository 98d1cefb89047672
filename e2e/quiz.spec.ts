// Quiz mode through the forward pass of the Baydin et al. (2018) example: the expected answers come
// from the engine (ad-core) in the test, never typed in; one deliberate wrong answer must show the
// step's chain-rule computation (explainStep) and still let the learner continue.
import { explainStep, formatNumber } from '../ad-core/index.ts';
import { test, expect } from './fixtures.ts';
import { compileOrThrow, referenceCase, traceOf } from './oracle.ts';
import { QuizPanel } from './pages/teaching.ts';

const baydin = referenceCase('baydin-2018');

test('quiz through the Baydin forward pass: right answers reveal, a wrong one explains, the score counts', async ({
  playground,
  page,
}) => {
  const graph = compileOrThrow(baydin.formula);
  const trace = traceOf(graph, baydin.at, 'reverse');
  const n = trace.steps.length;
  const seedStep = trace.steps.findIndex((s) => s.kind === 'seed-adjoint') + 1;
  const inputs = graph.nodes.filter((node) => node.kind === 'input').length;
  const ops = trace.steps.filter(
    (s) => s.kind === 'evaluate' && graph.nodes[s.node]!.kind === 'op',
  );

  await playground.goto(baydin.formula, baydin.at);
  await playground.waitForNodeCount(graph.nodes.length);
  const quiz = new QuizPanel(page);
  await quiz.switch().check();
  await expect(quiz.switch()).toBeChecked();

  // The inputs are given; the first question is the first operation, and nothing past it shows.
  await playground.expectStep(inputs, n);
  await expect(quiz.score()).toHaveText('0 / 0 correct');
  await expect(playground.button('Step forward')).toBeDisabled();
  await expect(playground.button('Go to end')).toBeDisabled();
  await expect(page.getByText('Quiz: answer to go on')).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await playground.expectStep(inputs, n);

  const wrongAt = 1; // the second operation is answered wrongly on purpose
  for (const [i, step] of ops.entries()) {
    if (step.kind !== 'evaluate') throw new Error('not an evaluate step');
    const k = trace.steps.indexOf(step) + 1;
    expect(await quiz.questionStep()).toBe(k);
    await expect(quiz.question()).toHaveAttribute('data-quantity', 'value');
    await expect(quiz.question()).toHaveAttribute('data-node-id', String(step.node));
    await expect(playground.node(step.node), 'the asked value is not shown yet').toHaveAttribute(
      'data-value',
      '',
    );

    if (i === wrongAt) {
      await quiz.submit(String(step.value * 2 + 1));
      const feedback = quiz.feedback();
      await expect(feedback).toHaveAttribute('data-result', 'wrong');
      const worked = explainStep(trace, k);
      await expect(feedback).toContainText(worked.title);
      for (const line of worked.lines) await expect(feedback).toContainText(line);
      await expect(feedback).toContainText(formatNumber(step.value));
      await playground.expectStep(k - 1, n); // not revealed by a wrong answer…
      await expect(playground.button('Step forward')).toBeDisabled();
      await quiz.continue().click(); // …until the learner continues
    } else {
      // Answers as a student would round them: 4 digits as displayed, or 3 significant digits.
      const typed = i % 2 === 0 ? formatNumber(step.value) : step.value.toPrecision(3);
      await quiz.submit(typed, i % 2 === 0 ? 'click' : 'enter');
      await expect(quiz.feedback()).toHaveAttribute('data-result', 'right');
    }
    await expect(playground.node(step.node)).toHaveAttribute('data-value', String(step.value));
  }

  // The forward pass is done; the seed needs no answer, so the next question is an adjoint.
  await playground.expectStep(seedStep, n);
  await expect(quiz.question()).toHaveAttribute('data-quantity', 'adjoint');
  await expect(quiz.score()).toHaveText(`${ops.length - 1} / ${ops.length} correct`);

  // Something that is not a number is neither right nor wrong.
  await quiz.submit('two');
  await expect(quiz.feedback()).toHaveAttribute('data-result', 'unreadable');
  await expect(quiz.score()).toHaveText(`${ops.length - 1} / ${ops.length} correct`);

  // Looking back is allowed; switching the quiz off frees the player.
  await playground.stepBack();
  await expect(page.getByRole('button', { name: 'Back to the question' })).toBeVisible();
  await quiz.switch().uncheck();
  await expect(quiz.answer()).toHaveCount(0);
  await playground.goToEnd();
  await playground.expectStep(n, n);
});
