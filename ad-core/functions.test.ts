import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockLabel,
  blockShortLabel,
  blocksOf,
  explainBlockStep,
  groupSteps,
  viewGraph,
} from './blocks.ts';
import { isCallBlockName, splitBlockNames } from './functions-names.ts';
import { MAX_CALL_DEPTH } from './functions.ts';
import { unusedParameterWarnings } from './functions-warnings.ts';
import { compile } from './graph.ts';
import { parse } from './parser.ts';
import { printProgram } from './print.ts';
import { gradient } from './reverse.ts';
import { graphOf } from './test-support.ts';
import { buildTrace } from './trace.ts';
import type { Diagnostic } from './types.ts';

const errorsOf = (source: string): Diagnostic[] => {
  const r = parse(source);
  if (r.ok) throw new Error(`${source} parsed`);
  return r.diagnostics;
};
const firstError = (source: string) => errorsOf(source)[0]!;
const textAt = (source: string, d: Diagnostic) => source.slice(d.span.start, d.span.end);
const blockNames = (source: string, merge = false) =>
  blocksOf(graphOf(source, { mergeCommonSubexpressions: merge })).map((b) => b.name);

describe('definitions and calls', () => {
  it('inlines each call, so value and gradient are those of the written-out formula', () => {
    const g = graphOf('sq(t) = t^2\nsq(x) + sq(y)');
    expect(g.variables).toEqual(['x', 'y']);
    expect(gradient(g, { x: 1, y: 2 })).toEqual({ value: 5, gradient: { x: 2, y: 4 } });
    // The engine sees the inlined graph only: no node for the definition.
    expect(g.nodes.map((n) => n.op).sort()).toEqual([
      'add',
      'const',
      'const',
      'input',
      'input',
      'pow',
      'pow',
    ]);
  });

  it('separates statements by `;` as by newlines', () => {
    expect(gradient(graphOf('sq(t) = t^2; sq(x)+sq(y)'), { x: 1, y: 2 }).value).toBe(5);
  });

  it('computes the neuron of the issue, with the gradient of its closed form', () => {
    const source = 'neuron(a, b, w1, w2, c) = tanh(w1*a + w2*b + c)\nneuron(x1, x2, v1, v2, k)';
    const g = graphOf(source);
    expect(g.variables).toEqual(['x1', 'x2', 'v1', 'v2', 'k']);
    const at = { x1: 0.5, x2: -1.5, v1: 0.8, v2: 0.3, k: 0.1 };
    const z = at.v1 * at.x1 + at.v2 * at.x2 + at.k;
    const dz = 1 - Math.tanh(z) ** 2;
    const r = gradient(g, at);
    expect(r.value).toBeCloseTo(Math.tanh(z), 15);
    const expected = { x1: dz * at.v1, x2: dz * at.v2, v1: dz * at.x1, v2: dz * at.x2, k: dz };
    for (const [name, d] of Object.entries(expected)) expect(r.gradient[name]).toBeCloseTo(d, 14);
    expect(blockNames(source)).toEqual(['neuron(x1, x2, v1, v2, k)']);
  });

  it('binds parameters to argument nodes: an argument is computed once however often it is read', () => {
    const g = graphOf('cube(t) = t*t*t\ncube(x + 1)');
    expect(g.nodes.filter((n) => n.op === 'add')).toHaveLength(1);
    expect(gradient(g, { x: 1 })).toEqual({ value: 8, gradient: { x: 12 } });
  });

  it('lets a parameter shadow a name of the formula inside the body only', () => {
    const g = graphOf('t = 5*x\nsq(t) = t^2\nsq(y) + t');
    expect(g.variables).toEqual(['x', 'y']);
    expect(gradient(g, { x: 1, y: 2 })).toEqual({ value: 9, gradient: { x: 5, y: 4 } });
    expect(graphOf('sq(x) = x^2\nsq(y)').variables).toEqual(['y']);
  });

  it('reads variables and earlier bindings named in a body; a body never called adds no input', () => {
    expect(graphOf('scale(t) = k*t\nscale(x)').variables).toEqual(['k', 'x']);
    expect(graphOf('unused(t) = k*t\nx^2').variables).toEqual(['x']);
    const g = graphOf('w = 2*a\nscale(t) = w*t\nscale(x)');
    expect(gradient(g, { a: 3, x: 5 })).toEqual({ value: 30, gradient: { a: 10, x: 6 } });
  });

  it('calls earlier functions from a body', () => {
    const g = graphOf('sq(t) = t^2\nquad(t) = sq(t) + sq(t + 1)\nquad(x) * quad(y)');
    const q = (t: number) => t * t + (t + 1) ** 2;
    const dq = (t: number) => 2 * t + 2 * (t + 1);
    const r = gradient(g, { x: 1, y: 2 });
    expect(r.value).toBe(q(1) * q(2));
    expect(r.gradient).toEqual({ x: dq(1) * q(2), y: q(1) * dq(2) });
  });
});

