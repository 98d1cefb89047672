// (c) A link opens exactly the state it encodes; the URL follows the learner; hostile hashes are
// harmless (default example, a notice, nothing executed, no console error — the guard checks that).
import { test, expect } from './fixtures.ts';
import {
  compileOrThrow,
  expectGraphShowsFrame,
  framesOf,
  referenceCase,
  traceOf,
} from './oracle.ts';
import { playgroundHash, type PlaygroundPage } from './pages/playground-page.ts';

async function expectVariables(
  playground: PlaygroundPage,
  point: Record<string, number>,
): Promise<void> {
  for (const [name, value] of Object.entries(point)) {
    await expect(playground.variable(name), `variable ${name}`).toHaveValue(String(value));
  }
}

for (const mode of ['reverse', 'forward'] as const) {
  test(`a ${mode}-mode link opens exactly the state it encodes`, async ({ playground }) => {
    const ref = referenceCase('tanh-sqrt');
    const graph = compileOrThrow(ref.formula);
    // A link carries no seed, so forward mode opens with the default direction; the engine's
    // default (no seed given) is the oracle for it.
    const trace = traceOf(graph, ref.at, mode);
    const n = trace.steps.length;
    const step = mode === 'reverse' ? n - 2 : Math.floor(n / 2);
    const frame = framesOf(trace)[step]!;

    await playground.goto(ref.formula, ref.at, mode, step);
    await expect(playground.formula()).toHaveValue(ref.formula);
    await expectVariables(playground, ref.at);
    await playground.expectStep(step, n);
    await playground.waitForNodeCount(graph.nodes.length);
    const fields =
      mode === 'reverse' ? (['value', 'adjoint'] as const) : (['value', 'tangent'] as const);
    await expectGraphShowsFrame(playground, graph, frame, fields, `link at step ${step}`);
    if (mode === 'reverse') {
      expect(
        (await playground.nodes()).every((node) => node.tangent === null),
        'no data-tangent in reverse mode',
      ).toBe(true);
    }
  });
}

test('a link with a seed, merging and a panel opens exactly that, and the graph follows the seed', async ({
  playground,
  page,
}) => {
  // DESIGN.md's format plus our optional parts: forward mode seeded along x2, the shared DAG, and
  // the drawer open on Forward vs reverse.
  const formula = 'x1*x2 + sin(x1*x2)';
  const at = { x1: 0.5, x2: 2 };
  const graph = compileOrThrow(formula, { mergeCommonSubexpressions: true });
  const trace = traceOf(graph, at, 'forward', { x1: 0, x2: 1 });
  const n = trace.steps.length;
  await playground.gotoHash(
    `${playgroundHash(formula, at, 'forward', n)}&seed=x2&merge=1&panel=cost`,
  );
  await playground.expectStep(n, n);
  await playground.waitForNodeCount(graph.nodes.length);
  await expectGraphShowsFrame(
    playground,
    graph,
    framesOf(trace)[n]!,
    ['value', 'tangent'],
    'seeded along x2, merged',
  );
  await expect(page.getByRole('combobox', { name: 'Seed', exact: true })).toHaveValue('var:x2');
  await expect(page.getByRole('tab', { name: 'Forward vs reverse', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('checkbox', { name: 'Merge common subexpressions' })).toBeChecked();
  // And back out: the URL says what the screen shows.
  await expect.poll(() => playground.hash()).toContain('&seed=x2&merge=1&panel=cost');
});

test('the URL follows the learner, replacing history rather than adding to it', async ({
  playground,
  page,
}) => {
  const ref = referenceCase('colah-sum-over-paths');
  await playground.goto(ref.formula, ref.at, 'reverse', 0);
  const historyBefore = await page.evaluate(() => window.history.length);

  await playground.typeFormula('(a+b)*(b+2)');
  await expect.poll(() => playground.hash()).toContain(`f=${encodeURIComponent('(a+b)*(b+2)')}`);
  await playground.reset();
  await playground.stepForward();
  await playground.stepForward();
  await expect.poll(() => playground.hash()).toMatch(/(^|&)step=2(&|$)/);
  expect(
    await page.evaluate(() => window.history.length),
    'typing and stepping add no history entries',
  ).toBe(historyBefore);

  // The link as it now stands reproduces the same screen in a fresh page.
  const link = await playground.hash();
  const nodes = await playground.nodes();
  const counter = await playground.stepCounter();
  await playground.gotoHash(link);
  await expect(playground.formula()).toHaveValue('(a+b)*(b+2)');
  await expectVariables(playground, ref.at);
  await playground.expectStep(counter.k, counter.n);
  await expect.poll(() => playground.nodes()).toEqual(nodes);
});

// ---- hostile links ----------------------------------------------------------------------------

const HOSTILE: { name: string; hash: () => string }[] = [
  { name: 'bad percent-encoding', hash: () => 'f=%E0%A4%A&at=x%3D1' },
  { name: 'an unknown key', hash: () => `${playgroundHash('x*y', { x: 1, y: 2 })}&evil=1` },
  {
    name: '1 MB of formula text',
    hash: () => playgroundHash(`${'x*'.repeat(500_000)}x`, { x: 1 }),
  },
  {
    name: 'a script tag in the formula',
    hash: () => playgroundHash('<script>window.__pwned=1;alert(1)</script>', { x: 1 }),
  },
  {
    name: 'an img onerror in the formula',
    hash: () => playgroundHash('<img src=x onerror="window.__pwned=1;alert(1)">', { x: 1 }),
  },
  { name: 'NaN in the point', hash: () => playgroundHash('x*y', 'x=NaN,y=2') },
];

for (const { name, hash } of HOSTILE) {
  test(`a link with ${name} is harmless: default example and a notice`, async ({
    playground,
    page,
  }) => {
    await playground.gotoHash('');
    const defaultFormula = await playground.formula().inputValue();
    expect(defaultFormula.trim(), 'the app opens with a default example').not.toBe('');
    const defaultNodes = compileOrThrow(defaultFormula).nodes.length;
    await playground.waitForNodeCount(defaultNodes);
    await expect(playground.linkNotice()).toHaveCount(0);

    await playground.gotoHash(hash());
    await expect(playground.formula()).toHaveValue(defaultFormula);
    await playground.waitForNodeCount(defaultNodes);
    await expect(playground.linkNotice()).toBeVisible();
    await expect(playground.linkNotice()).toHaveText(/\S/);

    // Nothing from the hash became markup or ran.
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    await expect(page.locator('img[src="x"], img[onerror]')).toHaveCount(0);
    expect(
      await page
        .locator('script')
        .evaluateAll((els) => els.filter((e) => e.textContent?.includes('__pwned')).length),
    ).toBe(0);
  });
}
