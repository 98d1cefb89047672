import { describe, expect, it } from 'vitest';
import { formatDataTable, MAX_DATA_ROWS, parseCell, parseDataTable, tableOf } from './data.ts';

describe('parseDataTable', () => {
  it('reads a header and numeric rows into columns', () => {
    const r = parseDataTable('x,y\n0,1\n1, 3\n\n2.5,-4e-1\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.columns).toEqual(['x', 'y']);
    expect(r.table.rowCount).toBe(3);
    expect([...r.table.values[0]!]).toEqual([0, 1, 2.5]);
    expect([...r.table.values[1]!]).toEqual([1, 3, -0.4]);
  });

  it('reads the link form with rows separated by ;', () => {
    const r = parseDataTable('x,y;0,1;1,3', 'semicolon');
    expect(r.ok && r.table.rowCount).toBe(2);
  });

  it('names the row and column of a cell that is not a number, with its span', () => {
    const text = 'x,y\n0,1\n1,abc\n';
    const r = parseDataTable(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('data-not-a-number');
    expect(d.row).toBe(2);
    expect(d.column).toBe('y');
    expect(d.message).toContain('Row 2');
    expect(d.message).toContain('column y');
    expect(text.slice(d.span.start, d.span.end)).toBe('abc');
  });

  it('reports a ragged row, naming the row and the first missing column', () => {
    const r = parseDataTable('x,y,z\n1,2,3\n4,5\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toMatchObject({ code: 'data-ragged-row', row: 2, column: 'z' });
    const extra = parseDataTable('x,y\n1,2,3\n');
    expect(!extra.ok && extra.diagnostics[0]).toMatchObject({ code: 'data-ragged-row', row: 1 });
  });

  it('rejects an empty table, bad and duplicate column names, NaN and Infinity', () => {
    expect(parseDataTable('  \n').ok).toBe(false);
    const bad = parseDataTable('x,1y\n1,2');
    expect(!bad.ok && bad.diagnostics[0]).toMatchObject({ code: 'data-bad-header', row: 0 });
    const dup = parseDataTable('x,x\n1,2');
    expect(!dup.ok && dup.diagnostics[0]).toMatchObject({
      code: 'data-duplicate-column',
      column: 'x',
    });
    expect(parseCell('NaN')).toBeNull();
    expect(parseCell('Infinity')).toBeNull();
    expect(parseCell('1e999')).toBeNull();
    expect(parseCell('1,5')).toBeNull();
    expect(parseCell(' -.5 ')).toBe(-0.5);
  });

  it('refuses more than the row limit', () => {
    const rows = Array.from({ length: MAX_DATA_ROWS + 1 }, (_, i) => `${i},${i}`);
    const r = parseDataTable(['x,y', ...rows].join('\n'));
    expect(!r.ok && r.diagnostics[0]!.code).toBe('data-too-many-rows');
    expect(parseDataTable(['x,y', ...rows.slice(1)].join('\n')).ok).toBe(true);
  });

  it('accepts __proto__ as a column name like any other', () => {
    const r = parseDataTable('__proto__,y\n1,2');
    expect(r.ok && r.table.columns).toEqual(['__proto__', 'y']);
  });

  it('stops after a few diagnostics on a wholly wrong table', () => {
    const r = parseDataTable('x\n' + Array.from({ length: 50 }, () => 'a').join('\n'));
    expect(!r.ok && r.diagnostics.length).toBe(5);
  });

  it('formats back to text that parses to the same table', () => {
    const t = tableOf(
      ['x', 'y'],
      [
        [0.1 + 0.2, -3],
        [1e-7, 42],
      ],
    );
    for (const sep of ['newline', 'semicolon'] as const) {
      const text = formatDataTable(t, sep);
      const back = parseDataTable(text, sep);
      expect(back.ok).toBe(true);
      if (back.ok) expect(formatDataTable(back.table, sep)).toBe(text);
    }
    expect(formatDataTable(t, 'semicolon')).toBe('x,y;0.3,-3;1e-7,42');
  });
});
