import { describe, expect, it } from 'vitest';
import { rowsOf, wholeRowClip } from './formulaRows.ts';

describe('rowsOf', () => {
  it('groups pieces on one baseline band into a row, a tall piece widening it', () => {
    const rows = rowsOf([
      { top: 30, bottom: 50 },
      { top: 0, bottom: 20 },
      { top: 2, bottom: 18 },
      { top: 28, bottom: 62 },
      { top: 64, bottom: 84 },
    ]);
    expect(rows).toEqual([
      { top: 0, bottom: 20 },
      { top: 28, bottom: 62 },
      { top: 64, bottom: 84 },
    ]);
  });
});

describe('wholeRowClip', () => {
  const rows = [
    { top: 0, bottom: 20 },
    { top: 24, bottom: 44 },
    { top: 48, bottom: 68 },
  ];
  it('is null when every row fits', () => {
    expect(wholeRowClip(rows, 68)).toBeNull();
    expect(wholeRowClip([], 10)).toBeNull();
  });
  it('cuts between rows, never through one', () => {
    expect(wholeRowClip(rows, 60)).toEqual({ height: 44, shown: 2, total: 3 });
    expect(wholeRowClip(rows, 44)).toEqual({ height: 44, shown: 2, total: 3 });
  });
  it('shows a last row that nearly fits rather than hiding it alone', () => {
    expect(wholeRowClip(rows, 60, 10)).toBeNull();
    expect(wholeRowClip(rows, 40, 10)).toEqual({ height: 20, shown: 1, total: 3 });
  });
  it('shows the first row even when it is taller than the cap', () => {
    expect(wholeRowClip(rows, 5)).toEqual({ height: 20, shown: 1, total: 3 });
  });
});
