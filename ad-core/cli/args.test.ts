import { describe, expect, it } from 'vitest';
import { parseArgs, parseAssignments, parseNumber } from './args.ts';

describe('parseArgs', () => {
  it('reads the formula and the defaults', () => {
    expect(parseArgs(['x*y', '--at', 'x=1,y=2'])).toEqual({
      ok: true,
      options: {
        formula: 'x*y',
        file: null,
        at: 'x=1,y=2',
        mode: 'reverse',
        seed: null,
        method: 'central',
        h: undefined,
        json: false,
        merge: false,
        hessian: false,
        export: null,
        help: false,
      },
    });
  });

  it('reads every option, with values after a space or after =', () => {
    const r = parseArgs([
      '--mode=forward',
      'x',
      '--seed',
      'x=1',
      '--method',
      'richardson',
      '--h=1e-4',
      '--json',
      '--merge',
    ]);
    expect(r.ok && r.options).toMatchObject({
      formula: 'x',
      mode: 'forward',
      seed: 'x=1',
      method: 'richardson',
      h: 1e-4,
      json: true,
      merge: true,
    });
  });

  it('takes a formula starting with a minus sign as the formula, and everything after --', () => {
    expect(parseArgs(['-x^2', '--at', 'x=1']).ok && parseArgs(['-x^2']).ok).toBe(true);
    const r = parseArgs(['--at', 'x=-1', '--', '--x']);
    expect(r.ok && [r.options.formula, r.options.at]).toEqual(['--x', 'x=-1']);
  });

  it('knows --help and -h without a formula', () => {
    for (const flag of ['--help', '-h']) {
      const r = parseArgs([flag]);
      expect(r.ok && r.options.help).toBe(true);
    }
  });

  it('rejects what it does not understand, saying what is wrong', () => {
    const cases: [string[], RegExp][] = [
      [[], /no formula/],
      [['x', 'y'], /one formula, got 2/],
      [['x', '--at'], /--at needs a value/],
      [['x', '--at', 'x=1', '--at', 'x=2'], /given twice/],
      [['x', '--frobnicate'], /unknown option --frobnicate/],
      [['x', '--mode', 'sideways'], /--mode must be reverse or forward/],
      [
        ['x', '--method', 'secant'],
        /--method must be one of central, forward, richardson, complex/,
      ],
      [['x', '--h', '0'], /--h must be a positive number/],
      [['x', '--h', 'tiny'], /--h must be a positive number/],
      [['x', '--seed', 'x=1'], /--seed needs --mode forward/],
      [['x', '--json=yes'], /--json takes no value/],
    ];
    for (const [argv, message] of cases) {
      const r = parseArgs(argv);
      expect(r.ok, argv.join(' ')).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    }
  });
});

describe('parseNumber', () => {
  it('reads plain numbers and a few named ones, and nothing else', () => {
    expect(['2', '-0.5', '.5', '+3', '1e-3', '2.5E+4'].map(parseNumber)).toEqual([
      2, -0.5, 0.5, 3, 1e-3, 2.5e4,
    ]);
    expect(['pi', '-π', 'e', 'inf', '-Infinity'].map(parseNumber)).toEqual([
      Math.PI,
      -Math.PI,
      Math.E,
      Infinity,
      -Infinity,
    ]);
    expect(parseNumber('nan')).toBeNaN();
    for (const bad of ['', '1,5', '0x10', '2x', '1e', 'one', '--1'])
      expect(parseNumber(bad), bad).toBeNull();
  });
});

describe('parseAssignments', () => {
  const vars = ['x', 'y'];

  it('reads name=value lists with spaces', () => {
    expect(parseAssignments(' x = 2 , y=-5 ', '--at', vars, true)).toEqual({
      ok: true,
      values: { x: 2, y: -5 },
    });
  });

  it('names the missing variables when all are required', () => {
    expect(parseAssignments('x=2', '--at', vars, true)).toEqual({
      ok: false,
      message: '--at: missing value for y (give --at x=…,y=…)',
    });
    expect(parseAssignments('', '--at', vars, true)).toMatchObject({
      ok: false,
      message: expect.stringContaining('missing values for x, y'),
    });
  });

  it('fills missing seed components with 0', () => {
    expect(parseAssignments('y=1', '--seed', vars, false)).toEqual({
      ok: true,
      values: { x: 0, y: 1 },
    });
  });

  it('rejects unknown, repeated and unparsable entries', () => {
    expect(parseAssignments('x=1,w=2,y=3', '--at', vars, true)).toEqual({
      ok: false,
      message: '--at: unknown variable "w" (the formula\'s variables are x, y)',
    });
    expect(parseAssignments('x=1,x=2', '--at', vars, true)).toMatchObject({
      ok: false,
      message: '--at: x is given twice',
    });
    expect(parseAssignments('x=two,y=1', '--at', vars, true)).toMatchObject({
      ok: false,
      message: '--at: "two" is not a number (for x)',
    });
    expect(parseAssignments('x=1,5', '--at', ['x'], true)).toMatchObject({
      ok: false,
      message: '--at: expected name=value, got "5" (use "." for decimals: x=1.5)',
    });
  });

  it('treats prototype names as ordinary variables', () => {
    const r = parseAssignments(
      '__proto__=1,constructor=2',
      '--at',
      ['__proto__', 'constructor'],
      true,
    );
    expect(r.ok && Object.entries(r.values)).toEqual([
      ['__proto__', 1],
      ['constructor', 2],
    ]);
  });
});
