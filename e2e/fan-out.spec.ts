// Fan-out: x feeds three edges in x*x + x, so during the reverse pass its adjoint is seen
// accumulating contribution by contribution to 2x + 1, never assigned in one go.
import { test, expect } from './fixtures.ts';
import {
  compileOrThrow,
  explanationLines,
  expectGraphShowsFrame,
  framesOf,
  numbersAgree,
  parseAttr,
  traceOf,
} from './oracle.ts';

const FORMULA = 'x*x + x';

for (const x of [3, -0.75]) {
  test(`fan-out x*x + x at x = ${x}: the adjoint of x accumulates to 2x + 1`, async ({
    playground,
  }) => {
    const graph = compileOrThrow(FORMULA);
    const xNode = graph.inputs[0]!;
    expect(
      graph.outEdges[xNode]!.length,
      'x has three outgoing edges (two into ×, one into +)',
    ).toBe(3);

    await playground.goto(FORMULA, { x }, 'reverse', 0);
    await playground.waitForNodeCount(graph.nodes.length);
    const trace = traceOf(graph, { x }, 'reverse');
    const frames = framesOf(trace);
    const n = trace.steps.length;
    await playground.expectStep(0, n);
    await expect(playground.node(xNode)).toHaveAttribute('data-op', 'input');
    await expect(playground.node(xNode), 'no adjoint before the reverse pass').toHaveAttribute(
      'data-adjoint',
      '',
    );

    // The three contributions x receives: ∂(x·x)/∂x along each edge times v̄(x·x) = 1, and 1 from +.
    const contributions = [x, x, 1];
    const partialSums = new Set<number>();
    for (let mask = 1; mask < 8; mask++) {
      partialSums.add(contributions.reduce((s, c, i) => (mask & (1 << i) ? s + c : s), 0));
    }

    const seen: string[] = [];
    for (let k = 1; k <= n; k++) {
      await playground.stepForward();
      await expectGraphShowsFrame(
        playground,
        graph,
        frames[k]!,
        ['value', 'adjoint'],
        `step ${k} / ${n}`,
      );
      // Each contribution to x is spelled out, with the running sum.
      for (const line of explanationLines(trace, k)) {
        await expect(playground.currentStep(), `step ${k} explained`).toContainText(line);
      }
      const adjoint = (await playground.nodes())[xNode]!.adjoint;
      if (adjoint !== '' && adjoint !== seen.at(-1)) seen.push(adjoint);
    }

    expect(
      seen.length,
      `x's adjoint was seen as a running sum: ${seen.join(' → ')}`,
    ).toBeGreaterThanOrEqual(2);
    for (const s of seen) {
      const v = parseAttr(s);
      expect(
        [...partialSums].some((p) => numbersAgree(v, p)),
        `${s} is a sum of some of ${contributions.join(', ')}`,
      ).toBe(true);
    }
    expect(
      numbersAgree(parseAttr(seen.at(-1)!), 2 * x + 1),
      `final adjoint ${seen.at(-1)} = 2x + 1`,
    ).toBe(true);
    await expect(playground.gradientCheck().locator('[data-variable="x"]')).toHaveAttribute(
      'data-status',
      'pass',
    );
  });
}
