// Undo and redo of the formula, kept by the app rather than the textarea: the browser's own undo
// forgets everything the moment the text is replaced by code (an example, a lesson, a link), which
// is exactly when a student most wants their formula back. Pure, for testing.

export interface EditHistory {
  /** Earlier formulas, oldest first. */
  readonly past: readonly string[];
  /** Formulas undone, the next to redo last. */
  readonly future: readonly string[];
  /** When the last keystroke was recorded; keystrokes close together are one undo step. */
  readonly lastTyped: number | null;
}

export type ChangeKind = 'typing' | 'replace';

export const EMPTY_HISTORY: EditHistory = { past: [], future: [], lastTyped: null };

/** Keystrokes less than this far apart undo together, as a word does in a text editor. */
export const COALESCE_MS = 1000;
/** How many formulas back undo reaches. */
export const MAX_UNDO = 100;

/** The history after the formula changed from `previous` to `next`. */
export function recordChange(
  h: EditHistory,
  previous: string,
  next: string,
  kind: ChangeKind,
  now: number,
): EditHistory {
  if (previous === next) return h;
  if (kind === 'typing' && h.lastTyped !== null && now - h.lastTyped < COALESCE_MS) {
    return { past: h.past, future: [], lastTyped: now };
  }
  const past = [...h.past, previous].slice(-MAX_UNDO);
  return { past, future: [], lastTyped: kind === 'typing' ? now : null };
}

/** The formula to go back to, and the history after going there; null when there is none. */
export function undoEdit(
  h: EditHistory,
  current: string,
): { history: EditHistory; source: string } | null {
  const source = h.past[h.past.length - 1];
  if (source === undefined) return null;
  return {
    source,
    history: { past: h.past.slice(0, -1), future: [...h.future, current], lastTyped: null },
  };
}

/** The formula undone last, and the history after restoring it; null when there is none. */
export function redoEdit(
  h: EditHistory,
  current: string,
): { history: EditHistory; source: string } | null {
  const source = h.future[h.future.length - 1];
  if (source === undefined) return null;
  return {
    source,
    history: { past: [...h.past, current], future: h.future.slice(0, -1), lastTyped: null },
  };
}
