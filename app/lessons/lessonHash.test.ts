import { describe, expect, it } from 'vitest';
import { LESSONS } from './content.ts';
import { decodeLessonHash, encodeLessonHash, isLessonHash } from './lessonHash.ts';

describe('lesson hash', () => {
  const first = LESSONS[0]!;

  it('round-trips every page of every lesson', () => {
    for (const l of LESSONS) {
      for (let p = 1; p <= l.pages.length; p++) {
        expect(decodeLessonHash(encodeLessonHash(l.id, p))).toEqual({ kind: 'ok', id: l.id, page: p });
      }
    }
  });

  it('is not a lesson hash when there is no lesson key', () => {
    expect(isLessonHash('#f=x&at=x%3D1')).toBe(false);
    expect(isLessonHash('')).toBe(false);
    expect(decodeLessonHash('#f=x')).toEqual({ kind: 'none' });
    expect(isLessonHash('#lesson=zzz')).toBe(true);
  });

  it('defaults to page 1 and clamps pages past the end', () => {
    expect(decodeLessonHash(`#lesson=${first.id}`)).toEqual({ kind: 'ok', id: first.id, page: 1 });
    expect(decodeLessonHash(`#lesson=${first.id}&page=999`)).toEqual({ kind: 'ok', id: first.id, page: first.pages.length });
  });

  it('rejects unknown lessons, bad pages, extra or repeated parts, bad encoding', () => {
    for (const bad of [
      '#lesson=nope&page=1',
      `#lesson=${first.id}&page=0`,
      `#lesson=${first.id}&page=-1`,
      `#lesson=${first.id}&page=1.5`,
      `#lesson=${first.id}&page=2&f=x`,
      `#lesson=${first.id}&lesson=${first.id}`,
      '#lesson=%E0%A4%A&page=1',
      `#lesson=<script>&page=1`,
    ]) {
      expect(decodeLessonHash(bad).kind, bad).toBe('invalid');
    }
  });
});
