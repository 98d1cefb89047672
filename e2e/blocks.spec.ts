import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations } from './axe-scan.ts';
import { BlocksPage } from './pages/blocks.ts';
import { playgroundHash } from './pages/playground-page.ts';

// Issue 8, item 2: a binding is a block that collapses into one node and expands again.
const NETWORK = [
  'h1 = tanh(w11*x1 + w12*x2 + b1)',
  'h2 = tanh(w21*x1 + w22*x2 + b2)',
  'y = w1*h1 + w2*h2 + b',
  '(y - t)^2',
].join('\n');
const AT = {
  x1: 0.5,
  x2: -1.5,
  w11: 0.8,
  w12: -0.4,
  b1: 0.1,
  w21: 0.3,
  w22: 0.9,
  b2: -0.2,
  w1: 1.5,
  w2: -1.1,
  b: 0.3,
  t: 1,
};
/** The network with every block expanded (a link that says so, overriding the fit). */
const EXPANDED = `${playgroundHash(NETWORK, AT)}&collapse=`;
const AT_NAMES = Object.keys(AT);
/** h₁ hides four operations besides its own node: 4 evaluate and 4 propagate steps (its
 *  parameters' steps stay, shown on the block). */
const HIDDEN_STEPS = 8;

test('the fit collapses the network to keep text readable, and says so', async ({
  playground,
  page,
}) => {
  const blocks = new BlocksPage(page);
  await playground.gotoHash('');
  await playground.chooseExample('Tiny network: 2-2-1 with a loss');
  await expect(blocks.note()).toBeVisible();
  const collapsed = await blocks.collapsedNodes().count();
  expect(collapsed).toBeGreaterThan(0);
  await expect(blocks.note()).toContainText(
    `${collapsed} ${collapsed === 1 ? 'block' : 'blocks'} collapsed to fit — expand any`,
  );
  // The default is not written into the link.
  await expect.poll(() => playground.hash()).not.toContain('collapse=');
  // Expanding one by hand is the user's choice: the fit does not collapse it again.
  const first = blocks.collapsedNodes().first();
  const name = (await first.getAttribute('data-block'))!;
  await first.click();
  await blocks.expectCollapsed(name, false);
  await expect.poll(() => playground.hash()).toContain('collapse=');
  await page.waitForTimeout(400);
  await blocks.expectCollapsed(name, false);
  await blocks.note().getByRole('button', { name: 'Expand all' }).click();
  await expect(blocks.collapsedNodes()).toHaveCount(0);
  await expect(blocks.note()).toBeHidden();
});

test('collapse and expand by mouse: one node, fewer steps, the same gradient check', async ({
  playground,
  page,
}) => {
  const blocks = new BlocksPage(page);
  await playground.gotoHash(EXPANDED);
  await blocks.expectCollapsed('h1', false);
  const full = await playground.stepCounter();
  const nodesBefore = await playground.nodeLocator().count();
  const checkBefore = await playground.checkRows();
  const h1Value = await blocks.block('h1').getAttribute('data-value');
  const h1Adjoint = await blocks.block('h1').getAttribute('data-adjoint');

  await blocks.clickTag('h1');
  await blocks.expectCollapsed('h1', true);
  await expect(blocks.block('h1')).toHaveAttribute('data-op', 'block');
  // The block shows the binding's own value and adjoint.
  await expect(blocks.block('h1')).toHaveAttribute('data-value', h1Value!);
  await expect(blocks.block('h1')).toHaveAttribute('data-adjoint', h1Adjoint!);
  // Its four inner operations are hidden, and so are its parameters w11, w12 and b1 (read by
  // nothing else): they are written on the block; x1 and x2, read by h2 too, stay nodes.
  await expect(playground.nodeLocator()).toHaveCount(nodesBefore - 4 - 3);
  expect(
    await blocks
      .block('h1')
      .locator('[data-param]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-param'))),
  ).toEqual(['w11', 'w12', 'b1']);
  await expect(playground.page.locator('[data-testid="graph-node"][data-op="input"]')).toHaveCount(
    AT_NAMES.length - 3,
  );
  await playground.expectStep(full.n - HIDDEN_STEPS, full.n - HIDDEN_STEPS);
  expect(await playground.checkRows()).toEqual(checkBefore);
  await expect.poll(() => playground.hash()).toContain('collapse=h1');

  await blocks.block('h1').click();
  await blocks.expectCollapsed('h1', false);
  await expect(playground.nodeLocator()).toHaveCount(nodesBefore);
  await playground.expectStep(full.n, full.n);
  expect(await playground.checkRows()).toEqual(checkBefore);
});

