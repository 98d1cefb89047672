// Source text → tokens, in one linear pass that never throws: a character the language does not
// know becomes an `error` token, which the parser turns into a diagnostic when it reaches it.

export type TokenKind =
  | 'number'
  | 'name'
  | '+'
  | '-'
  | '*'
  | '/'
  | '^'
  | '**'
  | '('
  | ')'
  | ','
  | '='
  | ';'
  | 'newline'
  | 'error'
  | 'eof';

export type LexError =
  | 'unexpected-character'
  /** `1.2.3`, `1..2` */
  | 'number-points'
  /** `.` with no digit beside it */
  | 'lone-point'
  /** `1e999`: overflows to Infinity */
  | 'number-too-large';

export interface Token {
  kind: TokenKind;
  /** Half-open range in the source, in UTF-16 code units. */
  start: number;
  end: number;
  /** Numbers only: the double the literal denotes. */
  value?: number;
  /** Error tokens only. */
  error?: LexError;
  /**
   * A newline inside parentheses was skipped just before this token. The parser uses it to
   * blame a forgotten `)` rather than the next line.
   */
  afterNewline?: boolean;
}

const C_0 = 48;
const C_9 = 57;
const C_DOT = 46;
const C_UNDERSCORE = 95;

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const LETTER = /^\p{L}$/u;
/** The rest of an identifier from a non-ASCII character on; sticky, so one exec per name. */
const IDENTIFIER_REST = /[\p{L}\p{M}0-9_]*/uy;
const SPACE = /^\s$/u;

/** The code point at `i` as a string (two code units for astral characters, one otherwise). */
function charAt(source: string, i: number): string {
  const cp = source.codePointAt(i) ?? 0;
  return String.fromCodePoint(cp);
}

const SINGLE: (TokenKind | undefined)[] = [];
for (const ch of '+-/^(),=;') SINGLE[ch.charCodeAt(0)] = ch as TokenKind;

type Emit = (kind: TokenKind, start: number, end: number, value?: number, error?: LexError) => void;

/**
 * Splits `source` into tokens, ending with one `eof`. Newlines are statement separators only
 * outside parentheses; inside them they are whitespace (so long calls may span lines). `#`
 * starts a comment that runs to the end of the line.
 */
export function lex(source: string): Token[] {
  const tokens: Token[] = [];
  const n = source.length;
  let depth = 0;
  let skippedNewline = false;
  let i = 0;

  // Every token gets every field, so a million of them share one object shape (fast to build
  // and to read back in the parser).
  const emit: Emit = (kind, start, end, value, error) => {
    tokens.push({ kind, start, end, value, error, afterNewline: skippedNewline || undefined });
    skippedNewline = false;
  };

  while (i < n) {
    const c = source.charCodeAt(i);

    if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) {
      i++;
      continue;
    }
    if (c === 10) {
      if (depth > 0) skippedNewline = true;
      else emit('newline', i, i + 1);
      i++;
      continue;
    }
    if (c === 35 /* # */) {
      const eol = source.indexOf('\n', i);
      i = eol === -1 ? n : eol;
      continue;
    }
    if (isDigit(c) || c === C_DOT) {
      i = lexNumber(source, i, emit);
      continue;
    }
    if (isAsciiLetter(c) || c === C_UNDERSCORE || (c >= 128 && LETTER.test(charAt(source, i)))) {
      const start = i;
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      for (;;) {
        const d = source.charCodeAt(i);
        if (isAsciiLetter(d) || isDigit(d) || d === C_UNDERSCORE) i++;
        else if (d >= 128) {
          IDENTIFIER_REST.lastIndex = i;
          IDENTIFIER_REST.exec(source);
          i = IDENTIFIER_REST.lastIndex;
          break;
        } else break;
      }
      emit('name', start, i);
      continue;
    }
    if (c === 42 /* * */) {
      if (source.charCodeAt(i + 1) === 42) {
        emit('**', i, i + 2);
        i += 2;
      } else {
        emit('*', i, i + 1);
        i++;
      }
      continue;
    }
    const single = c < 128 ? SINGLE[c] : undefined;
    if (single !== undefined) {
      if (single === '(') depth++;
      else if (single === ')' && depth > 0) depth--;
      emit(single, i, i + 1);
      i++;
      continue;
    }
    const ch = charAt(source, i);
    if (c >= 128 && SPACE.test(ch)) {
      i += ch.length;
      continue;
    }
    emit('error', i, i + ch.length, undefined, 'unexpected-character');
    i += ch.length;
  }
  emit('eof', n, n);
  return tokens;
}

/** Lexes the number starting at `start`; returns the index after it. */
function lexNumber(source: string, start: number, emit: Emit): number {
  const n = source.length;
  let i = start;
  let digits = 0;
  while (i < n && isDigit(source.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (source.charCodeAt(i) === C_DOT) {
    i++;
    while (i < n && isDigit(source.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  if (digits === 0) {
    emit('error', start, i, undefined, 'lone-point');
    return i;
  }
  // An exponent only when digits follow, so `2e` and `2ex` stay "2 times e" and "2 times ex".
  const e = source.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = source.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(source.charCodeAt(j))) {
      i = j;
      while (i < n && isDigit(source.charCodeAt(i))) i++;
    }
  }
  if (source.charCodeAt(i) === C_DOT) {
    while (i < n && (isDigit(source.charCodeAt(i)) || source.charCodeAt(i) === C_DOT)) i++;
    emit('error', start, i, undefined, 'number-points');
    return i;
  }
  const value = Number(source.slice(start, i));
  if (!Number.isFinite(value)) {
    emit('error', start, i, undefined, 'number-too-large');
    return i;
  }
  emit('number', start, i, value);
  return i;
}
