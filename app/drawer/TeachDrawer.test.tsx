// The drawer's ARIA wiring, checked on server-rendered markup (the store's initial state: folded,
// first tab; opening tabs is walked through in e2e/teach.spec.ts).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DRAWER_TABS } from '../store/store.ts';
import { TeachDrawer } from './TeachDrawer.tsx';

function parse(html: string) {
  const tabs = [...html.matchAll(/<button[^>]*role="tab"[^>]*>/g)].map((m) => m[0]);
  const panels = [...html.matchAll(/<div[^>]*role="tabpanel"[^>]*>/g)].map((m) => m[0]);
  const attr = (tag: string, name: string) =>
    new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
  return { tabs, panels, attr };
}

describe('TeachDrawer', () => {
  it('is a tablist whose tabs and panels point at each other', () => {
    const { tabs, panels, attr } = parse(renderToStaticMarkup(<TeachDrawer />));
    expect(tabs).toHaveLength(DRAWER_TABS.length);
    expect(panels).toHaveLength(DRAWER_TABS.length);
    tabs.forEach((tab, i) => {
      const panel = panels[i]!;
      expect(attr(tab, 'aria-controls')).toBe(attr(panel, 'id'));
      expect(attr(panel, 'aria-labelledby')).toBe(attr(tab, 'id'));
    });
    expect(tabs.map((t) => attr(t, 'aria-selected'))).toEqual(DRAWER_TABS.map((_, i) => String(i === 0)));
    // One tab stop for the whole tablist.
    expect(tabs.map((t) => attr(t, 'tabindex'))).toEqual(DRAWER_TABS.map((_, i) => (i === 0 ? '0' : '-1')));
  });

  it('folded, every panel is hidden and the toggle says so', () => {
    const html = renderToStaticMarkup(<TeachDrawer />);
    const { panels } = parse(html);
    expect(panels.every((p) => / hidden=""/.test(p))).toBe(true);
    expect(html).toMatch(/aria-expanded="false"[^>]*aria-label="Show panels"/);
  });
});
