import { describe, expect, it } from 'vitest';
import { displayName, LIST_LIMIT, listWindow, windowMessage } from './listWindow.ts';

const names = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`);
const id = (s: string) => s;

describe('listWindow', () => {
  it('returns a short list whole, without a find box', () => {
    const w = listWindow(names(LIST_LIMIT), id, 'x1');
    expect(w).toEqual({ shown: names(LIST_LIMIT), total: 50, matching: 50, windowed: false });
    expect(windowMessage(w, 'variables', '')).toBe('');
  });

  it('shows the first 50 of 10,000 and says how to find the rest', () => {
    const w = listWindow(names(10_000), id, '');
    expect(w.shown).toEqual(names(50));
    expect(w).toMatchObject({ total: 10_000, matching: 10_000, windowed: true });
    expect(windowMessage(w, 'variables', '')).toBe(
      'Showing 50 of 10,000 variables — type a name to find one.',
    );
  });

  it('finds by name, case-insensitively, the exact name first', () => {
    const w = listWindow(names(10_000), id, ' X9999 ');
    expect(w.shown).toEqual(['x9999']);
    expect(w.matching).toBe(1);
    const some = listWindow(names(10_000), id, 'x999');
    expect(some.shown[0]).toBe('x999');
    expect(some.shown).toHaveLength(11);
    expect(windowMessage(some, 'variables', 'x999')).toBe(
      'Showing 11 of 11 variables matching “x999” (10,000 in all).',
    );
    const none = listWindow(names(100), id, 'zz');
    expect(none.shown).toEqual([]);
    expect(windowMessage(none, 'variables', 'zz')).toBe('No variables match “zz” (100 in all).');
  });

  it('puts preferred items (failing checks) first, keeping their order', () => {
    const rows = names(200).map((name, i) => ({ name, bad: i % 70 === 69 }));
    const w = listWindow(rows, (r) => r.name, '', { first: (r) => r.bad });
    expect(w.shown.slice(0, 2).map((r) => r.name)).toEqual(['x69', 'x139']);
    expect(w.shown).toHaveLength(50);
    expect(w.shown[2]?.name).toBe('x0');
  });

  it('treats names JavaScript objects answer to as ordinary names', () => {
    const list = [...names(60), '__proto__', 'constructor'];
    expect(listWindow(list, id, '__proto__').shown).toEqual(['__proto__']);
    expect(listWindow(list, id, 'constructor').shown).toEqual(['constructor']);
  });
});

describe('displayName', () => {
  it('keeps ordinary names and shortens huge ones around an ellipsis', () => {
    expect(displayName('x1')).toBe('x1');
    const n = displayName(`a${'b'.repeat(999_998)}c`);
    expect(n).toHaveLength(48);
    expect(n.startsWith('ab')).toBe(true);
    expect(n.endsWith('bc')).toBe(true);
    expect(n).toContain('…');
  });

  it('never cuts a character outside the Basic Multilingual Plane in half', () => {
    const n = displayName('𝑥'.repeat(100), 10);
    expect(Array.from(n)).toHaveLength(10);
    expect(n).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
  });
});
