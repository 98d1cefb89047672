import { describe, expect, it } from 'vitest';
import {
  MAX_RECENT,
  MAX_RECENT_LENGTH,
  RECENT_KEY,
  loadRecent,
  parseRecent,
  recentTitle,
  rememberFormula,
  saveRecent,
} from './recentFormulas.ts';

describe('recent formulas', () => {
  it('puts the newest first, without duplicates, at most MAX_RECENT', () => {
    let list: string[] = [];
    for (let i = 0; i < MAX_RECENT + 3; i++) list = rememberFormula(list, `x*${i}`, false);
    expect(list.length).toBe(MAX_RECENT);
    expect(list[0]).toBe(`x*${MAX_RECENT + 2}`);
    expect(rememberFormula(list, 'x*5', false)[0]).toBe('x*5');
    expect(new Set(rememberFormula(list, 'x*5', false)).size).toBe(MAX_RECENT);
  });

  it('updates the head in place while it is being typed', () => {
    let list = rememberFormula(['old'], 's', false);
    list = rememberFormula(list, 'si', true);
    list = rememberFormula(list, 'sin(x)', true);
    expect(list).toEqual(['sin(x)', 'old']);
  });

  it('keeps neither blank nor huge formulas', () => {
    expect(rememberFormula(['a'], '   ', false)).toEqual(['a']);
    expect(rememberFormula(['a'], 'x'.repeat(MAX_RECENT_LENGTH + 1), false)).toEqual(['a']);
  });

  it('reads back what it stored, and treats damaged or hostile storage as empty', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveRecent(storage, ['x*y', '__proto__ + 1']);
    expect(loadRecent(storage)).toEqual(['x*y', '__proto__ + 1']);
    for (const bad of ['{', '{"a":1}', '[1, null, {"x": 2}]', '"x"', 'null']) {
      store.set(RECENT_KEY, bad);
      expect(loadRecent(storage)).toEqual([]);
    }
    expect(parseRecent('["ok", 3, "fine"]')).toEqual(['ok', 'fine']);
    const throwing = {
      getItem: () => {
        throw new Error('forbidden');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadRecent(throwing)).toEqual([]);
    expect(() => saveRecent(throwing, ['x'])).not.toThrow();
    expect(loadRecent(undefined)).toEqual([]);
  });

  it('titles a formula by its text on one line, shortened', () => {
    expect(recentTitle('a = x*y\nsin(a)')).toBe('a = x*y sin(a)');
    expect(recentTitle('x'.repeat(100)).length).toBe(40);
  });
});
