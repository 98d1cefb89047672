// The player runs on its own: Play walks every step in order to the end and stops there; Play at
// the end starts over; the step buttons stop at the ends.
import { test, expect } from './fixtures.ts';
import { compileOrThrow, referenceCase, traceOf } from './oracle.ts';

const ref = referenceCase('colah-sum-over-paths');

test('Play walks every step to the end, then stops; Play again starts over', async ({
  playground,
  page,
}) => {
  test.setTimeout(120_000);
  const graph = compileOrThrow(ref.formula);
  const n = traceOf(graph, ref.at, 'reverse').steps.length;
  await playground.goto(ref.formula, ref.at, 'reverse', 0);
  await playground.expectStep(0, n);
  // The speed control is the issue's, not the contract's; the fastest speed keeps the test short.
  const speed = page.getByRole('combobox', { name: 'Speed', exact: true });
  const speeds = await speed
    .locator('option')
    .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  await speed.selectOption(
    speeds
      .map(Number)
      .sort((a, b) => b - a)[0]!
      .toString(),
  );

  // Record every counter value the page shows while playing, from inside the page.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __steps: string[] }).__steps = seen;
    const counter = document.querySelector('[data-testid="step-counter"]')!;
    new MutationObserver(() => {
      const text = counter.textContent ?? '';
      if (seen.at(-1) !== text) seen.push(text);
    }).observe(counter, { childList: true, characterData: true, subtree: true });
  });
  await playground.button('Play').click();
  await expect(playground.button('Pause')).toBeVisible();
  await playground.expectStep(n, n, 30_000);
  await expect(playground.button('Play'), 'playing stops at the end').toBeVisible({
    timeout: 15_000,
  });
  const steps = await page.evaluate(() => (window as unknown as { __steps: string[] }).__steps);
  const ks = steps.map((s) => Number(/^\s*(\d+)/.exec(s)?.[1]));
  expect(ks, 'every step shown once, in order').toEqual(Array.from({ length: n }, (_, i) => i + 1));

  await playground.button('Play').click();
  await expect
    .poll(async () => (await playground.stepCounter()).k, {
      message: 'Play at the end starts over',
    })
    .toBeLessThan(n);
  await playground.button('Pause').click();
  await expect(playground.button('Play')).toBeVisible();

  await playground.reset();
  await playground.button('Step back').click();
  await playground.expectStep(0, n);
  await playground.goToEnd();
  await playground.button('Step forward').click();
  await playground.expectStep(n, n);
});
