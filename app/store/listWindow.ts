// Long lists (variables, gradient-check rows) are shown a window at a time: past LIST_LIMIT
// items, only the first LIST_LIMIT that match a find box are rendered, so a formula with 10,000
// variables never builds 10,000 number boxes and sliders. Pure, so the rule is tested on its own.

/** More items than this are windowed (issue: "virtualises or groups past 50 inputs"). */
export const LIST_LIMIT = 50;

export interface ListWindow<T> {
  /** The items to render, at most `limit`. */
  shown: T[];
  /** All items. */
  total: number;
  /** Items matching the query (all of them when the query is empty). */
  matching: number;
  /** True when the list is long enough to be windowed (and the find box is offered). */
  windowed: boolean;
}

/**
 * The items to render for `query`. A short list is returned whole (no find box). A long one is
 * filtered by name (case-insensitive substring; an exact name first), items for which `first`
 * holds come before the others (e.g. failing checks before passing ones), and at most `limit` are
 * kept; the original order is kept otherwise.
 */
export function listWindow<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  query: string,
  options: { limit?: number; first?: (item: T) => boolean } = {},
): ListWindow<T> {
  const limit = options.limit ?? LIST_LIMIT;
  if (items.length <= limit) {
    return { shown: [...items], total: items.length, matching: items.length, windowed: false };
  }
  const q = query.trim().toLowerCase();
  const exact: T[] = [];
  const preferred: T[] = [];
  const rest: T[] = [];
  let matching = 0;
  for (const item of items) {
    const name = nameOf(item);
    const lower = name.toLowerCase();
    if (q !== '' && !lower.includes(q)) continue;
    matching++;
    if (q !== '' && lower === q) exact.push(item);
    else if (options.first?.(item)) preferred.push(item);
    else if (rest.length < limit) rest.push(item);
  }
  const shown = [...exact, ...preferred, ...rest].slice(0, limit);
  return { shown, total: items.length, matching, windowed: true };
}

const count = (n: number) => n.toLocaleString('en-US');

/** The sentence under a windowed list: what is shown, of how many, and how to find the rest. */
export function windowMessage(w: ListWindow<unknown>, noun: string, query: string): string {
  if (!w.windowed) return '';
  if (query.trim() !== '' && w.matching === 0) {
    return `No ${noun} match “${query.trim()}” (${count(w.total)} in all).`;
  }
  if (query.trim() !== '') {
    return `Showing ${count(w.shown.length)} of ${count(w.matching)} ${noun} matching “${query.trim()}” (${count(w.total)} in all).`;
  }
  return `Showing ${count(w.shown.length)} of ${count(w.total)} ${noun} — type a name to find one.`;
}

/** Names longer than this are shortened on screen (a 1,000,000-character name took seconds to lay out). */
export const NAME_DISPLAY_MAX = 48;

/** A name as a list shows it: whole, or its start and end around an ellipsis. */
export function displayName(name: string, max = NAME_DISPLAY_MAX): string {
  const chars = Array.from(name.length > 4 * max ? name.slice(0, 2 * max) + name.slice(-2 * max) : name);
  if (name.length <= max) return name;
  const tail = Math.floor(max / 4);
  const head = max - tail - 1;
  return `${chars.slice(0, head).join('')}…${chars.slice(-tail).join('')}`;
}
