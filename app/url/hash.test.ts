import { describe, expect, it } from 'vitest';
import {
  decodeHash,
  encodeHash,
  formatPoint,
  MAX_HASH_LENGTH,
  parsePoint,
  type SharedState,
} from './hash.ts';

describe('encodeHash / decodeHash', () => {
  it('writes the DESIGN.md format', () => {
    const h = encodeHash({
      formula: 'sin(x*y) + exp(x)/y',
      point: { x: 1, y: 2 },
      mode: 'reverse',
      step: 3,
    });
    expect(h).toBe(
      `#f=${encodeURIComponent('sin(x*y) + exp(x)/y')}&at=${encodeURIComponent('x=1,y=2')}&mode=reverse&step=3`,
    );
  });

  it('round-trips formulas with every awkward character and full-precision numbers', () => {
    const state = {
      formula: 'a = x*y; # note\nsin(a) + a^2 - θ/3 + 100%2 & 1',
      point: { x: 0.1 + 0.2, y: -1e-300, θ: 123456789.12345679 },
      mode: 'forward' as const,
      step: 0,
    };
    const decoded = decodeHash(encodeHash(state));
    expect(decoded).toEqual({ kind: 'ok', state });
  });

  it('keeps the variable order it is given', () => {
    expect(formatPoint({ y: 2, x: 1 }, ['x', 'y'])).toBe('x=1,y=2');
  });

  it('an empty hash is not an error', () => {
    expect(decodeHash('')).toEqual({ kind: 'empty' });
    expect(decodeHash('#')).toEqual({ kind: 'empty' });
  });

  it('accepts a hand-written link without mode or step', () => {
    const r = decodeHash('#f=x%2By&at=x%3D1%2Cy%3D-2.5e3');
    expect(r).toEqual({ kind: 'ok', state: { formula: 'x+y', point: { x: 1, y: -2500 } } });
  });

  it('keeps a broken formula exactly (a teacher may share a diagnostic)', () => {
    const r = decodeHash(`#f=${encodeURIComponent('sin(x')}&at=x%3D1`);
    expect(r.kind === 'ok' && r.state.formula).toBe('sin(x');
  });
});

describe('the optional parts of our own', () => {
  it('round-trip a seed variable, a seed vector, merging and an open panel', () => {
    const states: SharedState[] = [
      {
        formula: 'x*y',
        point: { x: 1, y: 2 },
        mode: 'forward',
        seed: { kind: 'variable', name: 'y' },
      },
      {
        formula: 'x*y',
        point: { x: 1, y: 2 },
        mode: 'forward',
        seed: { kind: 'custom', vector: { x: 0.5, y: -1 } },
        merge: true,
        panel: 'cost',
      },
      { formula: 'x*x + x', point: { x: 3 }, panel: 'trace' },
    ];
    for (const state of states) {
      expect(decodeHash(encodeHash(state))).toEqual({ kind: 'ok', state });
    }
    expect(encodeHash(states[1]!)).toBe(
      '#f=x*y&at=x%3D1%2Cy%3D2&mode=forward&seed=x%3D0.5%2Cy%3D-1&merge=1&panel=cost',
    );
  });

  it('are refused when they are not what they should be', () => {
    for (const bad of ['seed=<b>', 'seed=x%3Dfoo', 'merge=yes', 'panel=settings', 'panel=']) {
      expect(decodeHash(`#f=x&at=x%3D1&${bad}`).kind, bad).toBe('invalid');
    }
    expect(decodeHash('#f=x&at=x%3D1&merge=0')).toEqual({
      kind: 'ok',
      state: { formula: 'x', point: { x: 1 }, merge: false },
    });
  });
});

describe('hostile hashes', () => {
  const invalid = (hash: string) => {
    const r = decodeHash(hash);
    expect(r.kind).toBe('invalid');
    return r;
  };

  it('bad percent-encoding', () => {
    invalid('#f=%E0%A4%A&at=x%3D1');
    invalid('#f=%&at=');
  });

  it('unknown or repeated keys', () => {
    invalid('#f=x&at=x%3D1&evil=1');
    invalid('#f=x&f=y');
    invalid('#step=3');
  });

  it('a megabyte of text is refused without decoding it', () => {
    invalid('#f=' + 'x%2B'.repeat(MAX_HASH_LENGTH));
    invalid('#f=' + 'x'.repeat(1_000_000));
  });

  it('script tags and control characters', () => {
    invalid(`#f=${encodeURIComponent('<script>alert(1)</script>')}&at=`);
    invalid(`#f=${encodeURIComponent('x<img src=x onerror=alert(1)>')}`);
    invalid(`#f=${encodeURIComponent('x\u0000')}`);
  });

  it('NaN, infinite or non-numeric points', () => {
    invalid(`#f=x&at=${encodeURIComponent('x=NaN')}`);
    invalid(`#f=x&at=${encodeURIComponent('x=Infinity')}`);
    invalid(`#f=x&at=${encodeURIComponent('x=1e999')}`);
    invalid(`#f=x&at=${encodeURIComponent('x=')}`);
    invalid(`#f=x&at=${encodeURIComponent('x=0x10')}`);
    invalid(`#f=x&at=${encodeURIComponent('x=1,x=2')}`);
    invalid(`#f=x&at=${encodeURIComponent('x')}`);
  });

  it('bad mode or step', () => {
    invalid('#f=x&mode=sideways');
    invalid('#f=x&step=-1');
    invalid('#f=x&step=1.5');
    invalid('#f=x&step=99999999999');
  });

  it('a __proto__ variable does not touch any prototype', () => {
    const r = parsePoint('__proto__=5,x=1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.point)).toBe(null);
    expect(Object.keys(r.point)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