describe('calls as blocks', () => {
  it('names each call by its arguments, a repeated call distinctly', () => {
    expect(blockNames('sq(t) = t^2\nsq(x) + sq(y)')).toEqual(['sq(x)', 'sq(y)']);
    expect(blockNames('sq(t) = t^2\nsq(x) + sq(x)')).toEqual(['sq(x)', 'sq(x) #2']);
    // Merged, the second call is the first one's node: one block.
    expect(blockNames('sq(t) = t^2\nsq(x) + sq(x)', true)).toEqual(['sq(x)']);
  });

  it('writes a call inside a body with the arguments it gets', () => {
    expect(blockNames('sq(t) = t^2\nquad(t) = sq(t) + sq(t + 1)\nquad(x) * 2')).toEqual([
      'sq(x)',
      'sq(x + 1)',
      'quad(x)',
    ]);
    // A body ending in a call: the outer call names the block.
    expect(blockNames('sq(t) = t^2\nf(t) = sq(2*t)\nf(x)')).toEqual(['f(x)']);
  });

  it('shortens a long call to `f(…)` and lets a binding of the whole call name the block', () => {
    expect(blockNames('f(a, b) = a*b\nf(alpha + beta*gamma, delta - epsilon)')).toEqual(['f(…)']);
    expect(blockNames('sq(t) = t^2\nh = sq(x)\nh + 1')).toEqual(['h']);
  });

  it('has no block when the body computes nothing of its own', () => {
    expect(blockNames('id(t) = t\nid(x)*2')).toEqual([]);
  });

  it('collapses a call like a binding: one node, one step, summarised', () => {
    const g = graphOf('sq(t) = t^2\nsq(x) + sq(y)');
    const view = viewGraph(g, ['sq(x)']);
    const block = view.graph.nodes.find((n) => n.op === 'block')!;
    expect(block.label).toBe('sq(x)');
    const groups = groupSteps(buildTrace(g, { x: 1, y: 2 }, 'reverse'), view);
    const first = groups.find((s) => s.block !== null)!;
    expect(explainBlockStep(view, first)?.title).toBe('sq(x) computed: 1 operation');
    const cube = graphOf('cube(t) = t*t*t\ncube(x) + cube(y)');
    const trace = buildTrace(cube, { x: 1, y: 2 }, 'reverse');
    const collapsed = groupSteps(trace, viewGraph(cube, ['cube(x)', 'cube(y)']));
    // Two operations each, shown as one step each way.
    expect(collapsed.length).toBe(trace.steps.length - 4);
  });
});

