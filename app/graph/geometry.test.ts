import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { glyphCount, textWidth } from './geometry.ts';

/** The plain definition the fast count must agree with. */
const reference = (text: string) =>
  Array.from(text.normalize('NFC')).filter((c) => !/\p{M}/u.test(c)).length;

describe('glyphCount', () => {
  it('counts ASCII characters one each', () => {
    expect(glyphCount('')).toBe(0);
    expect(glyphCount('x1_y')).toBe(4);
  });

  it('gives combining marks no glyph of their own', () => {
    expect(glyphCount('x\u0302')).toBe(1); // x̂
    expect(glyphCount('e\u0301\u0301')).toBe(1);
    expect(glyphCount('\u0301')).toBe(0);
  });

  it('counts a surrogate pair (an emoji, an astral letter) as one glyph', () => {
    expect(glyphCount('😀x')).toBe(2);
    expect(glyphCount('𝑥')).toBe(1);
    // U+1D165, a combining mark outside the BMP
    expect(glyphCount('x\u{1D165}')).toBe(1);
  });

  it('counts a lone surrogate as one glyph, as the reference does', () => {
    expect(glyphCount('a\ud800b')).toBe(reference('a\ud800b'));
  });

  it('agrees with the plain definition on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(glyphCount(text)).toBe(reference(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees on text mixing letters, marks and Hangul jamo', () => {
    const unit = fc.constantFrom('a', 'é', 'e\u0301', '\u0301', '\u1100', '\u1161', '\u11a8', 'х', '😀', '\u200d');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(glyphCount(text)).toBe(reference(text));
      }),
    );
  });

  it('measures a megabyte-long name by its length', () => {
    expect(textWidth('x'.repeat(1_000_000), 10)).toBeCloseTo(1_000_000 * 10 * 0.62);
  });
});

describe('glyphCount on long text', () => {
  it('answers each long text for itself, measured again or not', () => {
    const a = `${'x'.repeat(20_000)}\u0302`;
    const b = `${'x'.repeat(20_000)}é`;
    expect(glyphCount(a)).toBe(20_000);
    expect(glyphCount(a)).toBe(20_000);
    expect(glyphCount(b)).toBe(20_001);
    expect(glyphCount(a)).toBe(20_000);
  });
});
