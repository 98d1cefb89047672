// The Hessian section of the Function slice tab: each entry by forward-over-reverse against the
// closed form (to 1e-8), each beside its finite difference and a passing check; the slice's
// osculating parabola uses the diagonal entry.
import { test, expect } from './fixtures.ts';
import { compileOrThrow, displayed, referenceCase } from './oracle.ts';
import { expectNoAxeViolations } from './axe-scan.ts';

interface HessianCase {
  name: string;
  /** The closed form at the case's point, keyed row → column by variable name. */
  closedForm: (at: Record<string, number>) => Record<string, Record<string, number>>;
}

const CASES: HessianCase[] = [
  {
    // ln x1 + x1·x2 − sin x2: ∂²/∂x1² = −1/x1², ∂²/∂x1∂x2 = 1, ∂²/∂x2² = sin x2.
    name: 'baydin-2018',
    closedForm: ({ x1, x2 }) => ({
      x1: { x1: -1 / (x1! * x1!), x2: 1 },
      x2: { x1: 1, x2: Math.sin(x2!) },
    }),
  },
  {
    // (1 − x)² + 100(y − x²)²: 2 − 400(y − x²) + 800x², −400x, 200.
    name: 'rosenbrock',
    closedForm: ({ x, y }) => ({
      x: { x: 2 - 400 * (y! - x! * x!) + 800 * x! * x!, y: -400 * x! },
      y: { x: -400 * x!, y: 200 },
    }),
  },
];

for (const c of CASES) {
  test(`Hessian of ${c.name}: every entry against its closed form, checked by finite differences`, async ({
    playground,
    page,
  }) => {
    const ref = referenceCase(c.name);
    const graph = compileOrThrow(ref.formula);
    const expected = c.closedForm(ref.at);
    await playground.goto(ref.formula, ref.at);
    await playground.waitForNodeCount(graph.nodes.length);
    await playground.openDrawerTab('Function slice');
    const panel = page.getByRole('tabpanel', { name: 'Function slice' });
    const table = panel.getByRole('table', { name: 'Hessian' });
    await expect(table).toBeVisible();

    for (const row of graph.variables) {
      for (const column of graph.variables) {
        const cell = table.locator(`td[data-row="${row}"][data-column="${column}"]`);
        await expect(cell).toHaveAttribute('data-status', 'pass');
        const ad = Number(await cell.getAttribute('data-ad'));
        expect(ad, `∂²f/∂${row}∂${column}`).toBeCloseTo(expected[row]![column]!, 8);
        await expect(cell).toContainText(displayed(expected[row]![column]!));
      }
    }

    // The slice's dotted parabola is drawn with the Hessian's diagonal entry for its variable.
    const slice = panel.getByRole('img', { name: /^Graph of f against / });
    const sliced = /^Graph of f against (\S+)/.exec(
      (await slice.getAttribute('aria-label')) ?? '',
    )?.[1];
    expect(sliced && graph.variables.includes(sliced)).toBeTruthy();
    await expect(panel).toContainText(
      `osculating parabola, curvature ∂²f/∂${sliced}² = ${displayed(expected[sliced!]![sliced!]!)} from the Hessian`,
    );
    await expectNoAxeViolations(page, `with the Hessian of ${c.name} shown`);
  });
}