test('collapse and expand by keyboard, with a visible focus ring', async ({ playground, page }) => {
  const blocks = new BlocksPage(page);
  await playground.gotoHash(EXPANDED);
  const node = blocks.block('h2');
  await expect(node).toHaveAttribute('aria-label', /press C to collapse/);
  await node.focus();
  await page.keyboard.press('c');
  await blocks.expectCollapsed('h2', true);
  const block = blocks.block('h2');
  await expect(block).toHaveAttribute(
    'aria-label',
    /Block h₂, collapsed: 5 operations.*press Enter or E to expand/,
  );
  await block.focus();
  await expect(block.locator('.gv-focus-ring')).toBeVisible();
  await page.keyboard.press('Enter');
  await blocks.expectCollapsed('h2', false);
  await blocks.block('h2').focus();
  await page.keyboard.press('c');
  await blocks.expectCollapsed('h2', true);
  await blocks.block('h2').focus();
  await page.keyboard.press('e');
  await blocks.expectCollapsed('h2', false);
});

test('the player steps over a collapsed block as one step, forward and back', async ({
  playground,
  page,
}) => {
  const blocks = new BlocksPage(page);
  // Step 12: the twelve inputs are known; with both neurons collapsed h₁'s block is next (the
  // tape interleaves the two neurons' operations, and each block gathers its own).
  await playground.gotoHash(`${playgroundHash(NETWORK, AT, 'reverse', 12)}&collapse=h1,h2`);
  await blocks.expectCollapsed('h1', true);
  await blocks.expectCollapsed('h2', true);
  const { n } = await playground.stepCounter();
  await playground.expectStep(12, n);
  await expect(blocks.block('h1')).toHaveAttribute('data-value', '');
  await playground.stepForward();
  await expect(playground.currentStep()).toContainText('h₁ computed: 5 operations');
  await expect(blocks.block('h1')).toHaveClass(/gv-node--current/);
  await expect(blocks.block('h1')).not.toHaveAttribute('data-value', '');
  await playground.stepForward();
  await expect(playground.currentStep()).toContainText('h₂ computed: 5 operations');
  await expect(blocks.block('h1')).not.toHaveClass(/gv-node--current/);
  // h₁ is the last node the adjoint reaches: the last step is its block, one contribution per edge.
  await playground.goToEnd();
  await expect(playground.currentStep()).toContainText(
    "h₁'s adjoint flows back through 5 operations",
  );
  await expect(playground.currentStep().getByText(/^adjoint of .* \+= /)).toHaveCount(5);
  await expect(blocks.block('h1')).toHaveClass(/gv-node--current/);
  await playground.stepBack();
  await playground.expectStep(n - 1, n);
  await expect(playground.currentStep()).toContainText(
    "h₂'s adjoint flows back through 5 operations",
  );
});

test('the trace table shows a collapsed block as one row that opens', async ({
  playground,
  page,
}) => {
  const blocks = new BlocksPage(page);
  await playground.gotoHash(`${playgroundHash(NETWORK, AT)}&collapse=h1`);
  await playground.openDrawerTab('Trace table');
  const row = blocks.traceBlockRow('h1');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('h₁ = block of 5 operations');
  const rowsClosed = await playground.traceRows().count();
  const disclosure = row.getByRole('button', { name: 'Show the 5 rows inside block h1' });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await disclosure.click();
  await expect(playground.traceRows()).toHaveCount(rowsClosed + 5);
  await expect(
    row.getByRole('button', { name: 'Hide the 5 rows inside block h1' }),
  ).toHaveAttribute('aria-expanded', 'true');
});

test('collapse= in the link round-trips; a malformed one gets the bad-link fallback', async ({
  playground,
  page,
}) => {
  const blocks = new BlocksPage(page);
  const link = `${playgroundHash(NETWORK, AT)}&collapse=h1,h2`;
  await playground.gotoHash(link);
  await blocks.expectCollapsed('h1', true);
  await blocks.expectCollapsed('h2', true);
  await blocks.expectCollapsed('y', false);
  await expect.poll(() => playground.hash()).toContain('collapse=h1,h2');

  await playground.gotoHash(`${playgroundHash(NETWORK, AT)}&collapse=h1,,h2`);
  await expect(playground.linkNotice()).toContainText('Could not open that link');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`collapsed blocks and an opened trace-table block have no axe violations (${scheme})`, async ({
    playground,
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const blocks = new BlocksPage(page);
    await playground.gotoHash(`${playgroundHash(NETWORK, AT)}&collapse=h1,h2`);
    await blocks.expectCollapsed('h1', true);
    await playground.openDrawerTab('Trace table');
    await blocks
      .traceBlockRow('h1')
      .getByRole('button', { name: /rows inside block h1/ })
      .click();
    await expectNoAxeViolations(page, `network with blocks collapsed (${scheme})`);
  });
}
