// Every message the formula language can show, in one table keyed by a stable code, plus the
// code frame (source line with a caret run under the span) used by the CLI and tests.
// Errors are data: nothing here throws on user input.
import type { Diagnostic, DiagnosticCode, Span } from './types.ts';
import { visibleChar } from './visible.ts';

export interface MessageParts {
  message: string;
  hint?: string;
}

/** Longest piece of user text quoted inside a message; a 10,000-letter name stays readable. */
const QUOTE_LIMIT = 24;

/** Wraps user text in backticks, shortened so a message stays one readable line. */
export function quote(text: string): string {
  const points = Array.from(text);
  const shown =
    points.length > QUOTE_LIMIT ? `${points.slice(0, QUOTE_LIMIT - 1).join('')}…` : text;
  return `\`${shown}\``;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character as a learner can recognise it: itself if visible, else its code point. */
function describeChar(ch: string): string {
  if (ch === '`' || /^[\p{C}\p{Z}\p{M}]/u.test(ch))
    return `${codePoint(ch)} (invisible or special)`;
  return `\`${ch}\``;
}

// Characters people paste from documents or type on phones, and what this language spells them.
const CHARACTER_HINTS: Record<string, string> = {
  '×': 'Use `*` for multiplication.',
  '✕': 'Use `*` for multiplication.',
  '·': 'Use `*` for multiplication.',
  '⋅': 'Use `*` for multiplication.',
  '∙': 'Use `*` for multiplication.',
  '∗': 'Use `*` for multiplication.',
  '÷': 'Use `/` for division.',
  '∕': 'Use `/` for division.',
  '−': 'Use `-` (the minus sign on the keyboard).',
  '–': 'Use `-` (the minus sign on the keyboard).',
  '—': 'Use `-` (the minus sign on the keyboard).',
  '√': 'Use `sqrt(…)`, e.g. `sqrt(x)`.',
  '[': 'Use `(` and `)` for grouping.',
  ']': 'Use `(` and `)` for grouping.',
  '{': 'Use `(` and `)` for grouping.',
  '}': 'Use `(` and `)` for grouping.',
  '|': 'Use `abs(…)` for an absolute value, e.g. `abs(x)`.',
  '!': 'Factorials are not supported.',
};
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

function characterHint(ch: string): string {
  const sup = SUPERSCRIPTS.indexOf(ch);
  if (sup >= 0) return `Use \`^${sup}\` for a power, e.g. \`x^${sup}\`.`;
  const sub = SUBSCRIPTS.indexOf(ch);
  if (sub >= 0) return `Write an index with \`_\` or a digit, e.g. \`x_${sub}\` or \`x${sub}\`.`;
  return (
    CHARACTER_HINTS[ch] ??
    'Formulas use numbers, names, `+ - * / ^`, parentheses, `,` between arguments, `=` and `;`.'
  );
}

/**
 * The one table of messages. Each builder takes the facts of the case (names, counts, the
 * offending text) and returns the message and, where one helps, a hint.
 */
export const DIAGNOSTIC_MESSAGES = {
  'empty-formula': (): MessageParts => ({
    message: 'The formula is empty.',
    hint: 'Type an expression, e.g. `sin(x*y) + exp(x)/y`.',
  }),
  'unexpected-character': (ch: string): MessageParts => ({
    message: `Unsupported character ${describeChar(ch)}.`,
    hint: characterHint(ch),
  }),
  'decimal-comma': (written: string): MessageParts => ({
    message: '`,` is not a decimal point.',
    hint: `Write ${quote(written.replace(',', '.'))}.`,
  }),
  /** `where` says where the `)` should go: `at the end`, `before \`;\``, … */
  'unclosed-paren': (where: string): MessageParts => ({
    message: 'Unclosed parenthesis: this `(` is never closed.',
    hint: `Add \`)\` ${where}.`,
  }),
  'unmatched-paren': (): MessageParts => ({
    message: 'Unmatched `)`: there is no `(` for it to close.',
    hint: 'Remove this `)`, or add the missing `(` before it.',
  }),
  'expected-value': (after: string | null, found: string): MessageParts =>
    after === null
      ? {
          message: `Expected a value, but found ${quote(found)}.`,
          hint: 'Start with a number, a name or `(`.',
        }
      : {
          message: `Expected a value after ${quote(after)}, but found ${quote(found)}.`,
          hint: `Put a number or a name between ${quote(after)} and ${quote(found)}.`,
        },
  'unexpected-end': (after: string, where: 'formula' | 'line'): MessageParts => ({
    message: `The ${where} ended after ${quote(after)}: a value is missing.`,
    hint:
      after === '^' || after === '**'
        ? `Add the exponent, e.g. \`x${after}2\`.`
        : `Add a value after ${quote(after)}.`,
  }),
  'missing-operator': (left: string, right: string, suggestion: string | null): MessageParts => ({
    message: `Missing operator between ${quote(left)} and ${quote(right)}.`,
    hint:
      suggestion === null
        ? 'Add an operator such as `*` or `+` between them.'
        : `Did you mean ${quote(suggestion)}?`,
  }),
  'unknown-function': (
    name: string,
    suggestion: string | null,
    scalarHint: string | null = null,
  ): MessageParts => ({
    message: `Unknown function ${quote(name)}.`,
    hint:
      scalarHint ??
      (suggestion === null
        ? `To define it, write ${quote(`${name}(t) = …`)} on a line above; to multiply, write ${quote(`${name}*(…)`)}.`
        : `Did you mean ${quote(suggestion)}?`),
  }),
  /** `example` is how to call it (a function of your own: with its parameters' names). */
  'wrong-arity': (name: string, expected: number, got: number, example?: string): MessageParts => ({
    message: `${quote(name)} takes ${plural(expected, 'argument')}, got ${got}.`,
    hint: `Write ${quote(example ?? (expected === 1 ? `${name}(x)` : `${name}(a, b)`))}.`,
  }),
  'not-a-function': (name: string, example: string): MessageParts => ({
    message: `${quote(name)} is a function: it needs its argument in parentheses.`,
    hint: `Write ${quote(example)}.`,
  }),
  /** `definition` is how its defining line starts when it is not `name = …` (`f(t) = …`). */
  'undefined-binding': (name: string, ownDefinition: boolean, definition?: string): MessageParts =>
    ownDefinition
      ? {
          message: `${quote(name)} is used in its own definition.`,
          hint: `A name cannot refer to itself; give the result a new name, e.g. ${quote(`${name}2 = …`)}.`,
        }
      : {
          message: `${quote(name)} is used before it is defined.`,
          hint: `Move the line ${quote(definition ?? `${name} = …`)} above this one.`,
        },
  'duplicate-binding': (name: string, firstLine: number): MessageParts => ({
    message: `${quote(name)} is already defined on line ${firstLine}.`,
    hint: 'Each name can be defined once; give this one a new name.',
  }),
  'assign-to-constant': (name: string, kind: 'constant' | 'function'): MessageParts => ({
    message:
      kind === 'constant'
        ? `${quote(name)} is a constant and cannot be assigned.`
        : `${quote(name)} is a function name and cannot be assigned.`,
    hint: `Pick another name, e.g. ${quote(`${name}_1`)}.`,
  }),
  /** `call` is set when the last line defines a function: how to use it (`f(x)`). */
  'no-output': (name: string, call?: string): MessageParts => ({
    message:
      call === undefined
        ? `The last line defines ${quote(name)} but nothing is computed from it.`
        : `The last line defines the function ${quote(name)} but nothing is computed with it.`,
    hint: `Add a last line with the output, e.g. ${quote(call ?? name)}.`,
  }),
  /** `path` is the chain of calls back to it (`f → g → f`); `self` when it calls itself. */
  'recursive-function': (name: string, path: string): MessageParts => ({
    message: `${quote(name)} calls itself (${path}): a function cannot be recursive here.`,
    hint: 'Each call is copied into the graph, so it must end: write the steps out, e.g. `f2(t) = f(f(t))`.',
  }),
  'bad-parameter': (found: string | null, name: string): MessageParts =>
    found === null
      ? {
          message: `${quote(name)} needs at least one parameter.`,
          hint: `A value without parameters is a binding: write ${quote(`${name} = …`)}.`,
        }
      : {
          message: `A parameter must be a name, but found ${quote(found)}.`,
          hint: `Define with names and call with values: ${quote(`${name}(t) = …`)}, then ${quote(`${name}(2)`)}.`,
        },
  'duplicate-parameter': (param: string, name: string): MessageParts => ({
    message: `${quote(param)} is a parameter of ${quote(name)} twice.`,
    hint: 'Give each parameter its own name.',
  }),
  'builtin-function-name': (name: string): MessageParts => ({
    message: `${quote(name)} is a built-in function and cannot be redefined.`,
    hint: `Give yours another name, e.g. ${quote(`my_${name}(t) = …`)}.`,
  }),
  'expansion-too-large': (name: string, operations: number, limit: number): MessageParts => ({
    message: `Calling ${quote(name)} here copies about ${Number(operations).toLocaleString('en-US')} operations into the graph (the limit is ${Number(limit).toLocaleString('en-US')}).`,
    hint: 'Every call is copied into the graph; call the functions fewer times.',
  }),
  'misplaced-outputs': (where: 'binding' | 'earlier-line'): MessageParts =>
    where === 'binding'
      ? {
          message: 'A name holds one value; `,` cannot separate several here.',
          hint: 'Several outputs go on the last line, e.g. `x*y, sin(x)`.',
        }
      : {
          message: 'Only the last line can list several outputs.',
          hint: 'Move `…, …` to the last line, or give each entry a name: `a = x*y`.',
        },
  'too-many-outputs': (count: number, limit: number): MessageParts => ({
    message: `The last line lists ${count.toLocaleString('en-US')} outputs (the limit is ${limit}).`,
    hint: 'Keep the outputs you want to compare; a Jacobian this tall teaches little.',
  }),
  'too-deep': (limit: number): MessageParts => ({
    message: `The formula is nested too deeply (more than ${limit.toLocaleString('en-US')} levels).`,
    hint: 'Split it into steps: define `a = …` on one line and use `a` on the next.',
  }),
  'too-long': (length: number, limit: number): MessageParts => ({
    message: `The formula is too long: ${length.toLocaleString('en-US')} characters (the limit is ${limit.toLocaleString('en-US')}).`,
  }),
  'bad-number': (text: string, reason: 'points' | 'lone-point' | 'too-large'): MessageParts =>
    reason === 'too-large'
      ? {
          message: `${quote(text)} is too large to be a number.`,
          hint: 'The largest number is about `1.8e308`.',
        }
      : reason === 'lone-point'
        ? { message: '`.` is not a number.', hint: 'Write digits with the point, e.g. `0.5`.' }
        : {
            message: `${quote(text)} is not a number.`,
            hint: 'A number has at most one `.`, e.g. `1.25`.',
          },
  'unexpected-token': (token: string): MessageParts =>
    token === ','
      ? {
          message: '`,` separates the arguments of a function or the outputs on the last line.',
          hint: 'Two-argument functions are written like `max(a, b)`; several outputs like `x*y, sin(x)`.',
        }
      : token === '='
        ? {
            message: '`=` can only follow a name at the start of a statement.',
            hint: 'Define a name like this: `a = x*y`.',
          }
        : { message: `Unexpected ${quote(token)}.` },
} satisfies Record<DiagnosticCode, (...params: never[]) => MessageParts>;

type Builders = typeof DIAGNOSTIC_MESSAGES;

/** Builds the diagnostic for `code` at `span` from the table; the only way diagnostics are made. */
export function diagnostic<C extends DiagnosticCode>(
  code: C,
  span: Span,
  ...params: Parameters<Builders[C]>
): Diagnostic {
  const build = DIAGNOSTIC_MESSAGES[code] as (...p: Parameters<Builders[C]>) => MessageParts;
  const { message, hint } = build(...params);
  const d: Diagnostic = { code, message, span: { start: span.start, end: span.end } };
  if (hint !== undefined) d.hint = hint;
  return d;
}

// ---------------------------------------------------------------------------------------------
// Code frame

/** 1-based line and column (in code points, so `θ` or an emoji counts as one column). */
export function lineCol(source: string, offset: number): { line: number; col: number } {
  const at = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < at; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: Array.from(source.slice(lineStart, at)).length + 1 };
}

