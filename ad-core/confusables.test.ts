import { describe, expect, it } from 'vitest';
import { nameWarnings, skeleton } from './confusables.ts';
import { compile } from './graph.ts';

describe('look-alike names', () => {
  it('x*х (Latin and Cyrillic) is two variables, and the second is flagged at its span', () => {
    const source = 'x*х';
    const built = compile(source);
    expect(built.ok && built.graph.variables).toEqual(['x', 'х']);
    const [w, ...rest] = nameWarnings(source);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ code: 'look-alike-names', span: { start: 2, end: 3 } });
    expect(w!.message).toContain('U+0445');
    expect(w!.message).toContain('Cyrillic');
  });

  it('a name that mixes alphabets with an imitating letter', () => {
    const [w] = nameWarnings('rаte * 2');
    expect(w).toMatchObject({ code: 'mixed-script-name', span: { start: 0, end: 4 } });
  });

  it('composed and decomposed accents, full-width and Greek capitals collide', () => {
    expect(nameWarnings('é + e\u0301').map((w) => w.code)).toEqual(['look-alike-names']);
    expect(nameWarnings('Α*A').map((w) => w.span)).toEqual([{ start: 2, end: 3 }]);
    expect(skeleton('ｘ')).toBe('x');
  });

  it('ordinary names do not warn: ASCII, Greek letters in maths, dθ, CJK, accents that differ', () => {
    for (const source of ['x*y + l*I', 'θ*x + dθ', 'α + a', '変数 + x', 'x̂ + x', 'café*2', 'ω*t']) {
      expect(nameWarnings(source), source).toEqual([]);
    }
  });

  it('names in comments are not names; the list is capped', () => {
    expect(nameWarnings('x # х')).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => `x${i} + х${i}`).join(' + ');
    expect(nameWarnings(many)).toHaveLength(5);
  });

  it('every span lies inside the source and covers the name', () => {
    const source = 'а = 1\nsin(а) + a + ο*o';
    for (const w of nameWarnings(source)) {
      expect(w.span.start).toBeGreaterThanOrEqual(0);
      expect(w.span.end).toBeLessThanOrEqual(source.length);
      expect(source.slice(w.span.start, w.span.end)).toMatch(/^\p{L}+$/u);
    }
  });
});
