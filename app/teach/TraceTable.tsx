import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { dataNumber, formatNumber } from '../../ad-core/index.ts';
import type { Frame, Trace } from '../../ad-core/index.ts';
import { TraceExport } from './TraceExport.tsx';
import { traceTableModel } from './trace-rows.ts';
import type { TraceRow } from './trace-rows.ts';
import { useSafeId } from './use-safe-id.ts';
import './teach.css';

export interface TraceTableProps {
  trace: Trace;
  frame: Frame;
  hoveredNode: number | null;
  onHoverNode(id: number | null): void;
  /** The bug lab: the row where the buggy pass first departs from the correct one. */
  bugOrigin?: number | null;
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
export function TraceTable({ trace, frame, hoveredNode, onHoverNode, bugOrigin = null }: TraceTableProps) {
  const titleId = useSafeId('teach-trace');
  const model = useMemo(() => traceTableModel(trace, frame), [trace, frame]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());
  const [focusRow, setFocusRow] = useState<number | null>(null);

  // Keep the current row visible by scrolling the table's own box only (never the page).
  useLayoutEffect(() => {
    const box = scrollRef.current;
    const row = model.currentNode === null ? undefined : rowRefs.current.get(model.currentNode);
    if (!box || !row) return;
    const boxRect = box.getBoundingClientRect();
    const rowRect = row.getBoundingClientRect();
    const headHeight = headRef.current?.getBoundingClientRect().height ?? 0;
    const above = rowRect.top - (boxRect.top + headHeight);
    const below = rowRect.bottom - boxRect.bottom;
    if (above < 0) box.scrollTop += above;
    else if (below > 0) box.scrollTop += below;
  }, [model.currentNode, frame.step]);

  const tabRow = focusRow ?? model.currentNode ?? model.rows[0]?.nodeId ?? null;
  const derivativeTone = model.mode === 'forward' ? 'teach-tangent' : 'teach-adjoint';

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const delta = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    const target =
      event.key === 'Home' ? model.rows[0] : event.key === 'End' ? model.rows.at(-1) : delta ? model.rows[index + delta] : undefined;
    if (!target) return;
    event.preventDefault();
    // Stop the player's global ←/→/Home/End handlers from also acting on this key.
    event.stopPropagation();
    setFocusRow(target.nodeId);
    rowRefs.current.get(target.nodeId)?.focus();
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
            {model.rows.map((row, index) => {
              const classes = [row.current ? 'is-current' : '', row.nodeId === hoveredNode ? 'is-hovered' : '']
                .filter(Boolean)
                .join(' ');
              return (
                <tr
                  key={row.nodeId}
                  ref={(el) => {
                    if (el) rowRefs.current.set(row.nodeId, el);
                    else rowRefs.current.delete(row.nodeId);
                  }}
                  data-node-id={row.nodeId}
                  {...(row.nodeId === bugOrigin ? { 'data-bug-origin': 'true' } : {})}
                  className={classes || undefined}
                  aria-current={row.current ? 'step' : undefined}
                  tabIndex={row.nodeId === tabRow ? 0 : -1}
                  onMouseEnter={() => onHoverNode(row.nodeId)}
                  onMouseLeave={() => onHoverNode(null)}
                  onFocus={() => {
                    setFocusRow(row.nodeId);
                    onHoverNode(row.nodeId);
                  }}
                  onBlur={() => onHoverNode(null)}
                  onKeyDown={(e) => onKeyDown(e, index)}
                >
                  <th scope="row" className="teach-num">
                    <span className="teach-current-mark" aria-hidden="true">
                      {row.current ? '▶' : ''}
                    </span>
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
