import { describe, expect, it } from 'vitest';
import { MAX_NESTING, MAX_SOURCE_LENGTH, parse, suggestFunction } from './parser.ts';
import type { Diagnostic, Expr, Program } from './types.ts';

function program(source: string): Program {
  const r = parse(source);
  if (!r.ok)
    throw new Error(`expected ${JSON.stringify(source)} to parse: ${r.diagnostics[0]?.message}`);
  return r.program;
}

function diagnostics(source: string): Diagnostic[] {
  const r = parse(source);
  if (r.ok) throw new Error(`expected ${JSON.stringify(source)} to fail`);
  return r.diagnostics;
}

const firstError = (source: string): Diagnostic => diagnostics(source)[0] as Diagnostic;

/** Compact tree notation, so precedence tests read like the rule they check. */
function sx(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'constant':
    case 'name':
      return e.name;
    case 'unary':
      return `(${e.op} ${sx(e.arg)})`;
    case 'binary':
      return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'call':
      return `(${e.fn} ${e.args.map(sx).join(' ')})`;
    case 'apply':
      return `(${e.name}! ${e.args.map(sx).join(' ')})`;
  }
}

const tree = (source: string): string => {
  const statements = program(source).statements;
  return sx(statements[statements.length - 1]!.expr);
};

describe('precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', '(add 1 (mul 2 3))'],
    ['1 * 2 + 3', '(add (mul 1 2) 3)'],
    ['a - b - c', '(sub (sub a b) c)'],
    ['a - (b - c)', '(sub a (sub b c))'],
    ['a / b / c', '(div (div a b) c)'],
    ['a / b * c', '(mul (div a b) c)'],
    ['a / (b * c)', '(div a (mul b c))'],
    ['a ^ b ^ c', '(pow a (pow b c))'],
    ['(a ^ b) ^ c', '(pow (pow a b) c)'],
    ['-x^2', '(neg (pow x 2))'],
    ['(-x)^2', '(pow (neg x) 2)'],
    ['2^-x', '(pow 2 (neg x))'],
    ['2^-x^2', '(pow 2 (neg (pow x 2)))'],
    ['-x*y', '(mul (neg x) y)'],
    ['-x + y', '(add (neg x) y)'],
    ['--x', '(neg (neg x))'],
    ['+x', '(pos x)'],
    ['a * -b', '(mul a (neg b))'],
    ['a - -b', '(sub a (neg b))'],
    ['x**2', '(pow x 2)'],
    ['x**y**z', '(pow x (pow y z))'],
    ['x^2*y', '(mul (pow x 2) y)'],
  ])('%s → %s', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });
});

describe('values', () => {
  it('reads numbers in every written form', () => {
    expect(tree('2 + 0.5 + .5 + 1e-3 + 2.5E+4')).toBe(
      '(add (add (add (add 2 0.5) 0.5) 0.001) 25000)',
    );
  });

  it('reads Greek and indexed names as variables', () => {
    expect(tree('θ + α*w_0 + x1')).toBe('(add (add θ (mul α w_0)) x1)');
  });

  it('reads pi, π and e as constants with their values', () => {
    const sum = program('pi + π + e').statements[0]!.expr;
    expect(sum).toMatchObject({
      kind: 'binary',
      left: {
        kind: 'binary',
        left: { kind: 'constant', name: 'pi', value: Math.PI },
        right: { kind: 'constant', name: 'pi', value: Math.PI },
      },
      right: { kind: 'constant', name: 'e', value: Math.E },
    });
  });

  it('resolves function names to op ids, including aliases and pow', () => {
    expect(tree('ln(x) + log(x)')).toBe('(add (log x) (log x))');
    expect(program('ln(x)').statements[0]!.expr).toMatchObject({
      kind: 'call',
      fn: 'log',
      name: 'ln',
    });
    expect(tree('pow(a, b)')).toBe('(pow a b)');
    expect(tree('atan2(y, x) + hypot(x, y)')).toBe('(add (atan2 y x) (hypot x y))');
    expect(tree('max(1,5)')).toBe('(max 1 5)');
  });

  it('parses every function of the language', () => {
    const unary =
      'sin cos tan asin acos atan sinh cosh tanh exp log ln log2 log10 sqrt abs relu sigmoid softplus';
    for (const f of unary.split(' ')) expect(parse(`${f}(x)`).ok, f).toBe(true);
    for (const f of ['atan2', 'max', 'min', 'pow', 'hypot'])
      expect(parse(`${f}(x, y)`).ok, f).toBe(true);
  });

  it('records spans, widening a parenthesised expression to its parentheses', () => {
    const e = program('2*(x+1)').statements[0]!.expr;
    expect(e.span).toEqual({ start: 0, end: 7 });
    expect(e.kind === 'binary' && e.right.span).toEqual({ start: 2, end: 7 });
    const call = program('  sin( x )').statements[0]!.expr;
    expect(call).toMatchObject({ span: { start: 2, end: 10 }, nameSpan: { start: 2, end: 5 } });
  });
});

