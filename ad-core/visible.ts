// Text from the user is printed back (source lines, names, option values). Control characters in
// it would drive the terminal (ESC sequences, BEL, carriage returns) and bidi overrides would
// reorder what is shown, so both are written visibly as `\u001b`-style escapes instead.

// C0 controls except tab and newline, DEL and C1, the bidi marks, embeddings, overrides and
// isolates, the Unicode line/paragraph separators, and lone surrogates (not text at all).
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `\u001b` for one UTF-16 code unit. */
export function escapeUnit(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** True when `text` has a character `escapeControls` would rewrite. */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * `text` with every control, bidi control and lone surrogate written as a visible escape; tab and
 * newline are kept (they only move the cursor forward). Idempotent: the escapes are plain ASCII.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeUnit);
}

/** One code point as shown in a code frame: a tab stays a tab, anything unsafe its escape. */
export function visibleChar(ch: string): string {
  return ch === '\t' ? ch : escapeControls(ch);
}
