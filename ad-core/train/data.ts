// The data table: CSV text (or a link's `x,y;0,1;1,3`) → named numeric columns. Never throws: a
// bad cell, a ragged row or a bad header is a diagnostic naming the row and the column, with the
// span of the offending text so an editor can underline it.
import type { Span } from '../types.ts';

export type DataDiagnosticCode =
  | 'data-empty'
  | 'data-bad-header'
  | 'data-duplicate-column'
  | 'data-ragged-row'
  | 'data-not-a-number'
  | 'data-too-many-rows'
  | 'data-missing-column';

export interface DataDiagnostic {
  code: DataDiagnosticCode;
  message: string;
  /** Range in the table's text; for a missing column, the header line. */
  span: Span;
  /** Data row, 1-based (the header is row 0); null when the problem is the table as a whole. */
  row: number | null;
  /** Column name (or `column N` when the header has no name there); null for a whole row. */
  column: string | null;
  hint?: string;
}

export interface DataTable {
  columns: string[];
  /** One array per column, parallel to `columns`, each `rowCount` long. */
  values: Float64Array[];
  rowCount: number;
}

export type DataResult =
  { ok: true; table: DataTable } | { ok: false; diagnostics: DataDiagnostic[] };

/** The most rows a table may hold (the app's editor and links share the limit). */
export const MAX_DATA_ROWS = 1000;
export const MAX_DATA_COLUMNS = 64;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** A finite decimal number written plainly; null for anything else (`1,5`, `abc`, `NaN`). */
export function parseCell(text: string): number | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

interface Line {
  text: string;
  start: number;
}

function splitLines(text: string, separator: 'newline' | 'semicolon'): Line[] {
  const lines: Line[] = [];
  const re = separator === 'newline' ? /\r\n|\n|\r/g : /;/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    lines.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), start });
  // Blank lines (a trailing newline, a gap) carry no row.
  return lines.filter((l) => l.text.trim() !== '');
}

function splitCells(line: Line): { text: string; span: Span }[] {
  const cells: { text: string; span: Span }[] = [];
  let start = 0;
  const parts = line.text.split(',');
  for (const part of parts) {
    cells.push({
      text: part,
      span: { start: line.start + start, end: line.start + start + part.length },
    });
    start += part.length + 1;
  }
  return cells;
}

/**
 * Parses a table: the first non-blank line is the header (column names), each further line a
 * row of numbers. Rows are separated by newlines (CSV) or by `;` (the link form); cells by `,`.
 * Reports at most `limit` diagnostics so a wholly wrong file stays readable.
 */
export function parseDataTable(
  text: string,
  separator: 'newline' | 'semicolon' = 'newline',
  limit = 5,
): DataResult {
  const lines = splitLines(text, separator);
  const header = lines[0];
  if (header === undefined) {
    return fail([
      {
        code: 'data-empty',
        message: 'The data table is empty: the first line must name the columns, e.g. x,y',
        span: { start: 0, end: text.length },
        row: null,
        column: null,
      },
    ]);
  }
  const diagnostics: DataDiagnostic[] = [];
  const headerCells = splitCells(header);
  const columns = headerCells.map((c) => c.text.trim());
  const seen = new Set<string>();
  if (columns.length > MAX_DATA_COLUMNS) {
    diagnostics.push({
      code: 'data-bad-header',
      message: `The table has ${columns.length} columns; at most ${MAX_DATA_COLUMNS} are allowed`,
      span: { start: header.start, end: header.start + header.text.length },
      row: 0,
      column: null,
    });
  }
  headerCells.forEach((cell, c) => {
    const name = columns[c]!;
    if (!NAME.test(name)) {
      diagnostics.push({
        code: 'data-bad-header',
        message:
          name === ''
            ? `Column ${c + 1} of the header has no name`
            : `Column ${c + 1} of the header, "${name}", is not a variable name`,
        span: cell.span,
        row: 0,
        column: name === '' ? `column ${c + 1}` : name,
        hint: 'The first line names the columns with letters, digits and _, e.g. x,y',
      });
    } else if (seen.has(name)) {
      diagnostics.push({
        code: 'data-duplicate-column',
        message: `Column "${name}" appears twice in the header`,
        span: cell.span,
        row: 0,
        column: name,
      });
    }
    seen.add(name);
  });
  const rowCount = lines.length - 1;
  if (rowCount > MAX_DATA_ROWS) {
    const extra = lines[MAX_DATA_ROWS + 1]!;
    diagnostics.push({
      code: 'data-too-many-rows',
      message: `The table has ${rowCount} rows; at most ${MAX_DATA_ROWS} are allowed`,
      span: { start: extra.start, end: text.length },
      row: MAX_DATA_ROWS + 1,
      column: null,
    });
    return fail(diagnostics.slice(0, limit));
  }
  const values = columns.map(() => new Float64Array(rowCount));
  for (let r = 0; r < rowCount && diagnostics.length < limit; r++) {
    const line = lines[r + 1]!;
    const cells = splitCells(line);
    if (cells.length !== columns.length) {
      diagnostics.push({
        code: 'data-ragged-row',
        message: `Row ${r + 1} has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header names ${columns.length} columns`,
        span: { start: line.start, end: line.start + line.text.length },
        row: r + 1,
        column: cells.length < columns.length ? (columns[cells.length] ?? null) : null,
        hint:
          cells.length < columns.length
            ? `Row ${r + 1} is missing a value for ${columns.slice(cells.length).join(', ')}`
            : 'Remove the extra cells or name the column in the header',
      });
      continue;
    }
    cells.forEach((cell, c) => {
      const v = parseCell(cell.text);
      if (v === null) {
        const shown = cell.text.trim();
        diagnostics.push({
          code: 'data-not-a-number',
          message: `Row ${r + 1}, column ${columns[c] || c + 1}: "${shown}" is not a number`,
          span: cell.span,
          row: r + 1,
          column: columns[c] || `column ${c + 1}`,
          hint: shown === '' ? 'Every cell needs a number' : 'Write numbers like 1.5, -2 or 3e-4',
        });
      } else values[c]![r] = v;
    });
  }
  if (diagnostics.length > 0) return fail(diagnostics.slice(0, limit));
  return { ok: true, table: { columns, values, rowCount } };
}

function fail(diagnostics: DataDiagnostic[]): DataResult {
  return { ok: false, diagnostics };
}

/** A short number for a table cell or a link: up to 12 significant digits, no trailing noise. */
export function formatCell(v: number): string {
  return String(Number(v.toPrecision(12)));
}

/** The table as text: CSV lines (`newline`) or the link form (`semicolon`). */
export function formatDataTable(
  table: DataTable,
  separator: 'newline' | 'semicolon' = 'newline',
): string {
  const lines = [table.columns.join(',')];
  for (let r = 0; r < table.rowCount; r++) {
    lines.push(table.values.map((col) => formatCell(col[r]!)).join(','));
  }
  return lines.join(separator === 'newline' ? '\n' : ';');
}

/** A table from plain arrays (presets, tests). */
export function tableOf(columns: string[], rows: readonly (readonly number[])[]): DataTable {
  return {
    columns,
    values: columns.map((_, c) => Float64Array.from(rows, (row) => row[c] ?? NaN)),
    rowCount: rows.length,
  };
}
