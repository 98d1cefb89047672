// The trace table with blocks collapsed: a collapsed block is one row (its binding's value and
// derivative, its operations counted, its arguments named), which opens to show its own rows.
import { blockLabel, blockPartials, type BlockView, type Trace } from '../../ad-core/index.ts';
import type { PartialCell, TraceRow, TraceTableModel } from './trace-rows.ts';

/** One row as shown: a block's summary, or a row (at depth 1 when inside an opened block). */
export interface ShownRow {
  key: string;
  row: TraceRow;
  depth: 0 | 1;
  /** Set on a block's summary row. */
  block?: { name: string; open: boolean; rows: number };
}

/** The rows to draw, blocks open where `open` names them. */
export function shownRows(entries: readonly TraceEntry[], open: ReadonlySet<string>): ShownRow[] {
  const out: ShownRow[] = [];
  for (const e of entries) {
    if (e.kind === 'row') {
      out.push({ key: e.key, row: e.row, depth: 0 });
      continue;
    }
    const isOpen = open.has(e.name);
    out.push({ key: e.key, row: e.row, depth: 0, block: { name: e.name, open: isOpen, rows: e.inner.length } });
    if (isOpen) for (const r of e.inner) out.push({ key: `n${r.nodeId}`, row: r, depth: 1 });
  }
  return out;
}

export type TraceEntry =
  | { kind: 'row'; key: string; row: TraceRow }
  | { kind: 'block'; key: string; name: string; row: TraceRow; inner: TraceRow[] };

/** The model's rows as entries: one per row, except a collapsed block's rows, which become one. */
export function traceEntries(model: TraceTableModel, trace: Trace, view: BlockView | null): TraceEntry[] {
  if (!view || view.source !== trace.graph) {
    return model.rows.map((row) => ({ kind: 'row', key: `n${row.nodeId}`, row }));
  }
  const graph = trace.graph;
  const inner = new Map<number, TraceRow[]>();
  const entries: TraceEntry[] = [];
  for (const row of model.rows) {
    const owner = view.ownerOf[row.nodeId] ?? -1;
    if (owner < 0) {
      entries.push({ kind: 'row', key: `n${row.nodeId}`, row });
      continue;
    }
    const block = view.blockList[owner]!;
    const list = inner.get(owner) ?? [];
    inner.set(owner, list);
    list.push(row);
    if (row.nodeId !== block.node) continue;
    const label = blockLabel(block.name);
    const argName = (id: number) => graph.nodes[id]?.name ?? '?';
    const jac = blockPartials(graph, block, trace.evaluation.partials);
    const partials: PartialCell[] = [];
    block.args.forEach((a, j) => {
      if (graph.nodes[a]?.kind === 'constant') return;
      partials.push({
        edge: -1 - j,
        label: `∂${label}/∂${argName(a)}`,
        wrt: a,
        value: row.value === null ? null : (jac[j] ?? null),
      });
    });
    const ops = `${block.operations} operation${block.operations === 1 ? '' : 's'}`;
    const args = block.args.filter((a) => graph.nodes[a]?.kind !== 'constant').map(argName);
    entries.push({
      kind: 'block',
      key: `b${block.name}`,
      name: block.name,
      row: {
        ...row,
        name: `${row.name} (${label})`,
        operation: `${label} = block of ${ops}${args.length > 0 ? ` on ${args.join(', ')}` : ''}`,
        partials,
        current: list.some((r) => r.current),
        updated: list.some((r) => r.updated),
      },
      inner: list,
    });
  }
  return entries;
}
