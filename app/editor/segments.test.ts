import { describe, expect, it } from 'vitest';
import { editorWrap, MIRROR_MAX_CHARS, mirrorSegments, segmentText } from './segments.ts';

const joined = (segs: { text: string; pastEnd?: boolean }[]) =>
  segs.filter((s) => !s.pastEnd).map((s) => s.text).join('');

describe('segmentText', () => {
  it('with no marks is the text in one run', () => {
    expect(segmentText('sin(x)', [])).toEqual([{ text: 'sin(x)', start: 0, marks: [] }]);
  });

  it('marks the diagnostic span and keeps the text intact', () => {
    const segs = segmentText('2 + * 3', [{ span: { start: 4, end: 5 }, kind: 'error' }]);
    expect(joined(segs)).toBe('2 + * 3');
    expect(segs.find((s) => s.marks.includes('error'))).toEqual({ text: '*', start: 4, marks: ['error'] });
  });

  it('overlapping marks split into runs carrying both', () => {
    const segs = segmentText('abcdef', [
      { span: { start: 1, end: 4 }, kind: 'error' },
      { span: { start: 3, end: 5 }, kind: 'highlight' },
    ]);
    expect(joined(segs)).toBe('abcdef');
    expect(segs.map((s) => [s.text, s.marks.slice().sort()])).toEqual([
      ['a', []],
      ['bc', ['error']],
      ['d', ['error', 'highlight']],
      ['e', ['highlight']],
      ['f', []],
    ]);
  });

  it('an empty span inside the text covers the next character', () => {
    const segs = segmentText('x y', [{ span: { start: 2, end: 2 }, kind: 'error' }]);
    expect(segs.find((s) => s.marks.includes('error'))?.text).toBe('y');
  });

  it('an empty span at the end becomes a visible run past the end', () => {
    const segs = segmentText('x^', [{ span: { start: 2, end: 2 }, kind: 'error' }]);
    expect(joined(segs)).toBe('x^');
    expect(segs.at(-1)).toEqual({ text: ' ', start: 2, marks: ['error'], pastEnd: true });
  });

  it('spans outside the text are clamped, never crash', () => {
    const segs = segmentText('ab', [{ span: { start: 5, end: 99 }, kind: 'error' }]);
    expect(joined(segs)).toBe('ab');
  });
});

describe('segmentText on large input', () => {
  it('a name used thousands of times is marked at every use, and the runs are the text', () => {
    const text = Array.from({ length: 5_000 }, () => 'x').join('+');
    const marks = Array.from({ length: 5_000 }, (_, i) => ({
      span: { start: 2 * i, end: 2 * i + 1 },
      kind: 'highlight' as const,
    }));
    const segs = segmentText(text, [{ span: { start: 0, end: 3 }, kind: 'error' }, ...marks]);
    expect(joined(segs)).toBe(text);
    expect(segs.filter((s) => s.marks.includes('highlight'))).toHaveLength(5_000);
    expect(segs[0]).toEqual({ text: 'x', start: 0, marks: ['error', 'highlight'] });
    expect(segs[1]).toEqual({ text: '+', start: 1, marks: ['error'] });
  });

  it('mirrorSegments mirrors ordinary text and nothing past the cap', () => {
    const mark = { span: { start: 0, end: 1 }, kind: 'error' as const };
    expect(mirrorSegments('x*y', [mark])).toEqual(segmentText('x*y', [mark]));
    expect(mirrorSegments('x'.repeat(MIRROR_MAX_CHARS + 1), [mark])).toEqual([]);
  });
});

describe('editorWrap', () => {
  it('wraps text the backdrop mirrors, and not text too long to mirror', () => {
    const atLimit = `x #${'c'.repeat(MIRROR_MAX_CHARS - 3)}`;
    expect(atLimit).toHaveLength(MIRROR_MAX_CHARS);
    expect(editorWrap('sin(x)*y')).toBeUndefined();
    expect(editorWrap(atLimit)).toBeUndefined();
    expect(mirrorSegments(atLimit, [])).not.toEqual([]);
    const over = `${atLimit}c`;
    expect(editorWrap(over)).toBe('off');
    expect(mirrorSegments(over, [])).toEqual([]);
  });
});
