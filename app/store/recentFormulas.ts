// The student's own recent formulas, most recent first, kept across reloads. Pure list handling;
// the store reads and writes the list through `loadRecent` / `saveRecent`.

export const MAX_RECENT = 5;
/** A formula longer than this is not kept (local storage is small and shared by the whole site). */
export const MAX_RECENT_LENGTH = 20_000;
export const RECENT_KEY = 'autodiff-playground.recent.v1';

/**
 * The list with `formula` at its head. `replaceHead`: the head is an earlier state of the same
 * formula, still being typed, so it is replaced rather than kept beside it.
 */
export function rememberFormula(
  list: readonly string[],
  formula: string,
  replaceHead: boolean,
): string[] {
  if (formula.trim() === '' || formula.length > MAX_RECENT_LENGTH) return [...list];
  const rest = (replaceHead ? list.slice(1) : list).filter((f) => f !== formula);
  return [formula, ...rest].slice(0, MAX_RECENT);
}

/** The list stored as JSON; anything else (absent, damaged, tampered with) is an empty list. */
export function parseRecent(json: string | null): string[] {
  if (json === null) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (f): f is string =>
          typeof f === 'string' && f.trim() !== '' && f.length <= MAX_RECENT_LENGTH,
      )
      .slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}

/** Local storage may be missing, full or forbidden (private windows, sandboxed iframes). */
export function loadRecent(storage: Pick<Storage, 'getItem'> | undefined): string[] {
  try {
    return parseRecent(storage?.getItem(RECENT_KEY) ?? null);
  } catch {
    return [];
  }
}

export function saveRecent(
  storage: Pick<Storage, 'setItem'> | undefined,
  list: readonly string[],
): void {
  try {
    storage?.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Full or forbidden: the list still works for this visit.
  }
}

/** What the menu shows for a formula: its first line, shortened. */
export function recentTitle(formula: string, max = 40): string {
  const line = formula.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
