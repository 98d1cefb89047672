import { describe, expect, it } from 'vitest';
import { buildTrace, compile, frameAt, viewGraph } from '../../ad-core/index.ts';
import { exampleById } from '../examples.ts';
import { shownRows, traceEntries } from './trace-blocks.ts';
import { traceTableModel } from './trace-rows.ts';

const network = exampleById('network')!;

describe('trace table with blocks', () => {
  const built = compile(network.formula);
  if (!built.ok) throw new Error('does not compile');
  const graph = built.graph;
  const trace = buildTrace(graph, network.at, 'reverse');
  const model = traceTableModel(trace, frameAt(trace, trace.steps.length));

  it('is one row per node without blocks', () => {
    const entries = traceEntries(model, trace, null);
    expect(entries.map((e) => e.kind)).toEqual(model.rows.map(() => 'row'));
  });

  it('shows a collapsed block as one row that opens to its own rows', () => {
    const view = viewGraph(graph, ['h1']);
    const entries = traceEntries(model, trace, view);
    const block = entries.find((e) => e.kind === 'block');
    expect(block?.kind === 'block' && block.inner.length).toBe(5);
    expect(entries.length).toBe(model.rows.length - 4);
    if (block?.kind !== 'block') throw new Error('no block row');
    expect(block.row.operation).toBe('h₁ = block of 5 operations on v₋₁₁, v₋₁₀, v₋₉, v₋₈, v₋₇');
    expect(block.row.value).toBe(trace.evaluation.values[view.blockList[0]!.node]);
    expect(block.row.partials.map((p) => p.label)[0]).toBe('∂h₁/∂v₋₁₁');
    const closed = shownRows(entries, new Set());
    const open = shownRows(entries, new Set(['h1']));
    expect(open.length - closed.length).toBe(5);
    expect(open.filter((r) => r.depth === 1).map((r) => r.row.nodeId)).toEqual(block.inner.map((r) => r.nodeId));
    expect(closed.find((r) => r.block)?.block).toEqual({ name: 'h1', open: false, rows: 5 });
  });
});
