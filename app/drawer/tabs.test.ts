import { describe, expect, it } from 'vitest';
import { DRAWER_TABS } from '../store/store.ts';
import { TAB_LABELS, tabForKey } from './tabs.ts';

describe('drawer tabs', () => {
  it('arrows move to the neighbour and wrap at both ends', () => {
    expect(tabForKey('trace', 'ArrowRight')).toBe('error');
    expect(tabForKey(DRAWER_TABS.at(-1)!, 'ArrowRight')).toBe('trace');
    expect(tabForKey('trace', 'ArrowLeft')).toBe(DRAWER_TABS.at(-1));
    expect(tabForKey('slice', 'ArrowLeft')).toBe('error');
  });

  it('Home and End go to the first and last tab; other keys are not the tablist’s', () => {
    expect(tabForKey('slice', 'Home')).toBe(DRAWER_TABS[0]);
    expect(tabForKey('error', 'End')).toBe(DRAWER_TABS.at(-1));
    expect(tabForKey('error', 'Enter')).toBeNull();
    expect(tabForKey('error', ' ')).toBeNull();
  });

  it('every tab has a distinct label', () => {
    const labels = DRAWER_TABS.map((t) => TAB_LABELS[t]);
    expect(new Set(labels).size).toBe(DRAWER_TABS.length);
  });
});
