import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { escapeLatexText, numberTex, variableTex } from './tex-parts.ts';

describe('escapeLatexText', () => {
  it('escapes every LaTeX special character', () => {
    expect(escapeLatexText('a_b%c&d#e$f{g}h~i^j\\k')).toBe(
      'a\\_b\\%c\\&d\\#e\\$f\\{g\\}h\\textasciitilde{}i\\textasciicircum{}j\\textbackslash{}k',
    );
  });
});

describe('numberTex', () => {
  it('writes non-finite numbers out', () => {
    expect(numberTex(NaN)).toBe('\\mathrm{NaN}');
    expect(numberTex(Infinity)).toBe('\\infty');
    expect(numberTex(-Infinity)).toBe('-\\infty');
  });

  it('rounds to the requested digits and uses powers of ten for tiny and huge numbers', () => {
    expect(numberTex(Math.PI, 4)).toBe('3.142');
    expect(numberTex(-0.5)).toBe('-0.5');
    expect(numberTex(1.23456e-7, 4)).toBe('1.235 \\times 10^{-7}');
    expect(numberTex(1e21)).toBe('10^{21}');
  });

  it('is TeX KaTeX accepts for awkward values', () => {
    for (const x of [0, -0, 1e-300, -1e300, 5e-324, Number.MAX_VALUE, 123456.789, NaN, -Infinity]) {
      expect(() =>
        katex.renderToString(numberTex(x, 4), { throwOnError: true, strict: 'error' }),
      ).not.toThrow();
    }
  });
});

describe('variableTex', () => {
  it('is TeX KaTeX accepts for any identifier the lexer allows', () => {
    for (const name of ['x', 'x1', 'w_0', '_tmp', 'θ', 'θ2', 'αβ', 'naïve', 'Δx', 'x_1_2']) {
      const tex = variableTex(name);
      expect(() =>
        katex.renderToString(tex, { throwOnError: true, strict: 'error' }),
      ).not.toThrow();
      expect(tex).not.toMatch(/(?<!\\)_(?!\{)/);
    }
  });
});
