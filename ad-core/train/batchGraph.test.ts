import { describe, expect, it } from 'vitest';
import { blocksOf, viewGraph } from '../blocks.ts';
import { evaluate } from '../evaluate.ts';
import { reverse, gradient } from '../reverse.ts';
import { batchGraph, BATCH_MEAN, BATCH_REST } from './batchGraph.ts';
import { batchLossAndGradient } from './model.ts';
import { MLP, MLP_PARAMS, modelOf, randomRows } from './test-models.ts';

const close = (a: number, b: number) =>
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));

function pointOf(names: readonly string[], values: Float64Array): Record<string, number> {
  const p = Object.create(null) as Record<string, number>;
  names.forEach((n, k) => (p[n] = values[k]!));
  return p;
}

describe('the batch graph', () => {
  const params = Float64Array.from([0.3, -0.2, -0.7, 0.5, 1.1, -0.4, 0.05]);

  for (const rowCount of [1, 5, 21, 25]) {
    it(`has the training loss as its value and the batch gradient as its leaf adjoints (${rowCount} rows)`, () => {
      const model = modelOf(MLP, MLP_PARAMS, randomRows(rowCount, rowCount));
      const built = batchGraph(model, null);
      if (!built.ok) throw new Error('refused');
      const { graph } = built.batch;
      const grad = new Float64Array(params.length);
      const loss = batchLossAndGradient(model, params, null, grad);
      const g = gradient(graph, pointOf(MLP_PARAMS, params));
      close(g.value, loss);
      MLP_PARAMS.forEach((p, k) => close(g.gradient[p]!, grad[k]!));
    });
  }

  it('draws the first 20 rows as blocks, sums the rest in one block, and ends in the mean', () => {
    const model = modelOf(MLP, MLP_PARAMS, randomRows(25, 3));
    const built = batchGraph(model, null);
    if (!built.ok) throw new Error('refused');
    const { graph, blockNames, drawn } = built.batch;
    expect(drawn).toBe(20);
    expect(blockNames).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `row${i + 1}`),
      BATCH_REST,
      BATCH_MEAN,
    ]);
    expect(blocksOf(graph).map((b) => b.name)).toEqual(blockNames);
    // The per-example formula's own bindings are not blocks here: a row is one block, whole.
    const perRow = model.graph.nodes.length - MLP_PARAMS.length;
    const rowBlock = blocksOf(graph).find((b) => b.name === 'row1')!;
    expect(rowBlock.inner).toHaveLength(perRow);
    // All collapsed, the drawing is the parameters, 21 row-like blocks and the mean.
    const view = viewGraph(graph, blockNames);
    expect(view.graph.nodes).toHaveLength(MLP_PARAMS.length + 22);
    expect(graph.variables).toEqual(MLP_PARAMS);
  });

  it('gives every row the adjoint 1/N from the mean', () => {
    const model = modelOf('(w*x + b - y)^2', ['w', 'b'], randomRows(12, 9));
    const built = batchGraph(model, null);
    if (!built.ok) throw new Error('refused');
    const { graph } = built.batch;
    const ev = evaluate(graph, { w: 0.5, b: -1 });
    const { adjoints } = reverse(graph, ev);
    const rows = graph.nodes.filter((n) => n.binding?.startsWith('row'));
    expect(rows).toHaveLength(12);
    for (const n of rows) close(adjoints[n.id]!, 1 / 12);
  });

  it('follows a mini-batch: its rows, named by their data row, and the batch gradient of those rows', () => {
    const model = modelOf('(w*x + b - y)^2', ['w', 'b'], randomRows(30, 4));
    const rows = Int32Array.of(7, 2, 19);
    const built = batchGraph(model, rows);
    if (!built.ok) throw new Error('refused');
    expect(built.batch.blockNames).toEqual(['row8', 'row3', 'row20', BATCH_MEAN]);
    const p = Float64Array.of(0.25, 0.75);
    const grad = new Float64Array(2);
    const loss = batchLossAndGradient(model, p, rows, grad);
    const g = gradient(built.batch.graph, { w: 0.25, b: 0.75 });
    close(g.value, loss);
    close(g.gradient.w!, grad[0]!);
    close(g.gradient.b!, grad[1]!);
  });

  it('refuses a batch over the node limit and says how many rows would fit', () => {
    const model = modelOf(MLP, MLP_PARAMS, randomRows(200, 5));
    const built = batchGraph(model, null, 20, 2000);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.nodes).toBeGreaterThan(2000);
    const fits = batchGraph(
      model,
      Int32Array.from({ length: built.maxRows }, (_, i) => i),
      20,
      2000,
    );
    expect(fits.ok).toBe(true);
    const over = batchGraph(
      model,
      Int32Array.from({ length: built.maxRows + 1 }, (_, i) => i),
      20,
      2000,
    );
    expect(over.ok).toBe(false);
  });

  it('leaves out statements the loss does not use', () => {
    const model = modelOf('unused = sin(w)\n(w*x - y)^2', ['w'], randomRows(3, 1));
    const built = batchGraph(model, null);
    if (!built.ok) throw new Error('refused');
    expect(built.batch.graph.nodes.some((n) => n.op === 'sin')).toBe(false);
  });
});
