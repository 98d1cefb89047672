// Where to cut the typeset formula's box so that it shows whole rows only: KaTeX wraps each
// binding's line into rows of inline pieces, and a box cut at a fixed height sliced a row in half
// (a 2-2-1 network's loss line at 1280×720).

export interface Span {
  top: number;
  bottom: number;
}

/** Pieces (KaTeX's `.katex-base` boxes, any order) grouped into rows: a piece starting below the
 *  current row's bottom starts a new row; a taller piece (a fraction) widens its row. */
export function rowsOf(pieces: readonly Span[]): Span[] {
  const sorted = [...pieces].filter((p) => p.bottom > p.top).sort((a, b) => a.top - b.top);
  const rows: Span[] = [];
  for (const p of sorted) {
    const last = rows[rows.length - 1];
    if (last && p.top < last.bottom - 1) {
      last.bottom = Math.max(last.bottom, p.bottom);
    } else {
      rows.push({ top: p.top, bottom: p.bottom });
    }
  }
  return rows;
}

export interface RowClip {
  /** Height to show, measured from the same origin as the rows. */
  height: number;
  /** Rows shown whole, and rows in all. */
  shown: number;
  total: number;
}

/**
 * The tallest cut no lower than `cap` that falls between rows; null when every row fits under
 * `cap + slack` (hiding a last row that nearly fits behind "Show 1 more line" helps nobody). At
 * least the first row is shown, however tall.
 */
export function wholeRowClip(rows: readonly Span[], cap: number, slack = 0): RowClip | null {
  const bottoms = rows.map((r) => r.bottom);
  if (bottoms.every((b) => b <= cap + slack)) return null;
  const shown = Math.max(1, bottoms.filter((b) => b <= cap).length);
  return { height: bottoms[shown - 1] ?? cap, shown, total: rows.length };
}
