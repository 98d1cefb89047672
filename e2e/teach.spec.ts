// The teaching drawer under the graph: the trace table (stepping, hover link to the graph,
// exports), the error plot, the function slice, forward vs reverse with the merge toggle, typeset
// maths, and an axe scan of every tab in light and dark.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { compile, type Graph } from '../ad-core/index.ts';
import { test, expect } from './fixtures.ts';
import { compileOrThrow, displayed, numbersAgree, parseAttr, traceOf } from './oracle.ts';
import type { DrawerTabName, PlaygroundPage } from './pages/playground-page.ts';

const FORMULA = 'sin(x*y) + cos(x*y)';
const AT = { x: 1, y: 2 };
const TABS: DrawerTabName[] = ['Trace table', 'Error plot', 'Function slice', 'Forward vs reverse'];

/** Input and operation nodes: the trace table's rows (constants live inside the operations). */
function rowNodeIds(graph: Graph): number[] {
  return graph.nodes.filter((n) => n.kind !== 'constant').map((n) => n.id);
}

/** Node id → data-value as the graph draws it. */
async function graphValues(playground: PlaygroundPage): Promise<Map<number, string>> {
  return new Map((await playground.nodes()).map((n) => [n.id, n.value]));
}

/** RFC 4180 fields: commas and quotes inside quoted fields, CRLF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

test('the drawer is a tablist: arrows move between tabs without stepping the player; it folds away', async ({
  playground,
}) => {
  const graph = compileOrThrow(FORMULA);
  const n = traceOf(graph, AT, 'reverse').steps.length;
  await playground.goto(FORMULA, AT, 'reverse', 3);
  const page = playground.page;
  await expect(page.getByRole('tablist', { name: 'Teaching panels' })).toBeVisible();
  await playground.openDrawerTab('Trace table');
  await playground.drawerTab('Trace table').focus();
  await page.keyboard.press('ArrowRight');
  await expect(playground.drawerTab('Error plot')).toBeFocused();
  await expect(playground.drawerTab('Error plot')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  // The last tab, whichever it is (helpers add tabs: Bug lab, Train).
  await expect(
    page.getByRole('tablist', { name: 'Teaching panels' }).getByRole('tab').last(),
  ).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(playground.drawerTab('Trace table')).toHaveAttribute('aria-selected', 'true');
  await playground.expectStep(3, n);

  const toggle = page.getByRole('button', { name: 'Hide panels' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(page.getByRole('tabpanel')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show panels' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  // Folded, the graph and the player are still there.
  await playground.waitForNodeCount(graph.nodes.length);
  await expect(playground.stepCounterLocator()).toBeVisible();
});

test.describe('trace table', () => {
  test('rows fill in as the player steps; the current row follows the step; values match the graph', async ({
    playground,
  }) => {
    const graph = compileOrThrow(FORMULA);
    const trace = traceOf(graph, AT, 'reverse');
    const n = trace.steps.length;
    await playground.goto(FORMULA, AT, 'reverse', 0);
    await playground.waitForNodeCount(graph.nodes.length);
    await playground.openDrawerTab('Trace table');
    await expect(playground.traceRows()).toHaveCount(rowNodeIds(graph).length);

    let rows = await playground.traceRowSnapshots();
    expect(rows.map((r) => r.id)).toEqual(rowNodeIds(graph));
    expect(rows.filter((r) => r.current)).toEqual([]);
    expect(rows.every((r) => r.value === '' && r.derivative === '')).toBe(true);

    for (let k = 1; k <= n; k++) {
      await playground.stepForward();
      const step = trace.steps[k - 1]!;
      const expectedCurrent = 'node' in step ? step.node : null;
      await expect(playground.traceTable().locator('tr[aria-current="step"]')).toHaveAttribute(
        'data-node-id',
        String(expectedCurrent),
      );
      rows = await playground.traceRowSnapshots();
      const drawn = await graphValues(playground);
      for (const row of rows) {
        expect(row.value, `row ${row.id} value at step ${k}`).toBe(drawn.get(row.id));
      }
      const adjoints = new Map((await playground.nodes()).map((node) => [node.id, node.adjoint]));
      for (const row of rows) {
        expect(row.derivative, `row ${row.id} adjoint at step ${k}`).toBe(adjoints.get(row.id));
      }
    }
    // At the end every row has its value and adjoint.
    expect(rows.every((r) => r.value !== '' && r.derivative !== '')).toBe(true);
  });

  test('hovering a row highlights its node, hovering a node highlights its row', async ({
    playground,
  }) => {
    const graph = compileOrThrow(FORMULA);
    await playground.goto(FORMULA, AT);
    await playground.waitForNodeCount(graph.nodes.length);
    await playground.openDrawerTab('Trace table');
    const sin = graph.nodes.find((node) => node.op === 'sin')!.id;
    const cos = graph.nodes.find((node) => node.op === 'cos')!.id;

    await playground
      .traceRows()
      .and(playground.page.locator(`[data-node-id="${sin}"]`))
      .hover();
    await expect(playground.node(sin)).toHaveClass(/gv-node--highlighted/);
    await expect(playground.node(cos)).not.toHaveClass(/gv-node--highlighted/);

    await playground.node(cos).hover();
    await expect(
      playground.traceRows().and(playground.page.locator(`[data-node-id="${cos}"]`)),
    ).toHaveClass(/is-hovered/);
    await expect(
      playground.traceRows().and(playground.page.locator(`[data-node-id="${sin}"]`)),
    ).not.toHaveClass(/is-hovered/);
  });

  test('Copy as Markdown and Copy as LaTeX put the table on the clipboard', async ({
    playground,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const graph = compileOrThrow(FORMULA);
    await playground.goto(FORMULA, AT);
    await playground.waitForNodeCount(graph.nodes.length);
    await playground.openDrawerTab('Trace table');
    const drawn = await graphValues(playground);
    const ids = rowNodeIds(graph);
    const page = playground.page;
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Markdown is on the clipboard' }),
    ).toBeVisible();
    const markdown = (await clipboard()).trim().split('\n');
    expect(markdown[0]).toMatch(/^\| Node \| Operation \| Value \|/);
    expect(markdown[1]).toMatch(/^\|( ?-+:? ?\|)+$/);
    const mdRows = markdown.slice(2).map((line) => line.split('|').map((cell) => cell.trim()));
    expect(mdRows).toHaveLength(ids.length);
    mdRows.forEach((cells, i) => {
      // cells[0] is the empty string before the first bar; [3] is the Value column.
      expect(cells[3], `Markdown value of node ${ids[i]}`).toBe(
        displayed(Number(drawn.get(ids[i]!))),
      );
    });

    await page.getByRole('button', { name: 'Copy as LaTeX' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'LaTeX is on the clipboard' }),
    ).toBeVisible();
    const latex = await clipboard();
    const begins = [...latex.matchAll(/\\begin\{(\w+)\}/g)].map((m) => m[1]);
    const ends = [...latex.matchAll(/\\end\{(\w+)\}/g)].map((m) => m[1]);
    expect(begins).toEqual(['tabular']);
    expect(ends).toEqual(begins);
    const body = latex.slice(latex.indexOf('\\begin{tabular}'), latex.indexOf('\\end{tabular}'));
    const texRows = body
      .split('\n')
      .filter((line) => line.trim().endsWith('\\\\'))
      .slice(1); // the header row
    expect(texRows).toHaveLength(ids.length);
    texRows.forEach((line, i) => {
      const value = line
        .split(' & ')[2]!
        .trim()
        .replace(/^\$|\$$/g, '');
      expect(Number(value), `LaTeX value of node ${ids[i]}`).toBe(
        Number(displayed(Number(drawn.get(ids[i]!))).replace('−', '-')),
      );
    });
    // Every $ opens and closes maths on the same row.
    for (const line of texRows) expect((line.match(/\$/g) ?? []).length % 2).toBe(0);
  });

  test('Download CSV saves the table; it parses back to the numbers on the graph', async ({
    playground,
  }) => {
    const graph = compileOrThrow(FORMULA);
    const n = traceOf(graph, AT, 'reverse').steps.length;
    await playground.goto(FORMULA, AT, 'reverse', n - 3);
    await playground.waitForNodeCount(graph.nodes.length);
    await playground.openDrawerTab('Trace table');
    const page = playground.page;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`trace-reverse-step-${n - 3}.csv`);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = parseCsv(text);
    const col = (name: string) => header!.indexOf(name);
    expect(col('node_id')).toBeGreaterThanOrEqual(0);
    expect(rows.map((r) => Number(r[col('node_id')]))).toEqual(rowNodeIds(graph));
    const nodes = new Map((await playground.nodes()).map((node) => [node.id, node]));
    for (const row of rows) {
      const node = nodes.get(Number(row[col('node_id')]))!;
      // Full precision, exactly as the graph's data-* attributes ('' while not yet computed).
      expect(row[col('value')]).toBe(node.value);
      expect(row[col('adjoint')]).toBe(node.adjoint);
    }
    // Three steps before the end some adjoints are still unknown: the CSV says so with empty cells.
    expect(rows.some((r) => r[col('adjoint')] === '')).toBe(true);
  });
});

test.describe('plots', () => {
  test('error plot: titled, one line per method, follows the chosen variable', async ({
    playground,
  }) => {
    await playground.goto(FORMULA, AT);
    await playground.openDrawerTab('Error plot');
    const page = playground.page;
    const panel = page.getByRole('tabpanel', { name: 'Error plot' });
    await expect(
      panel.getByRole('heading', { name: 'Finite-difference error versus step size' }),
    ).toBeVisible();
    const plot = panel.getByRole('img', { name: /Log-log plot of the finite-difference error/ });
    await expect(plot).toBeVisible();
    await expect(plot).toHaveAttribute('aria-label', /∂f\/∂x/);
    for (const method of ['forward', 'central', 'richardson', 'complex']) {
      await expect(plot.locator(`[data-method="${method}"] path`).first()).toHaveAttribute(
        'd',
        /^M/,
      );
    }
    await panel.getByRole('combobox', { name: 'Along' }).selectOption('y');
    await expect(plot).toHaveAttribute('aria-label', /∂f\/∂y/);
    await expect(panel.getByText('Errors in ∂f/∂y.')).toBeVisible();
  });

  test('function slice follows the sliders; a two-variable formula also gets a contour view', async ({
    playground,
  }) => {
    await playground.goto(FORMULA, AT);
    await playground.openDrawerTab('Function slice');
    const panel = playground.page.getByRole('tabpanel', { name: 'Function slice' });
    await expect(panel.getByRole('heading', { name: 'Function slice' })).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'Contour view' })).toBeAttached();
    const slice = panel.getByRole('img', { name: /^Graph of f against x/ });
    await expect(slice).toHaveAttribute(
      'aria-label',
      new RegExp(`At x = 1, f = ${displayed(Math.sin(2) + Math.cos(2))}`),
    );
    await playground.setVariable('x', 0.5);
    await expect(slice).toHaveAttribute(
      'aria-label',
      new RegExp(`At x = 0.5, f = ${displayed(Math.sin(1) + Math.cos(1))}`),
    );

    await playground.typeFormula('exp(x)');
    await expect(panel.getByRole('img', { name: /^Graph of f against x/ })).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'Contour view' })).toHaveCount(0);
  });
});

test('merge toggle: the shared DAG has fewer nodes, in the graph and in the cost panel', async ({
  playground,
}) => {
  const tree = compileOrThrow(FORMULA);
  const dag = compile(FORMULA, { mergeCommonSubexpressions: true });
  if (!dag.ok) throw new Error('does not compile merged');
  expect(dag.graph.nodes.length).toBeLessThan(tree.nodes.length);
  await playground.goto(FORMULA, AT);
  await playground.waitForNodeCount(tree.nodes.length);
  await playground.openDrawerTab('Forward vs reverse');
  const page = playground.page;
  const counts = page.getByRole('table', { name: 'Node counts with and without merging' });
  await expect(counts.getByRole('row', { name: /As written/ })).toContainText(
    String(tree.nodes.length),
  );
  await expect(counts.getByRole('row', { name: /Merged/ })).toContainText(
    String(dag.graph.nodes.length),
  );
  await expect(page.getByRole('table', { name: 'Cost by mode' })).toBeVisible();
  await expect(page.getByTestId('merge-counts')).toHaveText(
    `tree ${tree.nodes.length} nodes → DAG ${dag.graph.nodes.length} nodes`,
  );

  await playground.mergeToggle().check();
  await playground.waitForNodeCount(dag.graph.nodes.length);
  await expect(counts.getByRole('row', { name: /Merged \(shared DAG\) — shown/ })).toBeVisible();
  // Same function, same gradient: the output and the check do not change.
  await expect(playground.outputValue()).toHaveText(displayed(Math.sin(2) + Math.cos(2)));

  // Folded away, the drawer's switch is out of sight: the graph itself says it is the DAG.
  await page.getByRole('button', { name: 'Hide panels' }).click();
  await page.getByRole('button', { name: 'Merged DAG shown' }).click();
  await expect(playground.mergeToggle()).toBeChecked();

  await playground.mergeToggle().uncheck();
  await playground.waitForNodeCount(tree.nodes.length);
  await expect(page.getByRole('button', { name: 'Merged DAG shown' })).toHaveCount(0);
});

test('the step explanation and the formula are typeset, with the plain text kept', async ({
  playground,
}) => {
  const graph = compileOrThrow(FORMULA);
  const n = traceOf(graph, AT, 'reverse').steps.length;
  await playground.goto(FORMULA, AT, 'reverse', n);
  const page = playground.page;
  const explanation = page.getByRole('region', { name: 'Current step' });
  await expect(page.getByTestId('explanation-tex').locator('.katex').first()).toBeVisible();
  await expect(explanation).toContainText('+=');
  await expect(page.getByTestId('formula-tex').locator('.katex').first()).toBeVisible();
});

test('gradient pass by pass: one forward pass per input gives one entry; Show pass k plays it', async ({
  playground,
}) => {
  const graph = compileOrThrow(FORMULA);
  await playground.goto(FORMULA, AT, 'reverse');
  await playground.waitForNodeCount(graph.nodes.length);
  await playground.openDrawerTab('Forward vs reverse');
  const page = playground.page;
  const table = page.getByRole('table', { name: 'Gradient pass by pass', exact: true });
  const passRows = table.locator('tr[data-pass][data-variable]');
  await expect(passRows).toHaveCount(graph.variables.length);
  const rows = await passRows.evaluateAll((els) =>
    els.map((e) => ({
      pass: e.getAttribute('data-pass'),
      variable: e.getAttribute('data-variable'),
      tangent: e.getAttribute('data-tangent') ?? '',
      text: e.textContent ?? '',
    })),
  );
  expect(rows.map((r) => r.variable)).toEqual(graph.variables);
  expect(rows.map((r) => r.pass)).toEqual(graph.variables.map((_, k) => String(k + 1)));

  // Pass k's output tangent is the k-th entry of the gradient the check panel shows (reverse mode).
  const checks = new Map((await playground.checkRows()).map((c) => [c.variable, c.ad]));
  const reverseRow = table.locator('tr[data-pass="reverse"]');
  for (const row of rows) {
    const ad = parseAttr(checks.get(row.variable!) ?? '');
    expect(
      numbersAgree(parseAttr(row.tangent), ad),
      `pass ${row.pass}: ${row.tangent} vs AD ${ad}`,
    ).toBe(true);
    // And the class sees it: the same rounded number in the pass's row and in the reverse row.
    const shown = `∂f/∂${row.variable} = ${displayed(ad)}`;
    expect(row.text).toContain(shown);
    await expect(reverseRow).toContainText(shown);
  }

  const second = rows[1]!;
  await table.getByRole('button', { name: 'Show pass 2', exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Forward', exact: true })).toBeChecked();
  await expect(passRows.nth(1)).toHaveAttribute('aria-current', 'true');
  await playground.goToEnd();
  const nodes = await playground.nodes();
  expect(nodes.every((node) => node.tangent !== null && node.tangent !== '')).toBe(true);
  // The graph animates exactly that pass: the output's tangent is the row's entry.
  expect(nodes.find((node) => node.id === graph.output)!.tangent).toBe(second.tangent);
  const input = graph.inputs[graph.variables.indexOf(second.variable!)]!;
  expect(nodes.find((node) => node.id === input)!.tangent).toBe('1');

  await table.getByRole('button', { name: 'Show reverse pass', exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Reverse', exact: true })).toBeChecked();
  await expect(reverseRow).toHaveAttribute('aria-current', 'true');
});

test.describe('accessibility of the drawer', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`every tab has no WCAG 2.2 AA violation (${scheme})`, async ({ playground }) => {
      await playground.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const graph = compileOrThrow(FORMULA);
      const n = traceOf(graph, AT, 'reverse').steps.length;
      await playground.goto(FORMULA, AT, 'reverse', n - 2);
      await playground.waitForNodeCount(graph.nodes.length);
      for (const tab of TABS) {
        await playground.openDrawerTab(tab);
        // Plots and KaTeX settle in a background render; scan them drawn.
        await playground.page.waitForTimeout(300);
        const results = await new AxeBuilder({ page: playground.page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        const summary = results.violations.map(
          (v) =>
            `${v.id}: ${v.help}\n${v.nodes.map((node) => `  ${node.target.join(' ')} ${node.failureSummary ?? ''}`).join('\n')}`,
        );
        expect(summary, `${tab} (${scheme})`).toEqual([]);
      }
    });
  }
});
