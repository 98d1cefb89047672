import { buildTrace, compile, groupSteps, viewGraph } from '../ad-core/index.ts';
import { expectNoAxeViolations } from './axe-scan.ts';
import { expect, test } from './fixtures.ts';
import { compileOrThrow } from './oracle.ts';
import { BlocksPage } from './pages/blocks.ts';
import { playgroundHash } from './pages/playground-page.ts';

// Issue 10, "Functions of your own": definitions, each call inlined as a block named by the call.
const NEURON = [
  'neuron(a, b, w1, w2, c) = tanh(w1*a + w2*b + c)',
  'neuron(x1, x2, w11, w12, b1) + neuron(x1, x2, w21, w22, b2)',
].join('\n');
const AT = { x1: 0.5, x2: -1.5, w11: 0.8, w12: -0.4, b1: 0.1, w21: 0.3, w22: 0.9, b2: -0.2 };
const FIRST = 'neuron(x1, x2, w11, w12, b1)';
const SECOND = 'neuron(x1, x2, w21, w22, b2)';

test('a definition and two calls: variables are the call arguments, the gradient checks out', async ({
  playground,
  page,
}) => {
  const blocks = new BlocksPage(page);
  await playground.gotoHash(
    `${playgroundHash('sq(t) = t^2\nsq(x) + sq(y)', { x: 1, y: 2 })}&collapse=`,
  );
  await playground.expectNoDiagnostic();
  await expect(page.getByTestId('output-value')).toHaveText('5');
  await expect(playground.variable('x')).toBeVisible();
  await expect(playground.variable('y')).toBeVisible();
  // The parameter is local to the definition: no input for it.
  await expect(playground.variable('t')).toHaveCount(0);
  await blocks.expectCollapsed('sq(x)', false);
  await blocks.expectCollapsed('sq(y)', false);
  await expect(blocks.block('sq(x)')).toHaveAttribute('data-op', 'pow');
  const rows = await playground.checkRows();
  expect(rows.map((r) => [r.variable, r.ad, r.status])).toEqual([
    ['x', '2', 'pass'],
    ['y', '4', 'pass'],
  ]);
});

test('the neuron example: each call collapses and expands, plays as one step, and the link keeps it', async ({
  playground,
  page,
}) => {
  const blocks = new BlocksPage(page);
  await playground.gotoHash(`${playgroundHash(NEURON, AT)}&collapse=`);
  await playground.expectNoDiagnostic();
  const checkBefore = await playground.checkRows();
  expect(checkBefore.every((r) => r.status === 'pass')).toBe(true);
  const full = await playground.stepCounter();

  await blocks.clickTag(FIRST);
  await blocks.expectCollapsed(FIRST, true);
  await expect(blocks.block(FIRST)).toHaveAttribute('data-op', 'block');
  await expect(blocks.block(FIRST)).toHaveAttribute(
    'aria-label',
    /Block neuron\(x1, x2, w11, w12, b1\), collapsed: 5 operations/,
  );
  // Five operations in, five back: eight steps fewer.
  await playground.expectStep(full.n - 8, full.n - 8);
  expect(await playground.checkRows()).toEqual(checkBefore);
  await expect.poll(() => playground.hash()).toContain(`collapse=${encodeURIComponent(FIRST)}`);

  // The link reproduces it: opened fresh, the first call is collapsed and the second is not.
  const link = await playground.hash();
  await playground.gotoHash(link);
  await blocks.expectCollapsed(FIRST, true);
  await blocks.expectCollapsed(SECOND, false);

  // Keyboard: Enter on the block opens it again.
  await blocks.block(FIRST).focus();
  await page.keyboard.press('Enter');
  await blocks.expectCollapsed(FIRST, false);
  await expectNoAxeViolations(page, 'functions: the neuron example');
});

