import { memo, useId, useState } from 'react';
import { MAX_DATA_ROWS, type DataDiagnostic } from '../../ad-core/index.ts';
import { trainingActions, useTraining } from '../store/training.ts';

/**
 * The table named `Data`: editable cells, add/remove rows, paste CSV; errors name row and column.
 * Memoised: it reads its own state, so the Train tab's per-frame redraws while training do not
 * touch its up to 1,000 rows of inputs.
 */
export const DataTableEditor = memo(function DataTableEditor() {
  const columns = useTraining((s) => s.columns);
  const cells = useTraining((s) => s.cells);
  const diagnostics = useTraining((s) => s.diagnostics);
  const shownRow = useTraining((s) => s.shownRow);
  const [pasting, setPasting] = useState(false);
  const [pasteText, setPasteText] = useState('');
  const pasteId = useId();
  const bad = badCells(diagnostics, columns);
  return (
    <div className="train-data">
      <div className="train-data-scroll">
        <table aria-label="Data" className="train-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map((c, j) => (
                <th key={j} scope="col">
                  <input
                    className="train-cell train-header"
                    value={c}
                    aria-label={`Name of column ${j + 1}`}
                    aria-invalid={bad.has(`0:${j}`) || undefined}
                    onChange={(e) => trainingActions.setColumnName(j, e.target.value)}
                  />
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cells.map((row, i) => (
              <tr key={i} className={i === shownRow ? 'is-shown' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="train-row-pick"
                    aria-label={`Show row ${i + 1} on the graph`}
                    aria-pressed={i === shownRow}
                    onClick={() => trainingActions.setShownRow(i)}
                  >
                    {i + 1}
                  </button>
                </th>
                {row.map((cell, j) => (
                  <td key={j}>
                    <input
                      className="train-cell"
                      inputMode="decimal"
                      value={cell}
                      aria-label={`Row ${i + 1}, ${columns[j] ?? `column ${j + 1}`}`}
                      aria-invalid={bad.has(`${i + 1}:${j}`) || undefined}
                      onChange={(e) => trainingActions.setCell(i, j, e.target.value)}
                    />
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="train-small"
                    aria-label={`Remove row ${i + 1}`}
                    title={`Remove row ${i + 1}`}
                    onClick={() => trainingActions.removeRow(i)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="train-buttons">
        <button
          type="button"
          onClick={trainingActions.addRow}
          disabled={cells.length >= MAX_DATA_ROWS}
        >
          Add row
        </button>
        <button type="button" onClick={trainingActions.addColumn}>
          Add column
        </button>
        <button type="button" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
          Paste CSV
        </button>
      </div>
      {pasting && (
        <div className="train-paste">
          <label htmlFor={pasteId}>CSV, header first (up to {MAX_DATA_ROWS} rows)</label>
          <textarea
            id={pasteId}
            rows={4}
            value={pasteText}
            onChange={(e) => setPasteText(e.target.value)}
          />
          <button
            type="button"
            onClick={() => {
              trainingActions.pasteCsv(pasteText);
              setPasting(false);
            }}
          >
            Use this data
          </button>
        </div>
      )}
      {diagnostics.length > 0 && (
        <div role="alert" className="train-error" data-testid="data-diagnostic">
          {diagnostics.map((d, k) => (
            <p key={k} data-row={d.row ?? ''} data-column={d.column ?? ''}>
              {d.message}
              {d.hint ? ` — ${d.hint}` : ''}
            </p>
          ))}
        </div>
      )}
    </div>
  );
});

/** `row:column` keys of the cells a diagnostic points at (row 0 = the header). */
function badCells(diagnostics: readonly DataDiagnostic[], columns: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const d of diagnostics) {
    if (d.row === null || d.column === null) continue;
    const j = columns.indexOf(d.column);
    if (j >= 0) out.add(`${d.row}:${j}`);
  }
  return out;
}
