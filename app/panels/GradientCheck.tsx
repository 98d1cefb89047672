import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { TOLERANCES, convergenceNote, dataNumber, formatNumber } from '../../ad-core/index.ts';
import type { CheckRow, CheckStatus, FdMethod } from '../../ad-core/index.ts';
import type { Derived } from '../store/derive.ts';
import { appStore, useApp } from '../store/appStore.ts';
import { displayName, listWindow, windowMessage } from '../store/listWindow.ts';
import { useCheckProgress } from '../store/useCheckProgress.ts';
import '../editor/long-lists.css';
import { Num } from './Num.tsx';

const METHODS: { id: FdMethod; label: string }[] = [
  { id: 'central', label: 'Central' },
  { id: 'forward', label: 'Forward' },
  { id: 'richardson', label: 'Richardson' },
  { id: 'complex', label: 'Complex step' },
];

const STEP_SIZES = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-10, 1e-12, 1e-20];

export const STATUS_TEXT: Record<CheckStatus, { icon: string; word: string; explain: string }> = {
  pass: { icon: '✓', word: 'pass', explain: 'AD and finite differences agree within tolerance.' },
  mismatch: { icon: '✕', word: 'mismatch', explain: 'AD and finite differences disagree.' },
  kink: {
    icon: '⋀',
    word: 'kink',
    explain: 'Left and right slopes differ: no derivative exists here, AD reports its convention.',
  },
  nonfinite: { icon: '!', word: 'nonfinite', explain: 'A value or slope is NaN or infinite.' },
  unsupported: {
    icon: '—',
    word: 'unsupported',
    explain:
      'Complex step needs analytic operations; this formula has one that is not (abs, relu, max, …).',
  },
};

function KinkNote({ row }: { row: CheckRow }) {
  if (row.status !== 'kink' || row.left === undefined || row.right === undefined) return null;
  return (
    <li>
      <strong>{displayName(row.variable)}</strong>: slope from the left <Num value={row.left} />,
      from the right <Num value={row.right} />; AD reports <Num value={row.ad} /> by convention.
    </li>
  );
}

const NO_NAMES: readonly string[] = [];
const NO_INDICES: readonly number[] = [];

/** "10,000 partials: 9,998 pass, 2 mismatch": how a long check came out, in one line. */
function summaryOf(rows: readonly CheckRow[]): string {
  const counts = new Map<CheckStatus, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const parts = [...counts].map(
    ([status, n]) => `${n.toLocaleString('en-US')} ${STATUS_TEXT[status].word}`,
  );
  return `${rows.length.toLocaleString('en-US')} partials: ${parts.join(', ')}`;
}

export function GradientCheck() {
  // The table follows the formula one render later: a keystroke's own render draws the graph and
  // leaves this panel as it was (the memo below skips it), then React renders the new check as
  // soon as that frame is painted (useDeferredValue: background work, interrupted by the next
  // key). That is a frame or two after the graph, never a stale number for longer, and keystroke
  // to painted graph no longer waits for up to 50 rows of finite differences and their table.
  const derived = useDeferredValue(useApp((s) => s.derived));
  const method = useApp((s) => s.method);
  const h = useApp((s) => s.h);
  return <CheckPanel derived={derived} method={method} h={h} />;
}

