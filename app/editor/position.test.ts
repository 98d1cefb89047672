import { describe, expect, it } from 'vitest';
import { lineAndColumn } from './position.ts';

describe('lineAndColumn', () => {
  it('counts from 1 across lines and clamps out-of-range offsets', () => {
    expect(lineAndColumn('sin(x', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('a = x\nsin(a', 11)).toEqual({ line: 2, column: 6 });
    expect(lineAndColumn('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});
