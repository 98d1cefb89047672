import { describe, expect, it } from 'vitest';
import {
  DRAWER_MIN,
  DRAWER_STEP,
  STORAGE_KEY,
  TEXT_SCALES,
  createViewPrefs,
  drawerHeightForKey,
  nextTextScale,
  parsePrefs,
} from './prefs.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

describe('parsePrefs', () => {
  it('reads what it wrote', () => {
    expect(parsePrefs('{"theme":"dark","textScale":1.25}')).toEqual({
      theme: 'dark',
      textScale: 1.25,
    });
  });

  it('ignores anything unexpected instead of failing', () => {
    for (const text of [
      null,
      '',
      'not json',
      '42',
      'null',
      '{"theme":"pink","textScale":9}',
      '{"textScale":"2"}',
    ]) {
      expect(parsePrefs(text)).toEqual({ theme: 'system', textScale: 1 });
    }
  });
});

describe('nextTextScale', () => {
  it('steps through the sizes and stops at the ends', () => {
    expect(nextTextScale(1, 1)).toBe(1.125);
    expect(nextTextScale(1, -1)).toBe(0.875);
    expect(nextTextScale(TEXT_SCALES[0], -1)).toBe(TEXT_SCALES[0]);
    const last = TEXT_SCALES[TEXT_SCALES.length - 1]!;
    expect(nextTextScale(last, 1)).toBe(last);
  });
});

describe('drawerHeightForKey', () => {
  it('arrows move by a step, Home/End go to the limits, within [min, max]', () => {
    expect(drawerHeightForKey('ArrowUp', 300, 500)).toBe(300 + DRAWER_STEP);
    expect(drawerHeightForKey('ArrowDown', 300, 500)).toBe(300 - DRAWER_STEP);
    expect(drawerHeightForKey('ArrowUp', 495, 500)).toBe(500);
    expect(drawerHeightForKey('ArrowDown', DRAWER_MIN + 1, 500)).toBe(DRAWER_MIN);
    expect(drawerHeightForKey('Home', 300, 500)).toBe(DRAWER_MIN);
    expect(drawerHeightForKey('End', 300, 500)).toBe(500);
    expect(drawerHeightForKey('x', 300, 500)).toBeNull();
  });
});

describe('createViewPrefs', () => {
  it('remembers theme and text size, not focus mode', () => {
    const storage = memoryStorage();
    const a = createViewPrefs(storage);
    a.getState().setTheme('dark');
    a.getState().stepTextScale(1);
    a.getState().setFocus(true);
    const b = createViewPrefs(storage);
    expect(b.getState().theme).toBe('dark');
    expect(b.getState().textScale).toBe(1.125);
    expect(b.getState().focus).toBe(false);
    expect(JSON.parse(storage.map.get(STORAGE_KEY) ?? '{}')).toEqual({
      theme: 'dark',
      textScale: 1.125,
    });
  });

  it('works without storage, or with storage that throws', () => {
    expect(createViewPrefs(null).getState().theme).toBe('system');
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    const s = createViewPrefs(broken);
    s.getState().setTheme('light');
    expect(s.getState().theme).toBe('light');
  });
});