describe('diagnostics', () => {
  it('points at the recursive call, direct or through another function', () => {
    const direct = 'f(t) = t * f(t - 1)\nf(x)';
    const d = firstError(direct);
    expect(d.code).toBe('recursive-function');
    expect(textAt(direct, d)).toBe('f(t - 1)');
    const mutual = 'even(t) = odd(t) + 1\nodd(t) = even(t)*2\nodd(x)';
    const m = firstError(mutual);
    expect(m).toMatchObject({ code: 'recursive-function' });
    expect(m.message).toContain('even → odd → even');
    expect(textAt(mutual, m)).toBe('odd(t)');
  });

  it('says how many arguments a function takes and how to call it', () => {
    const source = 'neuron(a, b, w1, w2, c) = tanh(w1*a + w2*b + c)\nneuron(x, y)';
    const d = firstError(source);
    expect(d).toMatchObject({
      code: 'wrong-arity',
      message: '`neuron` takes 5 arguments, got 2.',
      hint: 'Write `neuron(a, b, w1, w2, c)`.',
    });
    expect(textAt(source, d)).toBe('neuron(x, y)');
  });

  it('turns the old "write f*(…)" into a definition when one is meant', () => {
    expect(firstError('f(x) = x^2')).toMatchObject({
      code: 'no-output',
      hint: 'Add a last line with the output, e.g. `f(x)`.',
    });
    const undefinedCall = firstError('f(x) + 1');
    expect(undefinedCall.code).toBe('unknown-function');
    expect(undefinedCall.hint).toContain('f(t) = …');
    expect(firstError('sinn(x)').hint).toBe('Did you mean `sin`?');
    expect(firstError('softmax(a)').hint).toContain('with scalars write');
  });

  it('refuses a built-in name, a second definition, or a function used as a value', () => {
    expect(firstError('sin(t) = t\nsin(x)')).toMatchObject({
      code: 'builtin-function-name',
      span: { start: 0, end: 3 },
    });
    expect(firstError('sq(t) = t^2\nsq(t) = t^3\nsq(x)')).toMatchObject({
      code: 'duplicate-binding',
      span: { start: 12, end: 14 },
    });
    expect(firstError('a = 2*x\na(t) = t\na(x)').code).toBe('duplicate-binding');
    const asValue = 'sq(t) = t^2\nsq + 1';
    expect(firstError(asValue)).toMatchObject({ code: 'not-a-function', hint: 'Write `sq(t)`.' });
    expect(textAt(asValue, firstError(asValue))).toBe('sq');
  });

  it('wants parameters that are distinct names', () => {
    expect(firstError('f(2) = 4\nf(x)')).toMatchObject({
      code: 'bad-parameter',
      span: { start: 2, end: 3 },
    });
    expect(firstError('f() = 4\nf()').code).toBe('bad-parameter');
    expect(firstError('f(t, t) = t\nf(x, y)')).toMatchObject({
      code: 'duplicate-parameter',
      span: { start: 5, end: 6 },
    });
    expect(firstError('f(pi) = pi\nf(x)').code).toBe('assign-to-constant');
  });

  it('wants a function defined above its first use', () => {
    const d = firstError('sq(x) + 1\nsq(t) = t^2\nsq(y)');
    expect(d).toMatchObject({
      code: 'undefined-binding',
      hint: 'Move the line `sq(t) = …` above this one.',
    });
    expect(firstError('f(t) = g(t)\ng(t) = t\nf(x)').code).toBe('undefined-binding');
    // A binding a body reads must come before the definition too.
    expect(firstError('f(t) = w*t\nw = 2*a\nf(x)').code).toBe('undefined-binding');
  });

  it('refuses inlining that would nest too deep or copy too much, before building', () => {
    const chain = ['f0(t) = t + 1'];
    for (let k = 1; k <= MAX_CALL_DEPTH + 1; k++) chain.push(`f${k}(t) = f${k - 1}(t)`);
    chain.push(`f${MAX_CALL_DEPTH + 1}(x)`);
    expect(firstError(chain.join('\n')).code).toBe('too-deep');
    const doubling = ['d0(t) = t*t'];
    for (let k = 1; k <= 25; k++) doubling.push(`d${k}(t) = d${k - 1}(d${k - 1}(t))`);
    doubling.push('d25(x)');
    expect(firstError(doubling.join('\n')).code).toBe('expansion-too-large');
  });

  it('never throws on definitions, whatever the text', () => {
    const piece = fc.constantFrom(
      'f',
      'g',
      '(',
      ')',
      't',
      'x',
      ',',
      '=',
      '+',
      '*',
      '2',
      '\n',
      ';',
      ' ',
      'sin',
      'pi',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const source = parts.join('');
        const r = compile(source);
        if (!r.ok)
          for (const d of r.diagnostics) expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a call equals its body written out', () => {
  it('for random bodies of one and two parameters', () => {
    const leaf = fc.constantFrom('a', 'b', '2', '0.5', 'k');
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc
          .tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e'))
          .map(([l, op, r]) => `(${l} ${op} ${r})`),
        fc.tuple(fc.constantFrom('sin', 'tanh', 'exp'), tie('e')).map(([f, a]) => `${f}(${a})`),
      ),
    })).e;
    fc.assert(
      fc.property(
        expr,
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (body, x, y) => {
          const called = graphOf(`f(a, b) = ${body}\nf(x*y, y) + 0`);
          const written = graphOf(`${body.replace(/\ba\b/g, '(x*y)').replace(/\bb\b/g, 'y')} + 0`);
          const at = { x, y, k: 0.75 };
          const r1 = gradient(called, at);
          const r2 = gradient(written, at);
          expect(r1.value).toBe(r2.value);
          expect(r1.gradient.x).toBeCloseTo(r2.gradient.x ?? 0, 10);
          expect(r1.gradient.y).toBeCloseTo(r2.gradient.y ?? 0, 10);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('printing and links', () => {
  it('prints a definition back as written, and it parses to the same program', () => {
    const source = 'neuron(a, b, c) = tanh(a*b + c)\nneuron(x, y, 1)';
    const parsed = parse(source);
    if (!parsed.ok) throw new Error('did not parse');
    const printed = printProgram(parsed.program);
    expect(printed).toBe('neuron(a, b, c) = tanh(a * b + c)\nneuron(x, y, 1)');
    const again = parse(printed);
    expect(again.ok && printProgram(again.program)).toBe(printed);
  });

  it('splits a collapse= list at commas outside parentheses', () => {
    expect(splitBlockNames('h1,neuron(x1, x2, w1, w2, b),sq(x) #2')).toEqual([
      'h1',
      'neuron(x1, x2, w1, w2, b)',
      'sq(x) #2',
    ]);
    expect(splitBlockNames('')).toEqual([]);
    expect(splitBlockNames('a,(b')).toBeNull();
    expect(splitBlockNames('a)b')).toBeNull();
    expect(splitBlockNames('a b')).toBeNull();
    expect(isCallBlockName('sq(x + 1)')).toBe(true);
    expect(isCallBlockName('h1')).toBe(false);
  });
});

describe('drawn labels', () => {
  it('draws a long call short on the graph and keeps the whole name for words', () => {
    const g = graphOf(
      'neuron(a, b, w1, w2, c) = tanh(w1*a + w2*b + c)\nneuron(x1, x2, v1, v2, k) + 1',
    );
    const name = 'neuron(x1, x2, v1, v2, k)';
    const view = viewGraph(g, [name]);
    expect(view.graph.nodes.find((n) => n.op === 'block')?.label).toBe('neuron');
    expect(blockShortLabel('sq(x) #2')).toBe('sq(x) #2');
    expect(blockShortLabel('h1')).toBe('h1');
    expect(blockLabel(name)).toBe(name);
    const groups = groupSteps(buildTrace(g, { x1: 1, x2: 2, v1: 3, v2: 4, k: 5 }, 'reverse'), view);
    expect(
      explainBlockStep(
        view,
        groups.find((s) => s.block !== null)!,
      )?.title,
    ).toBe(`${name} computed: 5 operations`);
  });
});

describe('unused parameters', () => {
  it('warns, without blocking the formula, at each parameter no body reads', () => {
    const source = 'f(x, y, z) = x^2 + z\nf(a, b, c)';
    expect(compile(source).ok).toBe(true);
    const warnings = unusedParameterWarnings(source);
    expect(warnings.map((w) => [w.code, source.slice(w.span.start, w.span.end)])).toEqual([
      ['unused-parameter', 'y'],
    ]);
    expect(warnings[0]!.message).toBe('`y` is a parameter of `f` that its body never uses.');
    expect(unusedParameterWarnings('sq(t) = t^2\nsq(x)')).toEqual([]);
    expect(unusedParameterWarnings('f(t) = 1\nf(x) +')).toEqual([]);
  });
});
