import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCodeFrame } from './diagnostics.ts';
import { OPS } from './ops.ts';
import { parse } from './parser.ts';
import { printExpr, printProgram } from './print.ts';
import type { BinaryOp, Expr, Program, Span, Statement } from './types.ts';

// ---------------------------------------------------------------------------------------------
// (a) Any string: parse returns, never throws, and every span it reports lies inside the input.

const FORMULA_PIECES = [
  'x',
  'y',
  'θ',
  'w_0',
  'a',
  'sin',
  'max',
  'ln',
  'pow',
  'sine',
  'e',
  'pi',
  'π',
  '2',
  '0.5',
  '.5',
  '1e-3',
  '2.5E+4',
  '1,5',
  '1.2.3',
  '.',
  '1e999',
  '+',
  '-',
  '*',
  '/',
  '^',
  '**',
  '(',
  ')',
  '((',
  '))',
  ',',
  '=',
  ';',
  '\n',
  ' ',
  '\t',
  '# note\n',
  '×',
  '÷',
  '−',
  '²',
  '😀',
  '\u200b',
  '\r\n',
  '2x',
  'a =',
  'constructor',
  '__proto__',
  'toString',
];

const tokenSoup = fc
  .array(fc.constantFrom(...FORMULA_PIECES), { maxLength: 30 })
  .map((pieces) => pieces.join(''));

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
  tokenSoup,
);

function inside(span: Span, length: number): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    0 <= span.start &&
    span.start <= span.end &&
    span.end <= length
  );
}

function everySpan(e: Expr, visit: (s: Span) => void): void {
  visit(e.span);
  if (e.kind === 'unary') everySpan(e.arg, visit);
  if (e.kind === 'binary') {
    everySpan(e.left, visit);
    everySpan(e.right, visit);
  }
  if (e.kind === 'call') {
    visit(e.nameSpan);
    e.args.forEach((a) => everySpan(a, visit));
  }
}

describe('parse on arbitrary input', () => {
  it('never throws; diagnostics (and AST spans) lie inside the input', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        const r = parse(source);
        if (r.ok) {
          for (const s of r.program.statements) {
            expect(inside(s.span, source.length)).toBe(true);
            everySpan(s.expr, (span) => expect(inside(span, source.length)).toBe(true));
          }
          return;
        }
        expect(r.diagnostics.length).toBeGreaterThan(0);
        for (const d of r.diagnostics) {
          expect(inside(d.span, source.length), `${d.code} ${JSON.stringify(d.span)}`).toBe(true);
          expect(d.message.length).toBeGreaterThan(0);
          expect(typeof formatCodeFrame(source, d)).toBe('string');
        }
      }),
      { numRuns: 10_000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (b) print ∘ parse is the identity on ASTs (ignoring spans and the `implicit` flag).

const NO_SPAN: Span = { start: 0, end: 0 };
const VARIABLES = ['x', 'y', 'z', 'θ', 'α', 'w_0', 'x1', '_t', 'ex', 'pie'];
const BINDINGS = ['a', 'b', 'c', 'f_1', 'β', 'out'];
const BINARY_OPS: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'pow'];
const CALLS = OPS.flatMap((op) => op.callNames.map((name) => ({ name, op })));

const numberValue = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
  fc.constantFrom(0.5, 1e-3, 2.5e4, 1e21, 5e-324),
);

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberValue.map((value): Expr => ({ kind: 'number', value, span: NO_SPAN })),
    fc.constantFrom('pi', 'e').map((name): Expr => ({
      kind: 'constant',
      name,
      value: name === 'pi' ? Math.PI : Math.E,
      span: NO_SPAN,
    })),
    fc.constantFrom(...VARIABLES).map((name): Expr => ({ kind: 'name', name, span: NO_SPAN })),
    fc
      .tuple(fc.constantFrom('neg' as const, 'pos' as const), tie('expr'))
      .map(([op, arg]): Expr => ({ kind: 'unary', op, arg, span: NO_SPAN })),
    fc
      .tuple(fc.constantFrom(...BINARY_OPS), tie('expr'), tie('expr'), fc.boolean())
      .map(([op, left, right, implicit]): Expr =>
        // The flag is only a note on how `*` was written; the printer may drop it.
        op === 'mul' && implicit
          ? { kind: 'binary', op, left, right, span: NO_SPAN, implicit: true }
          : { kind: 'binary', op, left, right, span: NO_SPAN },
      ),
    fc.constantFrom(...CALLS).chain(({ name, op }) =>
      fc.array(tie('expr'), { minLength: op.arity, maxLength: op.arity }).map((args): Expr => ({
        kind: 'call',
        fn: op.id,
        name,
        args,
        span: NO_SPAN,
        nameSpan: NO_SPAN,
      })),
    ),
  ),
}));

const program = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...BINDINGS), { maxLength: 3 }),
    fc.array(expr, { minLength: 4, maxLength: 4 }),
  )
  .map(([names, exprs]): Program => {
    const statements: Statement[] = names.map((name, i) => ({
      kind: 'assign',
      name,
      nameSpan: NO_SPAN,
      expr: exprs[i] as Expr,
      span: NO_SPAN,
    }));
    statements.push({ kind: 'expr', expr: exprs[3] as Expr, span: NO_SPAN });
    return { source: '', statements };
  });

/** The AST without positions or the `implicit` note, for comparison. */
function shape(e: Expr): unknown {
  switch (e.kind) {
    case 'number':
      return { kind: e.kind, value: e.value };
    case 'constant':
      return { kind: e.kind, name: e.name, value: e.value };
    case 'name':
      return { kind: e.kind, name: e.name };
    case 'unary':
      return { kind: e.kind, op: e.op, arg: shape(e.arg) };
    case 'binary':
      return { kind: e.kind, op: e.op, left: shape(e.left), right: shape(e.right) };
    case 'call':
      return { kind: e.kind, fn: e.fn, name: e.name, args: e.args.map(shape) };
  }
}

const statementShape = (s: Statement): unknown =>
  s.kind === 'assign'
    ? { kind: s.kind, name: s.name, expr: shape(s.expr) }
    : { kind: s.kind, expr: shape(s.expr) };

describe('print then parse', () => {
  it('gives back the same expression', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const text = printExpr(e);
        const r = parse(text);
        if (!r.ok) throw new Error(`${text}: ${r.diagnostics[0]?.message}`);
        expect(r.program.statements).toHaveLength(1);
        expect(shape(r.program.statements[0]!.expr)).toEqual(shape(e));
      }),
      { numRuns: 3_000 },
    );
  });

  it('gives back the same program', () => {
    fc.assert(
      fc.property(program, (p) => {
        const text = printProgram(p);
        const r = parse(text);
        if (!r.ok) throw new Error(`${text}: ${r.diagnostics[0]?.message}`);
        expect(r.program.statements.map(statementShape)).toEqual(p.statements.map(statementShape));
      }),
      { numRuns: 1_000 },
    );
  });
});