test('a collapsed call is one step of the player and one row of the trace table', async ({
  playground,
  page,
}) => {
  const blocks = new BlocksPage(page);
  const graph = compileOrThrow(NEURON);
  const view = viewGraph(graph, [FIRST, SECOND]);
  const groups = groupSteps(buildTrace(graph, AT, 'reverse'), view);
  const before = groups.findIndex((g) => g.block?.name === FIRST);
  expect(before).toBeGreaterThan(0);
  await playground.gotoHash(
    `${playgroundHash(NEURON, AT, 'reverse', groups[before - 1]!.end)}&collapse=${encodeURIComponent(`${FIRST},${SECOND}`)}`,
  );
  await blocks.expectCollapsed(FIRST, true);
  await blocks.expectCollapsed(SECOND, true);
  await playground.stepForward();
  await expect(playground.currentStep()).toContainText(`${FIRST} computed: 5 operations`);
  await expect(blocks.block(FIRST)).toHaveClass(/gv-node--current/);

  await playground.openDrawerTab('Trace table');
  const row = blocks.traceBlockRow(FIRST);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${FIRST} = block of 5 operations`);
});

const BROKEN: { formula: string; covers: string; says: RegExp }[] = [
  { formula: 'f(t) = t * f(t - 1)\nf(x)', covers: 'f(t - 1)', says: /calls itself/ },
  {
    formula: 'even(t) = odd(t) + 1\nodd(t) = even(t)*2\nodd(x)',
    covers: 'odd(t)',
    says: /even → odd → even/,
  },
  {
    formula: 'sq(t) = t^2\nsq(x, y)',
    covers: 'sq(x, y)',
    says: /takes 1 argument, got 2[\s\S]*`sq\(t\)`/,
  },
  { formula: 'sq(t) = t^2\nsq + 1', covers: 'sq', says: /needs its argument in parentheses/ },
  { formula: 'sin(t) = t\nsin(x)', covers: 'sin', says: /built-in function/ },
];

for (const { formula, covers, says } of BROKEN) {
  test(`${JSON.stringify(formula)} is a diagnostic at ${JSON.stringify(covers)}`, async ({
    playground,
  }) => {
    const built = compile(formula);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    const d = built.diagnostics[0]!;
    expect(formula.slice(d.span.start, d.span.end)).toBe(covers);
    await playground.goto('x*y', { x: 1, y: 2 });
    await playground.formula().fill(formula);
    const alert = playground.diagnostic();
    await expect(alert).toBeVisible();
    await expect(alert).toHaveAttribute('data-start', String(d.span.start));
    await expect(alert).toHaveAttribute('data-end', String(d.span.end));
    await expect(alert).toContainText(says);
  });
}

test('typing a definition alone asks for a line that uses it, not for `f*(…)`', async ({
  playground,
}) => {
  await playground.goto('x*y', { x: 1, y: 2 });
  await playground.typeFormula('f(x) = x^2');
  const alert = playground.diagnostic();
  await expect(alert).toContainText('nothing is computed with it');
  await expect(alert).toContainText('`f(x)`');
  await expect(alert).not.toContainText('f*(');
  await playground.formula().press('Enter');
  await playground.formula().pressSequentially('f(z) + 1');
  await playground.expectNoDiagnostic();
  await expect(playground.variable('z')).toBeVisible();
  await expect(playground.variable('x')).toHaveCount(0);
});

test('a parameter the body never uses is a warning, and the formula still computes', async ({
  playground,
  page,
}) => {
  const formula = 'f(x, y) = x^2\nf(a, b)';
  await playground.goto(formula, { a: 3, b: 1 });
  await playground.expectNoDiagnostic();
  await expect(page.getByTestId('output-value')).toHaveText('9');
  const warning = page.getByTestId('name-warning');
  await expect(warning).toHaveAttribute('data-code', 'unused-parameter');
  await expect(warning).toHaveAttribute('data-start', String(formula.indexOf('y')));
  await expect(warning).toContainText('`y` is a parameter of `f` that its body never uses.');
});

test('the Examples menu has a function of your own', async ({ playground }) => {
  await playground.gotoHash('');
  await playground.chooseExample('Your own function: neuron');
  await expect(playground.formula()).toHaveValue(NEURON);
  await playground.expectNoDiagnostic();
});
