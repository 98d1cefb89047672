import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, lessonFor } from './examples.ts';

describe('the examples’ “Look for” notes', () => {
  it('follow the mode: no talk of adjoints or backpropagation in forward mode', () => {
    for (const e of EXAMPLES) {
      expect(lessonFor(e, 'forward'), e.id).not.toMatch(/adjoint|backprop|reverse/i);
      expect(lessonFor(e, 'reverse'), e.id).toBe(e.lesson);
    }
    const fanOut = EXAMPLES.find((e) => e.id === 'fan-out')!;
    expect(lessonFor(fanOut, 'forward')).toMatch(/tangent/);
  });
});

describe('one symbol for “a convention was used”', () => {
  /** Every source file of the app (not tests), as text. */
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const path = join(dir, d.name);
      if (d.isDirectory()) return sources(path);
      return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)
        ? [readFileSync(path, 'utf8')]
        : [];
    });
  }

  it('is § in the graph, the panels, the quiz and the lessons; ⚑ is gone', () => {
    const all = sources(import.meta.dirname).join('\n');
    expect(all).not.toContain('⚑');
    expect(all).toMatch(/<text dy="0\.35em">§<\/text>/);
    expect(all).toContain('<span aria-hidden="true">§ </span>');
    expect(all).toContain('mark it with §');
  });
});
