import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { dataNumber, formatNumber } from '../../ad-core/index.ts';
import type { BlockView, Frame, Trace } from '../../ad-core/index.ts';
import { TraceExport } from './TraceExport.tsx';
import { traceTableModel } from './trace-rows.ts';
import { shownRows, traceEntries } from './trace-blocks.ts';
import type { TraceRow } from './trace-rows.ts';
import { useSafeId } from './use-safe-id.ts';
import './teach.css';
import './trace-blocks.css';

export interface TraceTableProps {
  trace: Trace;
  frame: Frame;
  hoveredNode: number | null;
  onHoverNode(id: number | null): void;
  /** The bug lab: the row where the buggy pass first departs from the correct one. */
  bugOrigin?: number | null;
  /** Collapsed blocks: each is one row that opens to show its own. */
  blockView?: BlockView | null;
}

function NumberCell({ value, tone, updated = false }: { value: number | null; tone: string; updated?: boolean }) {
  if (value === null) {
    return (
      <td className="teach-num teach-num-col teach-unknown" title="Not computed yet at this step">
        —
      </td>
    );
  }
  const nonFinite = !Number.isFinite(value);
  const classes = ['teach-num', 'teach-num-col', nonFinite ? 'teach-nonfinite' : tone, updated ? 'teach-updated' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <td className={classes} title={updated ? `${dataNumber(value)} (changed at this step)` : dataNumber(value)} data-value={dataNumber(value)}>
      {formatNumber(value)}
    </td>
  );
}

function PartialsCell({ row }: { row: TraceRow }) {
  if (row.partials.length === 0) return <td />;
  return (
    <td>
      <div className="teach-partials">
        {row.partials.map((p) => (
          <span key={p.edge} className="teach-num" title={p.value === null ? 'Not computed yet' : dataNumber(p.value)}>
            {p.label} = {p.value === null ? <span className="teach-unknown">—</span> : formatNumber(p.value)}
          </span>
        ))}
      </div>
    </td>
  );
}

/**
 * The Wengert list of the current trace: one row per input and operation in tape order, filled
 * in as the player steps. Rows are one tab stop; ↑/↓ move between them and highlight the node.
 */
export function TraceTable({
  trace,
  frame,
  hoveredNode,
  onHoverNode,
  bugOrigin = null,
  blockView = null,
}: TraceTableProps) {
  const titleId = useSafeId('teach-trace');
  const model = useMemo(() => traceTableModel(trace, frame), [trace, frame]);
  // A collapsed block is one row, which opens (its disclosure button) to show its own rows.
  const entries = useMemo(() => traceEntries(model, trace, blockView), [model, trace, blockView]);
  const [openBlocks, setOpenBlocks] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => shownRows(entries, openBlocks), [entries, openBlocks]);
  const toggleOpen = (name: string) =>
    setOpenBlocks((prev) => {
      const next = new Set(prev);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  const currentKey =
    rows.find((r) => r.row.current && r.depth === 0)?.key ?? rows.find((r) => r.row.current)?.key ?? null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const [focusRow, setFocusRow] = useState<string | null>(null);

  // Keep the current row visible by scrolling the table's own box only (never the page).
  useLayoutEffect(() => {
    const box = scrollRef.current;
    const row = currentKey === null ? undefined : rowRefs.current.get(currentKey);
    if (!box || !row) return;
    const boxRect = box.getBoundingClientRect();
    const rowRect = row.getBoundingClientRect();
    const headHeight = headRef.current?.getBoundingClientRect().height ?? 0;
    const above = rowRect.top - (boxRect.top + headHeight);
    const below = rowRect.bottom - boxRect.bottom;
    if (above < 0) box.scrollTop += above;
    else if (below > 0) box.scrollTop += below;
  }, [currentKey, frame.step]);

  const tabRow =
    (focusRow !== null && rows.some((r) => r.key === focusRow) ? focusRow : null) ??
    currentKey ??
    rows[0]?.key ??
    null;
  const derivativeTone = model.mode === 'forward' ? 'teach-tangent' : 'teach-adjoint';

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const delta = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    const target =
      event.key === 'Home' ? rows[0] : event.key === 'End' ? rows.at(-1) : delta ? rows[index + delta] : undefined;
    if (!target) return;
    event.preventDefault();
    // Stop the player's global ←/→/Home/End handlers from also acting on this key.
    event.stopPropagation();
    setFocusRow(target.key);
    rowRefs.current.get(target.key)?.focus();
  };

  return (
    <section className="teach-panel teach-trace" aria-labelledby={titleId}>
      <div className="teach-header">
        <h3 id={titleId}>Trace table</h3>
        <TraceExport trace={trace} frame={frame} />
      </div>
      <p className="teach-note">
        {model.mode === 'forward' ? 'Forward mode' : 'Reverse mode'}: one row per input and operation, in the order
        they are evaluated.
        {model.constantsOmitted > 0 && ' Constants are not rows; they appear inside the operations.'} A dash (—) means
        not computed yet.
      </p>
      <div className="teach-trace__scroll" ref={scrollRef} role="region" aria-label="Trace table rows" tabIndex={-1}>
        <table aria-label="Trace table">
          <thead ref={headRef}>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Operation</th>
              <th scope="col" className="teach-num-col">
                Value
              </th>
              <th scope="col">Local partials</th>
              <th scope="col" className="teach-num-col">
                {model.derivativeHeading}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, row, depth, block }, index) => {
              const classes = [
                row.current ? 'is-current' : '',
                row.nodeId === hoveredNode ? 'is-hovered' : '',
                block ? 'is-block' : '',
                depth > 0 ? 'is-inner' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <tr
                  key={key}
                  ref={(el) => {
                    if (el) rowRefs.current.set(key, el);
                    else rowRefs.current.delete(key);
                  }}
                  data-node-id={row.nodeId}
                  {...(block ? { 'data-block': block.name } : {})}
                  {...(row.nodeId === bugOrigin ? { 'data-bug-origin': 'true' } : {})}
                  className={classes || undefined}
                  aria-current={row.current ? 'step' : undefined}
                  tabIndex={key === tabRow ? 0 : -1}
                  onMouseEnter={() => onHoverNode(row.nodeId)}
                  onMouseLeave={() => onHoverNode(null)}
                  onFocus={() => {
                    setFocusRow(key);
                    onHoverNode(row.nodeId);
                  }}
                  onBlur={() => onHoverNode(null)}
                  onKeyDown={(e) => onKeyDown(e, index)}
                >
                  <th scope="row" className="teach-num">
                    <span className="teach-current-mark" aria-hidden="true">
                      {row.current ? '▶' : ''}
                    </span>
                    {block && (
                      <button
                        type="button"
                        className="teach-disclosure"
                        aria-expanded={block.open}
                        aria-label={`${block.open ? 'Hide' : 'Show'} the ${block.rows} rows inside block ${block.name}`}
                        onClick={() => toggleOpen(block.name)}
                      >
                        <span aria-hidden="true">{block.open ? '▾' : '▸'}</span>
                      </button>
                    )}
                    {row.name}
                    {row.nodeId === bugOrigin && <span className="bug-origin-mark">bug starts here</span>}
                  </th>
                  <td className="teach-num">{row.operation}</td>
                  <NumberCell value={row.value} tone="teach-value" />
                  <PartialsCell row={row} />
                  <NumberCell value={row.derivative} tone={derivativeTone} updated={row.updated} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
