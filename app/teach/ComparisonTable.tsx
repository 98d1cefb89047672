// The table the cost panels compare methods in (forward against reverse mode, tree against merged
// graph, reverse mode against finite differences): column heads, then one row a method, each
// headed by its name.
import type { HTMLAttributes, ReactNode } from 'react';

export interface ComparisonRow {
  key: string;
  /** The row's head: the method's name. */
  head: ReactNode;
  /** The row's other cells, as `<td>` elements. */
  cells: ReactNode;
  attrs?: HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string };
}

export function ComparisonTable({
  columns,
  rows,
  caption,
  ...attrs
}: {
  /** Column heads, the row heads' column first. */
  columns: readonly string[];
  rows: readonly ComparisonRow[];
  caption?: string;
} & HTMLAttributes<HTMLTableElement>) {
  return (
    <table {...attrs}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} {...r.attrs}>
            <th scope="row">{r.head}</th>
            {r.cells}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
