// The bug lab: each bug makes the gradient check show a mismatch, and the trace row and graph node
// where the buggy pass first departs carry data-bug-origin; `Find the bug` right and wrong.
import AxeBuilder from '@axe-core/playwright';
import { BUGS, bugNode, buggyPass, checkBuggyPass } from '../ad-core/index.ts';
import { pickHiddenBug } from '../app/buglab/challenge.ts';
import { test, expect } from './fixtures.ts';
import { compileOrThrow, parseAttr, referenceCase, traceOf } from './oracle.ts';
import { BugLab } from './pages/buglab.ts';
import { playgroundHash } from './pages/playground-page.ts';

const ref = referenceCase('baydin-2018');

for (const info of BUGS) {
  test(`bug lab, ${info.title}: the check shows the mismatch and the origin is marked`, async ({
    playground,
    page,
  }) => {
    const graph = compileOrThrow(ref.formula);
    const pass = buggyPass(traceOf(graph, ref.at, 'reverse'), { kind: info.kind });
    const departure = pass.departure;
    expect(departure, 'the bug shows on the Baydin example').not.toBeNull();
    const expected = checkBuggyPass(pass, ref.at);

    await playground.goto(ref.formula, ref.at, 'reverse');
    await playground.waitForNodeCount(graph.nodes.length);
    const lab = new BugLab(page);
    await lab.open();
    await expect(lab.bugChoice().locator('option').first()).toHaveText(/no bug/i);
    await lab.choose(info.title);

    // The check compares the buggy AD with finite differences: the partials it broke mismatch.
    await expect
      .poll(async () => (await playground.checkRows()).map((r) => r.status))
      .toEqual(expected.map((r) => r.status));
    expect(expected.map((r) => r.status)).toContain('mismatch');
    const rows = await playground.checkRows();
    graph.inputs.forEach((node, i) => expect(parseAttr(rows[i]!.ad)).toBe(pass.adjoints[node]));

    // The graph shows the buggy adjoints.
    const nodes = await playground.nodes();
    for (const node of graph.inputs)
      expect(parseAttr(nodes[node]!.adjoint)).toBe(pass.adjoints[node]);

    // The first departing node and trace row are marked, and only they.
    await expect(lab.originNodes()).toHaveCount(1);
    await expect(lab.originNodes()).toHaveAttribute('data-node-id', String(departure!.node));
    await expect(lab.result()).toContainText(`step ${departure!.step}`);
    await playground.openDrawerTab('Trace table');
    await expect(lab.originRows()).toHaveCount(1);
    await expect(lab.originRows()).toHaveAttribute('data-node-id', String(departure!.node));
  });
}

test('bug lab: the origin is marked from the step where the passes part, not before', async ({
  playground,
  page,
}) => {
  const graph = compileOrThrow(ref.formula);
  const pass = buggyPass(traceOf(graph, ref.at, 'reverse'), { kind: 'no-chain' });
  const d = pass.departure!;
  await playground.gotoHash(
    `${playgroundHash(ref.formula, ref.at, 'reverse', d.step - 1)}&bug=no-chain`,
  );
  await playground.waitForNodeCount(graph.nodes.length);
  const lab = new BugLab(page);
  await expect(lab.originNodes()).toHaveCount(0);
  await playground.stepForward();
  await expect(lab.originNodes()).toHaveAttribute('data-node-id', String(d.node));
  // The step's explanation says what the bug did.
  await expect(page.getByTestId('bug-step-note')).toContainText('alone');
  // A malformed bug in a link falls back to the default example with a notice.
  await playground.gotoHash(`${playgroundHash(ref.formula, ref.at)}&bug=nonsense`);
  await expect(
    page.getByRole('status').filter({ hasText: 'Could not open that link' }),
  ).toBeVisible();
});

test('find the bug: a right answer and a wrong one, explained and scored', async ({
  playground,
  page,
}) => {
  const graph = compileOrThrow(ref.formula);
  const trace = traceOf(graph, ref.at, 'reverse');
  await playground.goto(ref.formula, ref.at, 'reverse');
  await playground.waitForNodeCount(graph.nodes.length);
  const lab = new BugLab(page);
  await lab.open();
  await lab.startChallenge().click();

  // Round 1 (seed 1): the bug shows in the check but nothing names or marks it.
  const first = pickHiddenBug(trace, 1)!;
  const firstPass = buggyPass(trace, first);
  await expect
    .poll(async () => (await playground.checkRows()).map((r) => r.status))
    .toEqual(checkBuggyPass(firstPass, ref.at).map((r) => r.status));
  await expect(lab.originNodes()).toHaveCount(0);
  expect(await playground.hash()).not.toContain('bug=');
  const answer = bugNode(graph, first)!;
  await playground.node(answer).press('Enter');
  await lab.accuse().click();
  await expect(lab.verdict()).toHaveAttribute('data-right', 'true');
  await expect(lab.verdict()).toContainText(BUGS.find((b) => b.kind === first.kind)!.title);
  await lab.expectScore(1, 1);
  // Revealed: now the origin is marked.
  await expect(lab.originNodes()).toHaveCount(1);

  // Round 2 (seed 2): a wrong suspect.
  await lab.nextBug().click();
  const second = pickHiddenBug(trace, 2)!;
  const right = bugNode(graph, second)!;
  const wrong = right === graph.output ? graph.inputs[0]! : graph.output;
  await playground.node(wrong).press('Enter');
  await lab.accuse().click();
  await expect(lab.verdict()).toHaveAttribute('data-right', 'false');
  await expect(lab.verdict()).toContainText('The bug is in');
  await expect(lab.verdict()).toContainText(BUGS.find((b) => b.kind === second.kind)!.title);
  await lab.expectScore(1, 2);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`bug lab, find the bug and dual numbers: no WCAG violation (${scheme})`, async ({
    playground,
    page,
  }) => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const violations = async () =>
      (await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    await page.emulateMedia({ colorScheme: scheme });
    const graph = compileOrThrow(ref.formula);
    await playground.gotoHash(
      `${playgroundHash(ref.formula, ref.at, 'reverse')}&panel=bugs&bug=wrong-rule`,
    );
    await playground.waitForNodeCount(graph.nodes.length);
    const lab = new BugLab(page);
    await expect(lab.result()).toBeVisible();
    expect(await violations()).toEqual([]);

    await lab.choose('No bug (the correct pass)');
    await lab.startChallenge().click();
    await playground.node(graph.output).press('Enter');
    await lab.accuse().click();
    await expect(lab.verdict()).toBeVisible();
    expect(await violations()).toEqual([]);

    await playground.goto(ref.formula, ref.at, 'forward', 4);
    await lab.dualToggle().check();
    await expect(lab.dualLines()).toBeVisible();
    expect(await violations()).toEqual([]);
  });
}
