// The gradient check tells a learner why a check fails: at x·|x| and 0 the derivative exists (0)
// but the central difference is off by h, and the panel says that smaller steps converge to AD.
import { test, expect } from './fixtures.ts';
import { checksOf, compileOrThrow } from './oracle.ts';

test('a mismatch that is only truncation error says so, and a smaller h passes', async ({
  playground,
  page,
}) => {
  const formula = 'x*abs(x)';
  const at = { x: 0 };
  const [want] = checksOf(compileOrThrow(formula), at);
  expect(want?.status, 'the engine calls it a mismatch at the default step').toBe('mismatch');
  expect(want?.converging, 'and knows the differences converge').toHaveLength(2);

  await playground.goto(formula, at, 'reverse');
  await expect.poll(async () => (await playground.checkRows())[0]?.status).toBe('mismatch');
  const note = page.locator('.gradient-check .converging-note');
  await expect(note).toContainText('x: with h ten and a hundred times smaller the error falls');
  await expect(note).toContainText('not a wrong derivative');

  // Taking the advice: a step a hundred times smaller than the default passes, and the note goes.
  await page.getByRole('combobox', { name: 'Step size h', exact: true }).selectOption('1e-8');
  await expect.poll(async () => (await playground.checkRows())[0]?.status).toBe('pass');
  await expect(note).toHaveCount(0);
});
