// (a) The Baydin et al. (2018) trace example, typed in by hand and stepped through node by node.
import { test, expect } from './fixtures.ts';
import {
  compileOrThrow,
  displayed,
  explanationLines,
  expectGraphShowsFrame,
  framesOf,
  numbersAgree,
  parseAttr,
  referenceCase,
  traceOf,
} from './oracle.ts';
import type { NodeSnapshot } from './pages/playground-page.ts';

const baydin = referenceCase('baydin-2018');

test('the Baydin example typed in: forward values, reverse adjoints, gradient check', async ({
  playground,
}) => {
  await playground.gotoHash('');
  await playground.typeFormula(baydin.formula);
  await expect(playground.formula()).toHaveValue(baydin.formula);

  const graph = compileOrThrow(baydin.formula);
  expect(graph.variables.slice().sort()).toEqual(Object.keys(baydin.at).sort());
  for (const name of graph.variables) await playground.setVariable(name, baydin.at[name]!);
  for (const name of graph.variables)
    await expect(playground.variable(name)).toHaveValue(String(baydin.at[name]));

  const trace = traceOf(graph, baydin.at, 'reverse');
  const frames = framesOf(trace);
  const n = trace.steps.length;
  await playground.waitForNodeCount(graph.nodes.length);

  await playground.reset();
  await playground.expectStep(0, n);

  // Walk every step, checking every node against the engine's frame for that step: values appear
  // one node at a time in the forward pass (empty before), adjoints in the reverse pass.
  const seen: NodeSnapshot[][] = [];
  let knownValues = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) await playground.stepForward();
    await playground.expectStep(k, n);
    await expectGraphShowsFrame(
      playground,
      graph,
      frames[k]!,
      ['value', 'adjoint'],
      `step ${k} / ${n}`,
    );
    // The side panel says what happened, in words and numbers, as the engine words it.
    for (const line of k > 0 ? explanationLines(trace, k) : []) {
      await expect(playground.currentStep(), `step ${k} explained`).toContainText(line);
    }
    const nodes = await playground.nodes();
    const nowKnown = nodes.filter((node) => node.value !== '').length;
    expect(nowKnown - knownValues, `step ${k}: at most one new value per step`).toBeLessThanOrEqual(
      1,
    );
    expect(nowKnown, `step ${k}: a known value never disappears`).toBeGreaterThanOrEqual(
      knownValues,
    );
    knownValues = nowKnown;
    seen.push(nodes);
  }
  expect(knownValues, 'every node has a value by the end').toBe(graph.nodes.length);
  // The forward pass really was shown step by step, not all at once.
  expect(
    seen[0]!.filter((node) => node.value !== '' && graph.nodes[node.id]!.kind === 'op'),
  ).toEqual([]);

  // The finished reverse pass gives the literature's gradient and value.
  const final = seen[n]!;
  for (const [i, name] of graph.variables.entries()) {
    const adjoint = parseAttr(final[graph.inputs[i]!]!.adjoint);
    expect(
      numbersAgree(adjoint, baydin.gradient[name]!),
      `adjoint of ${name}: ${adjoint} vs ${baydin.gradient[name]}`,
    ).toBe(true);
  }
  const outputValue = parseAttr(final[graph.output]!.value);
  expect(
    numbersAgree(outputValue, baydin.value),
    `output value ${outputValue} vs ${baydin.value}`,
  ).toBe(true);
  await expect(playground.outputValue()).toContainText(displayed(baydin.value));

  // Every partial agrees with finite differences.
  const rows = await playground.checkRows();
  expect(rows.map((r) => r.variable).sort()).toEqual(Object.keys(baydin.gradient).sort());
  for (const row of rows) {
    expect(row.status, `gradient-check status of ${row.variable}`).toBe('pass');
    expect(
      numbersAgree(parseAttr(row.ad), baydin.gradient[row.variable]!),
      `data-ad of ${row.variable}`,
    ).toBe(true);
    expect(
      numbersAgree(parseAttr(row.fd), baydin.gradient[row.variable]!, 1e-6),
      `data-fd of ${row.variable}`,
    ).toBe(true);
  }

  // Step back undoes, exactly, across the reverse pass and back into the forward pass.
  for (let k = n - 1; k >= Math.max(0, n - 4); k--) {
    await playground.stepBack();
    await playground.expectStep(k, n);
    await expect
      .poll(() => playground.nodes(), { message: `after Step back to ${k}` })
      .toEqual(seen[k]);
  }
  await playground.goToEnd();
  await expect.poll(() => playground.nodes(), { message: 'Go to end' }).toEqual(seen[n]);
  await playground.reset();
  await expect.poll(() => playground.nodes(), { message: 'Reset' }).toEqual(seen[0]);
});
