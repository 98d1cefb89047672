import { describe, expect, it } from 'vitest';
import { LESSONS } from './content.ts';
import { resolvePage } from './resolve.ts';
import { fillTemplate } from './template.ts';

describe('lesson content', () => {
  it('has the five lessons of issue 4, each with several pages and a unique id', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(5);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(l.pages.length, l.id).toBeGreaterThanOrEqual(3);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: every page resolves and its text fills in from the engine`, () => {
      lesson.pages.forEach((page, i) => {
        const where = `${lesson.id} page ${i + 1}`;
        const r = resolvePage(page);
        if (!r.ok) throw new Error(`${where}: ${r.error}`);
        const filled = fillTemplate(page.text, r.ctx);
        if (!filled.ok) throw new Error(`${where}: ${filled.error}`);
        const words = filled.paragraphs.flat().map((s) => (s.kind === 'number' ? s.shown : s.text)).join('');
        expect(words.split(/\s+/).length, `${where} is short`).toBeLessThanOrEqual(90);
        // No number typed by hand: digits in the template sit inside placeholders or in names
        // (x1, v₂, 2018, h²), never as a stand-alone value.
        const outside = page.text.replace(/\{[^}]*\}/g, '').match(/(?<![\w.(])[-−]?\d+(?:\.\d+)?(?![\w)])/g) ?? [];
        expect(outside.filter((n) => !['0', '1', '2018'].includes(n)), `${where} typed numbers`).toEqual([]);
      });
    });
  }

  it('consecutive pages of a lesson differ in what they show or say', () => {
    for (const l of LESSONS) {
      for (let i = 1; i < l.pages.length; i++) expect(l.pages[i]!.text).not.toBe(l.pages[i - 1]!.text);
    }
  });
});
