// Dual numbers: at every forward step of a reference case the node reads value + tangent·ε and
// the step is written as dual arithmetic, with ε² = 0 said once.
import { formatNumber } from '../ad-core/index.ts';
import { test, expect } from './fixtures.ts';
import { compileOrThrow, referenceCase, traceOf } from './oracle.ts';
import { BugLab } from './pages/buglab.ts';

const dual = (v: number, t: number) =>
  `${formatNumber(v)} ${t < 0 ? '−' : '+'} ${formatNumber(Math.abs(t))}ε`;

test('dual numbers: each forward step of the Baydin example as a + bε', async ({
  playground,
  page,
}) => {
  const ref = referenceCase('baydin-2018');
  const graph = compileOrThrow(ref.formula);
  const trace = traceOf(graph, ref.at, 'forward');
  const lab = new BugLab(page);

  await playground.goto(ref.formula, ref.at, 'reverse');
  await playground.waitForNodeCount(graph.nodes.length);
  await expect(lab.dualToggle(), 'only in forward mode').toHaveCount(0);

  await playground.goto(ref.formula, ref.at, 'forward', 0);
  await playground.waitForNodeCount(graph.nodes.length);
  await lab.dualToggle().check();

  let epsilonSquared = 0;
  for (let k = 1; k <= trace.steps.length; k++) {
    await playground.stepForward();
    const step = trace.steps[k - 1]!;
    if (step.kind !== 'evaluate' || step.tangent === undefined) continue;
    const node = graph.nodes[step.node]!;
    const lines = lab.dualLines();
    await expect(lines).toContainText(`${node.name} = `);
    await expect(lines).toContainText(`= ${dual(step.value, step.tangent)}`);
    if (node.kind === 'op') await expect(lines).toContainText('a + bε');
    if ((await lines.innerText()).includes('ε² = 0 is used')) epsilonSquared += 1;
    // The graph node writes its tangent as the ε part.
    await expect(playground.node(step.node)).toContainText(
      `${formatNumber(Math.abs(step.tangent))}ε`,
    );
  }
  expect(epsilonSquared, 'ε² = 0 is said exactly once').toBe(1);
});
