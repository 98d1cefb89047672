import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_MESSAGES, diagnostic, formatCodeFrame, lineCol, quote } from './diagnostics.ts';
import type { Diagnostic } from './types.ts';

const d = (start: number, end: number, hint?: string): Diagnostic => ({
  code: 'expected-value',
  message: 'Something is wrong here.',
  span: { start, end },
  ...(hint === undefined ? {} : { hint }),
});

describe('diagnostic', () => {
  it('builds message and hint from the table', () => {
    expect(diagnostic('wrong-arity', { start: 0, end: 6 }, 'max', 2, 1)).toEqual({
      code: 'wrong-arity',
      message: '`max` takes 2 arguments, got 1.',
      span: { start: 0, end: 6 },
      hint: 'Write `max(a, b)`.',
    });
  });

  it('leaves out `hint` when the table has none', () => {
    const made = diagnostic('too-long', { start: 5, end: 9 }, 9, 5);
    expect(made).not.toHaveProperty('hint');
    expect(made.message).toBe('The formula is too long: 9 characters (the limit is 5).');
  });

  it('copies the span rather than sharing it', () => {
    const span = { start: 1, end: 2 };
    const made = diagnostic('unmatched-paren', span);
    span.start = 99;
    expect(made.span).toEqual({ start: 1, end: 2 });
  });

  it('has a message for every code, each a sentence', () => {
    const samples = Object.values(DIAGNOSTIC_MESSAGES).map(
      (build) => (build as (...a: unknown[]) => { message: string })('x', 'y', null).message,
    );
    for (const m of samples) expect(m).toMatch(/^[`A-Z].*[.?]$/);
  });

  it('describes invisible characters by code point', () => {
    expect(diagnostic('unexpected-character', { start: 0, end: 1 }, '\u200b').message).toBe(
      'Unsupported character U+200B (invisible or special).',
    );
  });

  it('shortens long user text inside messages', () => {
    expect(quote('a'.repeat(100))).toBe(`\`${'a'.repeat(23)}…\``);
    expect(quote('θ')).toBe('`θ`');
  });
});

describe('lineCol', () => {
  it('counts lines and code-point columns from 1', () => {
    expect(lineCol('ab\ncd', 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol('ab\ncd', 2)).toEqual({ line: 1, col: 3 });
    expect(lineCol('ab\ncd', 3)).toEqual({ line: 2, col: 1 });
    expect(lineCol('😀x', 2)).toEqual({ line: 1, col: 2 });
    expect(lineCol('ab', 99)).toEqual({ line: 1, col: 3 });
  });
});

describe('formatCodeFrame', () => {
  it('shows line:col, the line, carets under the span, the message and the hint', () => {
    expect(formatCodeFrame('1 + sine(x)', d(4, 8, 'Did you mean `sin`?'))).toBe(
      [
        '1:5',
        '1 | 1 + sine(x)',
        '  |     ^^^^',
        'error[expected-value]: Something is wrong here.',
        'hint: Did you mean `sin`?',
      ].join('\n'),
    );
  });

  it('shows only the line holding the span in a multi-line source', () => {
    expect(formatCodeFrame('a = 1\nb = a +\r\nb', d(12, 13))).toBe(
      ['2:7', '2 | b = a +', '  |       ^', 'error[expected-value]: Something is wrong here.'].join(
        '\n',
      ),
    );
  });

  it('draws one caret for an empty span, including at the end of the input', () => {
    expect(formatCodeFrame('x^', d(2, 2)).split('\n').slice(0, 3)).toEqual([
      '1:3',
      '1 | x^',
      '  |   ^',
    ]);
    expect(formatCodeFrame('x\n', d(2, 2)).split('\n').slice(0, 3)).toEqual([
      '2:1',
      '2 | ',
      '  | ^',
    ]);
    expect(formatCodeFrame('', d(0, 0)).split('\n').slice(0, 3)).toEqual(['1:1', '1 | ', '  | ^']);
  });

  it('cuts a span that runs past its line at the line end', () => {
    expect(formatCodeFrame('(x +\ny', d(0, 6)).split('\n').slice(1, 3)).toEqual([
      '1 | (x +',
      '  | ^^^^',
    ]);
  });

  it('widens tabs to four spaces in both lines so carets stay aligned', () => {
    expect(formatCodeFrame('\tx\t+ y', d(2, 3)).split('\n').slice(1, 3)).toEqual([
      '1 |     x    + y',
      '  |      ^^^^',
    ]);
  });

  it('counts a Greek letter or an emoji as one column', () => {
    expect(formatCodeFrame('θ + 😀', d(4, 6)).split('\n').slice(0, 3)).toEqual([
      '1:5',
      '1 | θ + 😀',
      '  |     ^',
    ]);
  });

  it('pads the gutter for multi-digit line numbers', () => {
    const source = `${'x\n'.repeat(11)}y y`;
    expect(formatCodeFrame(source, d(24, 25)).split('\n').slice(0, 3)).toEqual([
      '12:3',
      '12 | y y',
      '   |   ^',
    ]);
  });

  it('shows a window around the span on a very long line', () => {
    const source = `${'x+'.repeat(500_000)}?`;
    const frame = formatCodeFrame(source, d(1_000_000, 1_000_001)).split('\n');
    expect(frame[0]).toBe('1:1000001');
    expect(frame[1]).toBe(`1 | …${'x+'.repeat(20)}?`);
    expect(frame[2]).toBe(`  | ${' '.repeat(41)}^`);
  });

  it('clamps a span outside the source instead of failing', () => {
    expect(formatCodeFrame('ab', d(5, 9)).split('\n').slice(0, 3)).toEqual([
      '1:3',
      '1 | ab',
      '  |   ^',
    ]);
  });
});