const TAB = '    ';
/** Beyond this many columns the frame shows a window around the span instead of the whole line. */
const FRAME_WIDTH = 100;
const FRAME_LEAD = 40;

/**
 * `line:col`, the source line, a caret run under the span (at least one caret; a span running
 * past the line is cut at its end), then the message and the hint. Tabs are shown as four
 * spaces in both lines so the carets stay aligned; very long lines are cut to a window.
 */
export function formatCodeFrame(source: string, d: Diagnostic): string {
  const start = Math.max(0, Math.min(d.span.start, source.length));
  const end = Math.max(start, Math.min(d.span.end, source.length));
  const lineStart = start === 0 ? 0 : source.lastIndexOf('\n', start - 1) + 1;
  const newline = source.indexOf('\n', start);
  let lineEnd = newline === -1 ? source.length : newline;
  if (lineEnd > lineStart && source[lineEnd - 1] === '\r') lineEnd--;
  const { line, col } = lineCol(source, start);

  // Cells: one per code point of the line, tabs widened; remember where the span falls.
  const before = Array.from(source.slice(lineStart, Math.min(start, lineEnd)));
  const inside = Array.from(source.slice(Math.min(start, lineEnd), Math.min(end, lineEnd)));
  const after = Array.from(source.slice(Math.min(end, lineEnd), lineEnd));
  // A control or bidi character is shown as its escape (`\u001b`), never sent to the terminal.
  const cell = (ch: string): string => (ch === '\t' ? TAB : visibleChar(ch));
  // One column per code point (a tab is four, an escape as many as it has characters).
  const width = (chs: string[]): number =>
    chs.reduce((w, ch) => w + (cell(ch) === ch ? 1 : cell(ch).length), 0);

  let shownBefore = before;
  let shownInside = inside;
  let shownAfter = after;
  let prefix = '';
  let suffix = '';
  if (before.length + inside.length + after.length > FRAME_WIDTH) {
    if (before.length > FRAME_LEAD) {
      shownBefore = before.slice(before.length - FRAME_LEAD);
      prefix = '…';
    }
    const room = Math.max(1, FRAME_WIDTH - shownBefore.length);
    if (inside.length > room) {
      shownInside = inside.slice(0, room);
      shownAfter = [];
      suffix = '…';
    } else if (inside.length + after.length > room) {
      shownAfter = after.slice(0, room - inside.length);
      suffix = '…';
    }
  }

  const gutter = `${line} | `;
  const blank = `${' '.repeat(String(line).length)} | `;
  const text = prefix + [...shownBefore, ...shownInside, ...shownAfter].map(cell).join('') + suffix;
  const carets =
    ' '.repeat(prefix.length + width(shownBefore)) + '^'.repeat(Math.max(1, width(shownInside)));

  const out = [
    `${line}:${col}`,
    gutter + text,
    (blank + carets).trimEnd(),
    `error[${d.code}]: ${d.message}`,
  ];
  if (d.hint !== undefined) out.push(`hint: ${d.hint}`);
  return out.join('\n');
}