const CheckPanel = memo(function CheckPanel({
  derived,
  method,
  h,
}: {
  derived: Derived;
  method: FdMethod;
  h: number | null;
}) {
  // A cheap check (almost every formula) is computed during this render, so the table's data-*
  // lag the graph by at most the deferred render above; thousands of variables are checked in
  // slices.
  const [query, setQuery] = useState('');
  const variables = derived.graph?.variables ?? NO_NAMES;
  // The rows a find box asks for are checked first, so searching never waits for the rest.
  const wanted = useMemo(
    () =>
      query.trim() === ''
        ? NO_INDICES
        : listWindow(
            variables.map((_, i) => i),
            (i) => variables[i] ?? '',
            query,
          ).shown,
    [variables, query],
  );
  const progress = useCheckProgress(derived, wanted);
  const checks = progress.rows;
  const findId = useId();
  // Past 50 rows only a window is rendered: failing rows first, then a find box for the rest.
  const shownRows = listWindow(checks, (r) => r.variable, query, {
    first: (r) => r.status !== 'pass',
  });
  const windowed = progress.total > shownRows.shown.length || shownRows.windowed;
  const stale = derived.stale;
  const methodId = useId();
  const stepId = useId();
  const headingId = useId();
  const tol = TOLERANCES[method];
  if (!derived.graph) return null;
  const statuses = new Set(checks.map((c) => c.status));

  return (
    <section
      className={`panel-section gradient-check${stale ? ' stale-panel' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>Gradient check</h2>
      {stale && <p className="note stale-note">For the last formula that worked.</p>}
      <div className="check-controls">
        <label htmlFor={methodId}>Difference</label>
        <select
          id={methodId}
          value={method}
          onChange={(e) => appStore.getState().setMethod(e.target.value as FdMethod)}
        >
          {METHODS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
        <label htmlFor={stepId}>Step size h</label>
        <select
          id={stepId}
          value={h === null ? 'default' : String(h)}
          onChange={(e) =>
            appStore
              .getState()
              .setStepSize(e.target.value === 'default' ? null : Number(e.target.value))
          }
        >
          <option value="default">default</option>
          {STEP_SIZES.map((v) => (
            <option key={v} value={String(v)}>
              {formatNumber(v)}
            </option>
          ))}
        </select>
      </div>
      {!progress.done && (
        <p className="note check-progress">
          Checking {progress.rows.length.toLocaleString('en-US')} of{' '}
          {progress.total.toLocaleString('en-US')} partials…
        </p>
      )}
      {windowed && (
        <div className="list-find">
          <label htmlFor={findId}>Find a row</label>
          <input
            id={findId}
            type="search"
            value={query}
            spellCheck={false}
            onChange={(e) => setQuery(e.target.value)}
          />
          <p className="note" data-testid="check-window">
            {progress.done ? `${summaryOf(checks)}. ` : ''}
            {windowMessage({ ...shownRows, total: progress.total }, 'rows', query)}
          </p>
        </div>
      )}
      <table className="check-table">
        <caption className="visually-hidden">Gradient check</caption>
        <thead>
          <tr>
            <th scope="col">∂f/∂</th>
            <th scope="col" className="n">
              AD
            </th>
            <th scope="col" className="n">
              FD
            </th>
            <th scope="col" className="n">
              error
              <br />
              <span className="th-sub">abs · rel</span>
            </th>
            <th scope="col">status</th>
          </tr>
        </thead>
        <tbody>
          {shownRows.shown.map((row) => {
            const st = STATUS_TEXT[row.status];
            return (
              <tr
                key={row.variable}
                data-variable={row.variable}
                data-ad={dataNumber(row.ad)}
                data-fd={dataNumber(row.fd)}
                data-status={row.status}
                className={`status-${row.status}`}
              >
                <th scope="row" className="var">
                  {displayName(row.variable)}
                </th>
                <td className="n ad">
                  <Num value={row.ad} mark={false} />
                </td>
                <td className="n">
                  <Num value={row.fd} mark={false} />
                </td>
                <td className="n err">
                  <Num value={row.absError} digits={2} mark={false} />
                  <br />
                  <Num value={row.relError} digits={2} mark={false} />
                </td>
                <td className="status" title={st.explain}>
                  <span className="status-icon" aria-hidden="true">
                    {st.icon}
                  </span>{' '}
                  {st.word}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="note">
        Agrees when |AD − FD| ≤ {formatNumber(tol)} · max(1, |AD|).
        {h === null ? ' Step h scaled by max(1, |x|).' : ''}
      </p>
      {[...statuses].filter((s) => s !== 'pass').length > 0 && (
        <ul className="note status-notes">
          {[...statuses]
            .filter((s) => s !== 'pass' && s !== 'kink')
            .map((s) => (
              <li key={s}>
                <span aria-hidden="true">{STATUS_TEXT[s].icon}</span>{' '}
                <strong>{STATUS_TEXT[s].word}</strong>: {STATUS_TEXT[s].explain}
              </li>
            ))}
          {shownRows.shown.map((row) => (
            <KinkNote key={row.variable} row={row} />
          ))}
          {shownRows.shown.map((row) => {
            const note = convergenceNote(row);
            return (
              note && (
                <li key={`converging-${row.variable}`} className="converging-note">
                  {note}
                </li>
              )
            );
          })}
        </ul>
      )}
    </section>
  );
});
