// Every name the lexer accepts typesets without a KaTeX error: combining marks (`x̂`), stacked
// marks, Cyrillic look-alikes, CJK, JavaScript-object names.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compile, JS_OBJECT_NAMES } from '../../ad-core/index.ts';
import { formulaTex } from './formula-tex.ts';
import { variableTex } from './tex-parts.ts';

const NAMES = [
  'x̂',
  'x\u0302',
  'y\u0303',
  'a\u0308\u0304',
  'v\u20d7',
  'x\u0361',
  'ŝ_1',
  'θ\u0302',
  'хх',
  '変数',
  'ǅ',
  'x̂1',
  ...JS_OBJECT_NAMES,
];

const typesets = (tex: string) =>
  katex.renderToString(tex, { throwOnError: true, strict: 'ignore', trust: false });

describe('names with combining marks in TeX', () => {
  it('accents become TeX accents', () => {
    expect(variableTex('x\u0302')).toBe('\\hat{x}');
    expect(variableTex('a\u0308\u0304')).toBe('\\bar{\\ddot{a}}');
    expect(variableTex('θ\u0303')).toBe('\\tilde{{\\theta}}');
    expect(variableTex('x\u0302y')).toBe('\\mathrm{\\hat{x}y}');
  });

  it.each(NAMES)('%s typesets alone and in a formula', (name) => {
    expect(() => typesets(variableTex(name))).not.toThrow();
    const built = compile(`${name}^2 + sin(${name})`);
    expect(built.ok, name).toBe(true);
    if (!built.ok) return;
    const { tex } = formulaTex(built.graph);
    expect(tex).not.toBeNull();
    expect(() => typesets(tex!)).not.toThrow();
  });

  it('every combining mark of U+0300–U+036F and U+20D0–U+20F0 on a letter typesets', () => {
    const marks = [
      ...Array.from({ length: 0x70 }, (_, i) => 0x300 + i),
      ...Array.from({ length: 0x21 }, (_, i) => 0x20d0 + i),
    ].map((c) => String.fromCodePoint(c));
    for (const m of marks) {
      if (!/\p{M}/u.test(m)) continue;
      expect(() => typesets(variableTex(`x${m}`)), m.codePointAt(0)!.toString(16)).not.toThrow();
      expect(() => typesets(variableTex(`ab${m}c`)), m.codePointAt(0)!.toString(16)).not.toThrow();
    }
  });
});
