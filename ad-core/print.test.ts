import { describe, expect, it } from 'vitest';
import { parse } from './parser.ts';
import { printExpr, printNumber, printProgram } from './print.ts';
import type { Expr, Program } from './types.ts';

function reprint(source: string): string {
  const r = parse(source);
  if (!r.ok) throw new Error(`${source}: ${r.diagnostics[0]?.message}`);
  return printProgram(r.program);
}

const span = { start: 0, end: 0 };
const x: Expr = { kind: 'name', name: 'x', span };

describe('printExpr', () => {
  it.each([
    ['-x^2', '-x^2'],
    ['(-x)^2', '(-x)^2'],
    ['-(x^2)', '-x^2'],
    ['2^-x', '2^-x'],
    ['2^(-x)', '2^-x'],
    ['a-(b-c)', 'a - (b - c)'],
    ['(a-b)-c', 'a - b - c'],
    ['a/(b*c)', 'a / (b * c)'],
    ['(a/b)*c', 'a / b * c'],
    ['a*(b/c)', 'a * (b / c)'],
    ['a+(b+c)', 'a + (b + c)'],
    ['(a+b)*c', '(a + b) * c'],
    ['a+b*c', 'a + b * c'],
    ['a^(b^c)', 'a^b^c'],
    ['(a^b)^c', '(a^b)^c'],
    ['-(a+b)', '-(a + b)'],
    ['-(a*b)', '-(a * b)'],
    ['(-a)*b', '-a * b'],
    ['-(-x)', '--x'],
    ['a - (-b)', 'a - -b'],
    ['a^-b*c', 'a^-b * c'],
    ['(a^-b)^c', '(a^-b)^c'],
    ['a^(-b)^c', 'a^(-b)^c'],
    ['2x + 3(x+1)', '2 * x + 3 * (x + 1)'],
    ['x**2', 'x^2'],
    ['sin(x*y) + exp(x)/y', 'sin(x * y) + exp(x) / y'],
    ['max((a+b), -(c))', 'max(a + b, -c)'],
    ['ln(π) + e', 'ln(pi) + e'],
    ['θ*α', 'θ * α'],
  ])('%s prints as %s', (source, expected) => {
    expect(reprint(source)).toBe(expected);
  });

  it('prints numbers so they lex back to the same double', () => {
    for (const v of [
      0,
      1,
      0.1,
      1 / 3,
      1e21,
      1e-7,
      5e-324,
      Number.MAX_VALUE,
      123456789012345680000,
    ]) {
      const text = printNumber(v);
      const r = parse(text);
      expect(r.ok && r.program.statements[0]!.expr).toMatchObject({ kind: 'number', value: v });
    }
  });

  it('writes values no literal can hold as expressions that compute them', () => {
    expect(printNumber(-2)).toBe('(-2)');
    expect(printNumber(-0)).toBe('(-0)');
    expect(printNumber(Infinity)).toBe('(1/0)');
    expect(printNumber(-Infinity)).toBe('(-1/0)');
    expect(printNumber(NaN)).toBe('(0/0)');
  });

  it('prints a call with its written name and comma-separated arguments', () => {
    const call: Expr = { kind: 'call', fn: 'pow', name: 'pow', args: [x, x], span, nameSpan: span };
    expect(printExpr(call)).toBe('pow(x, x)');
  });

  it('prints a million-node left spine without recursion', () => {
    let e: Expr = x;
    for (let i = 0; i < 1_000_000; i++) e = { kind: 'binary', op: 'add', left: e, right: x, span };
    const text = printExpr(e);
    expect(text.length).toBe(1 + 4 * 1_000_000);
    expect(text.startsWith('x + x + x')).toBe(true);
  });
});

describe('printProgram', () => {
  it('prints one statement per line with bindings', () => {
    expect(reprint('a = x*y; b = a+1 # note\n\nsin(b)')).toBe('a = x * y\nb = a + 1\nsin(b)');
  });

  it('prints an empty program as empty text', () => {
    const empty: Program = { source: '', statements: [] };
    expect(printProgram(empty)).toBe('');
  });
});
