import { describe, expect, it } from 'vitest';
import { encodeText } from './hash.ts';
import { STORAGE_KEY, storeWork, type WorkStorage } from './storedWork.ts';

/** A storage that counts reads and writes (and may be told to refuse writes). */
function countingStorage() {
  const data = new Map<string, string>();
  const counts = { get: 0, set: 0 };
  let refuse = false;
  const storage: WorkStorage = {
    getItem: (k) => {
      counts.get++;
      return data.get(k) ?? null;
    },
    setItem: (k, v) => {
      counts.set++;
      if (refuse) throw new Error('QuotaExceededError');
      data.set(k, v);
    },
  };
  return { storage, data, counts, refuse: (on: boolean) => (refuse = on) };
}

describe('storeWork', () => {
  it('keeps the work, and keeping the same work again does not write it again', () => {
    const s = countingStorage();
    const big = `#f=${'x%2B'.repeat(10_000)}x&at=x%3D1`;
    expect(storeWork(s.storage, big)).toBe(true);
    expect(s.data.get(STORAGE_KEY)).toBe(big);
    const writes = s.counts.set;
    expect(storeWork(s.storage, big)).toBe(true);
    expect(s.counts.set).toBe(writes);
  });

  it('writes its work again when another tab stored other work meanwhile', () => {
    const s = countingStorage();
    expect(storeWork(s.storage, '#f=mine')).toBe(true);
    s.data.set(STORAGE_KEY, '#f=theirs');
    expect(storeWork(s.storage, '#f=mine')).toBe(true);
    expect(s.data.get(STORAGE_KEY)).toBe('#f=mine');
  });

  it('writes a change, and answers false (remembering nothing) when the browser refuses', () => {
    const s = countingStorage();
    expect(storeWork(s.storage, '#f=a')).toBe(true);
    expect(storeWork(s.storage, '#f=b')).toBe(true);
    expect(s.data.get(STORAGE_KEY)).toBe('#f=b');
    s.refuse(true);
    expect(storeWork(s.storage, '#f=c')).toBe(false);
    expect(storeWork(s.storage, '#f=c')).toBe(false);
    s.refuse(false);
    expect(storeWork(s.storage, '#f=c')).toBe(true);
    expect(s.data.get(STORAGE_KEY)).toBe('#f=c');
  });

  it('has no storage to keep work in when there is none', () => {
    expect(storeWork(null, '#f=a')).toBe(false);
  });
});

describe('encodeText on long text', () => {
  it('gives the same encoding for the same long text, and a fresh one for other text', () => {
    const a = `${'x+'.repeat(20_000)}é`;
    const b = `${'x+'.repeat(20_000)}è`;
    expect(encodeText(a)).toBe(encodeURIComponent(a));
    expect(encodeText(a)).toBe(encodeURIComponent(a));
    expect(encodeText(b)).toBe(encodeURIComponent(b));
    expect(encodeText(`${a}`)).toBe(encodeURIComponent(a));
  });

  it('still replaces a lone surrogate in long text', () => {
    const t = `${'y'.repeat(12_000)}\ud800`;
    expect(encodeText(t)).toBe(`${'y'.repeat(12_000)}%EF%BF%BD`);
    expect(encodeText(t)).toBe(`${'y'.repeat(12_000)}%EF%BF%BD`);
  });
});