describe('implicit multiplication', () => {
  it.each([
    ['2x', '(mul 2 x)'],
    ['3(x+1)', '(mul 3 (add x 1))'],
    ['2sin(x)', '(mul 2 (sin x))'],
    ['2pi', '(mul 2 pi)'],
    ['2x^2', '(mul 2 (pow x 2))'],
    ['1/2x', '(mul (div 1 2) x)'],
    ['2e', '(mul 2 e)'],
    ['2e3x', '(mul 2000 x)'],
  ])('%s → %s', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it('marks juxtaposition as implicit and written `*` as not', () => {
    expect(program('2x').statements[0]!.expr).toMatchObject({
      kind: 'binary',
      op: 'mul',
      implicit: true,
    });
    expect(program('2*x').statements[0]!.expr).not.toHaveProperty('implicit');
  });

  it('applies only when a number directly touches a name or `(`', () => {
    for (const source of ['2 x', 'x y', '(2)x', 'x(2)', '2 (x)'])
      expect(parse(source).ok, source).toBe(false);
    expect(firstError('2 x')).toMatchObject({
      code: 'missing-operator',
      hint: 'Did you mean `2*x`?',
    });
  });
});

describe('statements', () => {
  it('splits on newlines and `;`, ignores blank statements and comments', () => {
    const p = program('# setup\na = x*y ; b = a + 1\n\n;; # the output:\nsin(b) # done\n');
    expect(p.statements.map((s) => s.kind)).toEqual(['assign', 'assign', 'expr']);
    expect(p.statements[0]).toMatchObject({
      kind: 'assign',
      name: 'a',
      nameSpan: { start: 8, end: 9 },
    });
    expect(p.statements[0]!.span).toEqual({ start: 8, end: 15 });
    expect(sx(p.statements[2]!.expr)).toBe('(sin b)');
  });

  it('treats a newline inside parentheses as whitespace', () => {
    expect(tree('max(x,\n  y)')).toBe('(max x y)');
    expect(tree('(x\n+ 1)')).toBe('(add x 1)');
  });

  it('allows the last statement to be a binding (it is the output)', () => {
    expect(program('y = x^2').statements).toHaveLength(1);
  });

  it('keeps the source on the program', () => {
    expect(program('x').source).toBe('x');
  });
});

describe('diagnostics, word for word', () => {
  it.each<[string, Diagnostic]>([
    [
      'sin(x',
      {
        code: 'unclosed-paren',
        message: 'Unclosed parenthesis: this `(` is never closed.',
        span: { start: 3, end: 4 },
        hint: 'Add `)` at the end.',
      },
    ],
    [
      '(x; y)',
      {
        code: 'unclosed-paren',
        message: 'Unclosed parenthesis: this `(` is never closed.',
        span: { start: 0, end: 1 },
        hint: 'Add `)` before `;`.',
      },
    ],
    [
      'sin(x\ny = 2',
      {
        code: 'unclosed-paren',
        message: 'Unclosed parenthesis: this `(` is never closed.',
        span: { start: 3, end: 4 },
        hint: 'Add `)` at the end of line 1.',
      },
    ],
    [
      '2 + * 3',
      {
        code: 'expected-value',
        message: 'Expected a value after `+`, but found `*`.',
        span: { start: 4, end: 5 },
        hint: 'Put a number or a name between `+` and `*`.',
      },
    ],
    [
      '* 3',
      {
        code: 'expected-value',
        message: 'Expected a value, but found `*`.',
        span: { start: 0, end: 1 },
        hint: 'Start with a number, a name or `(`.',
      },
    ],
    [
      'sine(x)',
      {
        code: 'unknown-function',
        message: 'Unknown function `sine`.',
        span: { start: 0, end: 4 },
        hint: 'Did you mean `sin`?',
      },
    ],
    [
      'f(x)',
      {
        code: 'unknown-function',
        message: 'Unknown function `f`.',
        span: { start: 0, end: 1 },
        hint: 'To define it, write `f(t) = …` on a line above; to multiply, write `f*(…)`.',
      },
    ],
    [
      'x y',
      {
        code: 'missing-operator',
        message: 'Missing operator between `x` and `y`.',
        span: { start: 2, end: 3 },
        hint: 'Did you mean `x*y`?',
      },
    ],
    [
      'x^',
      {
        code: 'unexpected-end',
        message: 'The formula ended after `^`: a value is missing.',
        span: { start: 1, end: 2 },
        hint: 'Add the exponent, e.g. `x^2`.',
      },
    ],
    [
      'x +\ny',
      {
        code: 'unexpected-end',
        message: 'The line ended after `+`: a value is missing.',
        span: { start: 2, end: 3 },
        hint: 'Add a value after `+`.',
      },
    ],
    [
      'exp(x))',
      {
        code: 'unmatched-paren',
        message: 'Unmatched `)`: there is no `(` for it to close.',
        span: { start: 6, end: 7 },
        hint: 'Remove this `)`, or add the missing `(` before it.',
      },
    ],
    [
      'max(x)',
      {
        code: 'wrong-arity',
        message: '`max` takes 2 arguments, got 1.',
        span: { start: 0, end: 6 },
        hint: 'Write `max(a, b)`.',
      },
    ],
    [
      'sin(x, y)',
      {
        code: 'wrong-arity',
        message: '`sin` takes 1 argument, got 2.',
        span: { start: 0, end: 9 },
        hint: 'Write `sin(x)`.',
      },
    ],
    [
      '1,5',
      {
        code: 'decimal-comma',
        message: '`,` is not a decimal point.',
        span: { start: 1, end: 2 },
        hint: 'Write `1.5`.',
      },
    ],
    [
      'sin(3,14)',
      {
        code: 'decimal-comma',
        message: '`,` is not a decimal point.',
        span: { start: 5, end: 6 },
        hint: 'Write `3.14`.',
      },
    ],
    [
      '(x, y)',
      {
        code: 'unexpected-token',
        message: '`,` separates the arguments of a function or the outputs on the last line.',
        span: { start: 2, end: 3 },
        hint: 'Two-argument functions are written like `max(a, b)`; several outputs like `x*y, sin(x)`.',
      },
    ],
    [
      '2 = x',
      {
        code: 'unexpected-token',
        message: '`=` can only follow a name at the start of a statement.',
        span: { start: 2, end: 3 },
        hint: 'Define a name like this: `a = x*y`.',
      },
    ],
    [
      'x×y',
      {
        code: 'unexpected-character',
        message: 'Unsupported character `×`.',
        span: { start: 1, end: 2 },
        hint: 'Use `*` for multiplication.',
      },
    ],
    [
      'x÷y',
      {
        code: 'unexpected-character',
        message: 'Unsupported character `÷`.',
        span: { start: 1, end: 2 },
        hint: 'Use `/` for division.',
      },
    ],
    [
      'x·y',
      {
        code: 'unexpected-character',
        message: 'Unsupported character `·`.',
        span: { start: 1, end: 2 },
        hint: 'Use `*` for multiplication.',
      },
    ],
    [
      'x − y',
      {
        code: 'unexpected-character',
        message: 'Unsupported character `−`.',
        span: { start: 2, end: 3 },
        hint: 'Use `-` (the minus sign on the keyboard).',
      },
    ],
    [
      'x²',
      {
        code: 'unexpected-character',
        message: 'Unsupported character `²`.',
        span: { start: 1, end: 2 },
        hint: 'Use `^2` for a power, e.g. `x^2`.',
      },
    ],
    [
      '',
      {
        code: 'empty-formula',
        message: 'The formula is empty.',
        span: { start: 0, end: 0 },
        hint: 'Type an expression, e.g. `sin(x*y) + exp(x)/y`.',
      },
    ],
    [
      '  # only a comment\n ; \n',
      {
        code: 'empty-formula',
        message: 'The formula is empty.',
        span: { start: 0, end: 23 },
        hint: 'Type an expression, e.g. `sin(x*y) + exp(x)/y`.',
      },
    ],
    [
      'y = a + 1\na = 2\ny',
      {
        code: 'undefined-binding',
        message: '`a` is used before it is defined.',
        span: { start: 4, end: 5 },
        hint: 'Move the line `a = …` above this one.',
      },
    ],
    [
      'a = a + 1',
      {
        code: 'undefined-binding',
        message: '`a` is used in its own definition.',
        span: { start: 4, end: 5 },
        hint: 'A name cannot refer to itself; give the result a new name, e.g. `a2 = …`.',
      },
    ],
    [
      'a = x\nb = 2\na = 3\na',
      {
        code: 'duplicate-binding',
        message: '`a` is already defined on line 1.',
        span: { start: 12, end: 13 },
        hint: 'Each name can be defined once; give this one a new name.',
      },
    ],
    [
      'pi = 3\npi',
      {
        code: 'assign-to-constant',
        message: '`pi` is a constant and cannot be assigned.',
        span: { start: 0, end: 2 },
        hint: 'Pick another name, e.g. `pi_1`.',
      },
    ],
    [
      'sin = 2',
      {
        code: 'assign-to-constant',
        message: '`sin` is a function name and cannot be assigned.',
        span: { start: 0, end: 3 },
        hint: 'Pick another name, e.g. `sin_1`.',
      },
    ],
    [
      'exp + 1',
      {
        code: 'not-a-function',
        message: '`exp` is a function: it needs its argument in parentheses.',
        span: { start: 0, end: 3 },
        hint: 'Write `exp(x)`.',
      },
    ],
    [
      'sin x',
      {
        code: 'not-a-function',
        message: '`sin` is a function: it needs its argument in parentheses.',
        span: { start: 0, end: 3 },
        hint: 'Write `sin(x)`.',
      },
    ],
    [
      '1.2.3',
      {
        code: 'bad-number',
        message: '`1.2.3` is not a number.',
        span: { start: 0, end: 5 },
        hint: 'A number has at most one `.`, e.g. `1.25`.',
      },
    ],
    [
      'x + 1e999',
      {
        code: 'bad-number',
        message: '`1e999` is too large to be a number.',
        span: { start: 4, end: 9 },
        hint: 'The largest number is about `1.8e308`.',
      },
    ],
  ])('%j', (source, expected) => {
    expect(firstError(source)).toEqual(expected);
  });

  it('reports the first error of each statement, in source order', () => {
    const found = diagnostics('x +\ny y\nsin(x)\nexp(x))');
    expect(found.map((d) => [d.code, d.span.start])).toEqual([
      ['unexpected-end', 2],
      ['missing-operator', 6],
      ['unmatched-paren', 21],
    ]);
  });

  it('reports every resolution error, sorted by position', () => {
    const found = diagnostics('c = b\nb = 1\nb = 2\nc');
    expect(found.map((d) => d.code)).toEqual(['undefined-binding', 'duplicate-binding']);
  });

  it('treats names like `constructor` as ordinary names', () => {
    expect(tree('constructor + toString*__proto__')).toBe(
      '(add constructor (mul toString __proto__))',
    );
    expect(tree('hasOwnProperty = 2\nhasOwnProperty')).toBe('hasOwnProperty');
    expect(firstError('toString(x)')).toMatchObject({
      code: 'unknown-function',
      hint: 'To define it, write `toString(t) = …` on a line above; to multiply, write `toString*(…)`.',
    });
  });

  it('shows `sin^2(x)` how to write a power of a function', () => {
    expect(firstError('sin^2(x)')).toMatchObject({
      code: 'not-a-function',
      hint: 'Write `sin(x)^2`.',
    });
  });

  it('accepts a binding used after its definition and a variable never bound', () => {
    expect(tree('a = x*y\nb = a + z\nb * a')).toBe('(mul b a)');
  });

  it('suggests the closest function for a typo and known aliases', () => {
    expect(suggestFunction('sqr')).toBe('sqrt');
    expect(suggestFunction('Sin')).toBe('sin');
    expect(suggestFunction('arctan')).toBe('atan');
    expect(suggestFunction('sigmoidd')).toBe('sigmoid');
    expect(suggestFunction('x')).toBeNull();
    expect(suggestFunction('banana')).toBeNull();
  });
});

describe('limits', () => {
  // `x+x+…+x` padded with one space to exactly the limit.
  const x1M = `x${'+x'.repeat((MAX_SOURCE_LENGTH - 2) / 2)} `;

  it('accepts a 1,000,000-character source, iteratively', () => {
    expect(x1M.length).toBe(MAX_SOURCE_LENGTH);
    const before = process.cpuUsage();
    const r = parse(x1M);
    const used = process.cpuUsage(before);
    expect(r.ok).toBe(true);
    // CPU time, not wall time: the test machine is shared.
    expect((used.user + used.system) / 1000).toBeLessThan(3000);
  });

  it('rejects a longer source with too-long', () => {
    const r = parse(`${x1M}+`);
    expect(r).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'too-long',
          message: 'The formula is too long: 1,000,001 characters (the limit is 1,000,000).',
          span: { start: 1_000_000, end: 1_000_001 },
        },
      ],
    });
  });

  const nest = {
    parentheses: (n: number) => `${'('.repeat(n)}x${')'.repeat(n)}`,
    'negated parentheses': (n: number) => `${'-('.repeat(n)}x${')'.repeat(n)}`,
    signs: (n: number) => `${'-'.repeat(n)}x`,
    exponents: (n: number) => `${'x^'.repeat(n)}x`,
    calls: (n: number) => `${'sin('.repeat(n)}x${')'.repeat(n)}`,
    'all at once': (n: number) => `${'-(x^'.repeat(n)}x${')'.repeat(n)}`,
  };

  it.each(Object.entries(nest))('accepts %s nested %d levels deep', (_, make) => {
    expect(parse(make(MAX_NESTING)).ok).toBe(true);
  });

  it.each(Object.entries(nest))(
    'rejects %s nested 1,001 and 100,000 levels deep with too-deep',
    (_, make) => {
      for (const n of [MAX_NESTING + 1, 100_000]) {
        const [d, ...rest] = diagnostics(make(n));
        expect(rest).toEqual([]);
        expect(d).toMatchObject({
          code: 'too-deep',
          message: 'The formula is nested too deeply (more than 1,000 levels).',
          hint: 'Split it into steps: define `a = …` on one line and use `a` on the next.',
        });
        expect(d!.span.end - d!.span.start).toBeGreaterThan(0);
      }
    },
  );

  it('puts the too-deep span on the token that opens level 1,001', () => {
    expect(firstError(nest.parentheses(100_000)).span).toEqual({ start: 1000, end: 1001 });
  });
});
