import { describe, expect, it } from 'vitest';
import { lex, type Token } from './lexer.ts';

/** `kind:text` per token, without the final eof. */
function shape(source: string): string[] {
  return lex(source)
    .slice(0, -1)
    .map((t) => `${t.kind}:${source.slice(t.start, t.end)}`);
}

describe('lex', () => {
  it('reads numbers in every written form with their values', () => {
    const tokens = lex('2 0.5 .5 1e-3 2.5E+4 7. 1e5');
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.value)).toEqual([
      2, 0.5, 0.5, 0.001, 25000, 7, 100000,
    ]);
  });

  it('takes an exponent only when digits follow, so `2e` and `2ex` are a number and a name', () => {
    expect(shape('2e')).toEqual(['number:2', 'name:e']);
    expect(shape('2ex')).toEqual(['number:2', 'name:ex']);
    expect(shape('2e-x')).toEqual(['number:2', 'name:e', '-:-', 'name:x']);
    expect(shape('2e-3x')).toEqual(['number:2e-3', 'name:x']);
  });

  it('reads identifiers of letters (Greek too), digits and underscores', () => {
    expect(shape('x1 w_0 θ α_2 _t πr ß')).toEqual([
      'name:x1',
      'name:w_0',
      'name:θ',
      'name:α_2',
      'name:_t',
      'name:πr',
      'name:ß',
    ]);
  });

  it('reads astral letters as one identifier character', () => {
    expect(shape('𝑥+1')).toEqual(['name:𝑥', '+:+', 'number:1']);
  });

  it('reads every operator and punctuation mark, `**` as one token', () => {
    expect(shape('+-*/^**(),=;')).toEqual([
      '+:+',
      '-:-',
      '*:*',
      '/:/',
      '^:^',
      '**:**',
      '(:(',
      '):)',
      ',:,',
      '=:=',
      ';:;',
    ]);
    expect(shape('***')).toEqual(['**:**', '*:*']);
  });

  it('emits newlines at top level only; inside parentheses they are whitespace', () => {
    expect(shape('a\nb')).toEqual(['name:a', 'newline:\n', 'name:b']);
    expect(shape('(a\nb)\nc')).toEqual(['(:(', 'name:a', 'name:b', '):)', 'newline:\n', 'name:c']);
    const b = lex('(a\nb)')[2] as Token;
    expect(b.afterNewline).toBe(true);
  });

  it('does not let an unmatched `)` swallow later newlines', () => {
    expect(shape('a)\nb')).toEqual(['name:a', '):)', 'newline:\n', 'name:b']);
  });

  it('skips `#` comments to the end of the line, keeping the newline', () => {
    expect(shape('x # the input\ny#no space')).toEqual(['name:x', 'newline:\n', 'name:y']);
  });

  it('treats tabs, carriage returns and Unicode spaces as whitespace', () => {
    expect(shape('a\t+\r\nb\u00a0c')).toEqual(['name:a', '+:+', 'newline:\n', 'name:b', 'name:c']);
  });

  it('turns unknown characters into error tokens, one per code point', () => {
    const tokens = lex('x×😀');
    expect(tokens.map((t) => [t.kind, t.start, t.end, t.error])).toEqual([
      ['name', 0, 1, undefined],
      ['error', 1, 2, 'unexpected-character'],
      ['error', 2, 4, 'unexpected-character'],
      ['eof', 4, 4, undefined],
    ]);
  });

  it('marks malformed numbers', () => {
    expect(lex('1.2.3')[0]).toMatchObject({
      kind: 'error',
      start: 0,
      end: 5,
      error: 'number-points',
    });
    expect(lex('1..2')[0]).toMatchObject({
      kind: 'error',
      start: 0,
      end: 4,
      error: 'number-points',
    });
    expect(lex('.')[0]).toMatchObject({ kind: 'error', start: 0, end: 1, error: 'lone-point' });
    expect(lex('1e999')[0]).toMatchObject({
      kind: 'error',
      start: 0,
      end: 5,
      error: 'number-too-large',
    });
  });

  it('ends with eof at the source length, and an empty source is just eof', () => {
    expect(lex('')).toEqual([{ kind: 'eof', start: 0, end: 0 }]);
    expect(lex('ab ').at(-1)).toEqual({ kind: 'eof', start: 3, end: 3 });
  });

  it('never throws, and its tokens tile the input in order', () => {
    const nasty = [
      '\ud800',
      '\udc00x',
      '((((',
      ')))))',
      '#',
      '1e',
      '1e+',
      '.e5',
      '\u0301a',
      'a\u0301',
      '\0',
    ];
    for (const source of nasty) {
      const tokens = lex(source);
      let at = 0;
      for (const t of tokens) {
        expect(t.start).toBeGreaterThanOrEqual(at);
        expect(t.end).toBeGreaterThanOrEqual(t.start);
        at = t.end;
      }
      expect(at).toBe(source.length);
    }
  });

  // CPU time of the fastest of three runs: the machine running the tests is shared, and wall
  // time would measure the neighbours as much as the lexer.
  function bestCpuMs(run: () => void): number {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const before = process.cpuUsage();
      run();
      const used = process.cpuUsage(before);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  }

  it('lexes a 1,000,000-character source in well under a second', () => {
    const source = `x${'+x'.repeat(499_999)} `;
    expect(source).toHaveLength(1_000_000);
    expect(lex(source)).toHaveLength(999_999 + 1);
    expect(bestCpuMs(() => lex(source))).toBeLessThan(500);
  });

  it('stays linear on long names, numbers, comments, Greek and error runs', () => {
    const sources = [
      'a'.repeat(1_000_000),
      'θ'.repeat(1_000_000),
      '1'.repeat(999_999),
      `#${'c'.repeat(999_999)}`,
      '×'.repeat(500_000),
      'sin(θ_1*2.5e-3)+'.repeat(62_500),
    ];
    for (const source of sources) expect(bestCpuMs(() => lex(source))).toBeLessThan(500);
  });
});
