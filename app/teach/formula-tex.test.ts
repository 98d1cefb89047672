import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../ad-core/index.ts';
import type { Graph, Point } from '../../ad-core/index.ts';
import {
  HIGHLIGHT_BACKGROUND,
  MAX_TEXT_CHARS,
  MAX_TEX_CHARS,
  breakableParens,
  formulaTex,
} from './formula-tex.ts';
import { graphOf, referenceCases } from '../../ad-core/test-support.ts';
import { bracesBalanced } from './test-helpers.ts';
import { variableTex } from './tex-parts.ts';

const formulas = [
  ...referenceCases.cases.map((c) => ({ formula: c.formula, at: c.at })),
  { formula: '-x^2 + (-x)^2 + x - (y - z) + x*(-y) - -z', at: { x: 1.5, y: -2, z: 0.25 } },
  { formula: 'x^(y+1) / (x*y)^2 + e^x - 2^-x + x/(y/z)', at: { x: 1.5, y: 2, z: 3 } },
  { formula: '(x - y) / (x + y) * (x / y) ^ 2 ^ 0.5', at: { x: 3, y: 2 } },
  { formula: 'a = x*y; b = a + 1; sin(a) + a^2 / b', at: { x: 0.5, y: 3 } },
  { formula: 'max(x, y) - min(θ, 2) + tanh(w_0)', at: { x: 1, y: 2, θ: 0.5, w_0: 0.2 } },
];

function valueAt(graph: Graph, at: Point): number {
  return evaluate(graph, at).values[graph.output] ?? NaN;
}

describe('formulaTex', () => {
  for (const { formula, at } of formulas) {
    const graph = graphOf(formula);

    it(`typesets ${formula} as TeX KaTeX accepts, with or without a highlight`, () => {
      for (const highlight of [null, ...graph.nodes.map((n) => n.id)]) {
        const { tex } = formulaTex(graph, highlight);
        if (tex === null) throw new Error('formula unexpectedly too long');
        expect(bracesBalanced(tex)).toBe(true);
        expect(tex.split('\\left(').length).toBe(tex.split('\\right)').length);
        expect(() =>
          katex.renderToString(tex, {
            throwOnError: true,
            strict: 'error',
            trust: false,
            maxExpand: 100,
          }),
        ).not.toThrow();
        expect(tex.includes(HIGHLIGHT_BACKGROUND)).toBe(highlight !== null);
      }
    });

    it(`writes ${formula} as plain text that means the same formula`, () => {
      const { text } = formulaTex(graph);
      // Back to the input language: statements separated by ';', the output last and unnamed.
      const source = text
        .replace(/·/g, '*')
        .replace(/−/g, '-')
        .replace(/(^|; )f = /, '$1');
      const again = graphOf(source);
      expect(valueAt(again, at)).toBeCloseTo(valueAt(graph, at), 12);
    });
  }

  it('highlights every use of a shared variable', () => {
    const graph = graphOf('x*y + sin(x)');
    const x = graph.inputs[graph.variables.indexOf('x')];
    const { tex } = formulaTex(graph, x ?? null);
    expect(tex?.split('\\colorbox').length).toBe(3);
  });

  it('escapes variable names', () => {
    expect(variableTex('w_0')).toBe('\\mathrm{w\\_0}');
    expect(variableTex('θ')).toBe('{\\theta}');
    expect(variableTex('x1')).toBe('x_{1}');
    expect(variableTex('rate')).toBe('\\mathrm{rate}');
    expect(variableTex('é')).toBe('\\text{é}');
  });

  it('falls back to text, then to a notice, as formulas grow, and never overflows the stack', () => {
    const sum = (n: number) =>
      graphOf(Array.from({ length: n }, (_, i) => `x${i % 5}`).join(' + '));
    const small = formulaTex(sum(50));
    expect(small.tex).not.toBeNull();
    const medium = formulaTex(sum(1500));
    expect(medium.tex).toBeNull();
    expect(medium.text.length).toBeGreaterThan(MAX_TEX_CHARS);
    expect(medium.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    // Deeper than any recursive walk could go.
    const huge = formulaTex(sum(20000));
    expect(huge.tex).toBeNull();
    expect(huge.text).toMatch(/too long/);
  });
});

describe('functions of your own', () => {
  it('writes each call as a function applied to its arguments, and KaTeX accepts it', () => {
    const { tex, text } = formulaTex(graphOf('sq(t) = t^2\nsq(x) + sq(x) + sq(y + 1)'));
    expect(text).toBe(
      'sq(x) = x^2; sq(x) #2 = x^2; sq(y + 1) = (y + 1)^2; f = sq(x) + sq(x) #2 + sq(y + 1)',
    );
    expect(tex).toContain('\\mathrm{sq}\\left(x\\right) &= {x}^{2}');
    expect(tex).toContain('\\mathrm{sq}\\left(x\\right)_{\\#2}');
    expect(tex).toContain('\\mathrm{sq}\\left(\\text{y + 1}\\right)');
    expect(() => katex.renderToString(tex!, { throwOnError: true })).not.toThrow();
  });
});

describe('lines for a narrow column', () => {
  const NET = [
    'h1 = tanh(w11*x1 + w12*x2 + b1)',
    'h2 = tanh(w21*x1 + w22*x2 + b2)',
    'y = w1*h1 + w2*h2 + b',
    '(y - t)^2',
  ].join('\n');

  it('writes a line per binding and the formula last, each one KaTeX accepts', () => {
    const graph = graphOf(NET);
    for (const highlight of [null, ...graph.nodes.map((n) => n.id)]) {
      const { lines } = formulaTex(graph, highlight);
      expect(lines).toHaveLength(4);
      for (const line of lines!) {
        expect(bracesBalanced(line)).toBe(true);
        expect(() =>
          katex.renderToString(`\\displaystyle ${line}`, { throwOnError: true }),
        ).not.toThrow();
      }
    }
    const { lines } = formulaTex(graph);
    expect(lines![0]).toMatch(/^h_\{?1\}? = /);
    expect(lines![3]).toMatch(/^f = /);
  });

  it('opens the parentheses of a neuron so that it can wrap after a +', () => {
    const { lines } = formulaTex(graphOf(NET));
    expect(lines![0]).not.toContain('\\left(');
    expect(lines![0]).toMatch(/\\tanh\s*\(.*\+.*\)$/);
    // KaTeX puts a break opportunity after each top-level + (a separate base box per term).
    const html = katex.renderToString(`\\displaystyle ${lines![0]!}`);
    expect(html.match(/class="(?:katex-)?base"/g)!.length).toBeGreaterThan(2);
  });

  it('keeps growing parentheses around a fraction or anything tall, innermost first', () => {
    expect(breakableParens('\\left(a + b\\right)^{2}')).toBe('(a + b)^{2}');
    expect(breakableParens('\\left(\\frac{a}{b}\\right)')).toBe('\\left(\\frac{a}{b}\\right)');
    expect(breakableParens('\\left(x + \\left(\\frac{1}{y}\\right)\\right)')).toBe(
      '\\left(x + \\left(\\frac{1}{y}\\right)\\right)',
    );
    expect(breakableParens('\\sin\\left(x + \\left(y - z\\right)\\right)')).toBe(
      '\\sin(x + (y - z))',
    );
    // Not a pair it can match: left as it is.
    expect(breakableParens('\\left(x')).toBe('\\left(x');
  });

  it('a formula without bindings is one line', () => {
    const { lines, tex } = formulaTex(graphOf('sin(x*y) + exp(x)/y'));
    expect(lines).toHaveLength(1);
    expect(tex).not.toContain('aligned');
  });
});
