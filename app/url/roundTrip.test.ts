// What the app writes into the address it must read back: generated formulas (any characters,
// any length), points, modes, steps and the optional parts either go in a link that decodes to
// exactly the same state, or are kept in local storage behind `#stored=1` and read back from there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/store.ts';
import {
  decodeHash,
  encodeHash,
  linkText,
  MAX_FORMULA_LENGTH,
  MAX_HASH_LENGTH,
  PANELS,
  STORED_LIMITS,
  type SharedState,
} from './hash.ts';
import { STORAGE_KEY, STORED_HASH, unlinkableReason, type WorkStorage } from './storedWork.ts';
import { hashOf, startUrlSync, URL_DEBOUNCE_MS, type UrlHost } from './urlSync.ts';

const NAMES = [
  'x',
  'y',
  'θ',
  'x̂',
  'ä',
  'x\u0301',
  '__proto__',
  'constructor',
  'toString',
  'х',
  'w_1',
  '変数',
  'a\u0308\u0304',
];

const formulaArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    'x\ud800',
    '\udc00*y',
    '<script>alert(1)</script>',
    'x<y',
    'a\u0000b',
    'x & y = 1; # 100% \n z',
    '\u202ex\u202c',
  ),
  // Past the link's limits: a long formula, and one whose encoding is long.
  fc
    .integer({ min: MAX_FORMULA_LENGTH - 3, max: MAX_FORMULA_LENGTH + 3 })
    .map((n) => 'x'.repeat(n)),
  fc.integer({ min: 2_000, max: 4_000 }).map((n) => 'θ+'.repeat(n)),
);

const valueArb = fc.double({ noNaN: true, noDefaultInfinity: true });
const pointArb = fc
  .uniqueArray(fc.constantFrom(...NAMES), { maxLength: 5 })
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.array(valueArb, { minLength: names.length, maxLength: names.length }),
    ),
  )
  .map(([names, values]) => Object.fromEntries(names.map((n, i) => [n, values[i]!])));

const stateArb: fc.Arbitrary<SharedState> = fc.record(
  {
    formula: formulaArb,
    point: pointArb,
    mode: fc.constantFrom('reverse' as const, 'forward' as const),
    step: fc.integer({ min: 0, max: 1_000_000_000 }),
    seed: fc.oneof(
      fc.constantFrom(...NAMES).map((name) => ({ kind: 'variable' as const, name })),
      pointArb
        .filter((p) => Object.keys(p).length > 0)
        .map((vector) => ({ kind: 'custom' as const, vector })),
    ),
    merge: fc.boolean(),
    panel: fc.constantFrom(...PANELS),
  },
  { requiredKeys: ['formula', 'point'] },
);

describe('encodeHash never writes what decodeHash cannot read', () => {
  it('a hash either reads back as a link, exactly, or is refused as a link and reads back from storage', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const hash = encodeHash(state);
        // `merge=0` is the default and is not written.
        const { merge, ...rest } = state;
        const expected = { ...rest, ...(merge ? { merge } : {}), formula: linkText(state.formula) };
        const reason = unlinkableReason(hash, state.formula);
        if (reason === null) {
          expect(decodeHash(hash)).toEqual({ kind: 'ok', state: expected });
        } else {
          const tooLong =
            hash.length > MAX_HASH_LENGTH || state.formula.length > MAX_FORMULA_LENGTH;
          expect(tooLong || /[<>\p{Cc}]/u.test(state.formula), reason).toBe(true);
        }
        expect(decodeHash(hash, STORED_LIMITS)).toEqual({ kind: 'ok', state: expected });
      }),
      { numRuns: 400 },
    );
  });

  it('negative zero and full-precision numbers survive', () => {
    const state = { formula: 'x+y', point: { x: -0, y: 5e-324 } };
    const back = decodeHash(encodeHash(state));
    expect(back.kind === 'ok' && Object.is(back.state.point.x, -0)).toBe(true);
    expect(back).toEqual({ kind: 'ok', state });
  });

  it('names with combining marks go into at= and seed= and read back', () => {
    const state: SharedState = {
      formula: 'x̂*y',
      point: { x̂: 2, y: 3 },
      mode: 'forward',
      seed: { kind: 'variable', name: 'x̂' },
    };
    expect(decodeHash(encodeHash(state))).toEqual({ kind: 'ok', state });
  });

  it('a lone surrogate does not throw; the link carries U+FFFD in its place', () => {
    const hash = encodeHash({ formula: 'x\ud83d + 1', point: { x: 1 } });
    const back = decodeHash(hash);
    expect(back.kind === 'ok' && back.state.formula).toBe('x\ufffd + 1');
  });
});

/** A window stand-in with a manual clock and a local storage (which may refuse writes). */
function fakeHost(hash: string, items = new Map<string, string>(), refuse = false) {
  const timers = new Map<number, { at: number; fn: () => void }>();
  let now = 0;
  let nextId = 1;
  const storage: WorkStorage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      if (refuse) throw new Error('QuotaExceededError');
      items.set(k, v);
    },
  };
  const host: UrlHost = {
    localStorage: storage,
    location: { hash, pathname: '/', search: '' },
    history: {
      replaceState: (_d, _u, url) => {
        const s = String(url);
        host.location.hash = s.slice(s.indexOf('#'));
      },
    },
    addEventListener: () => {},
    removeEventListener: () => {},
    setTimeout: (fn, ms) => {
      timers.set(nextId, { at: now + ms, fn });
      return nextId++;
    },
    clearTimeout: (id) => {
      if (id !== undefined) timers.delete(id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at <= now) {
        timers.delete(id);
        t.fn();
      }
    }
  };
  return { host, items, advance };
}

/** Type `source` into a fresh page, let the URL follow, then reload with the same address and storage. */
function typeAndReload(source: string, setup?: (store: ReturnType<typeof createAppStore>) => void) {
  const store = createAppStore();
  const first = fakeHost('');
  startUrlSync(store, first.host);
  store.getState().setSource(source);
  setup?.(store);
  first.advance(URL_DEBOUNCE_MS);
  const reloaded = createAppStore();
  const second = fakeHost(first.host.location.hash, first.items);
  startUrlSync(reloaded, second.host);
  return { store, first, reloaded, second };
}

describe('the address bar', () => {
  it('a formula too long for a link is kept in local storage, said so, and restored on reload', () => {
    const long = Array.from({ length: 1_500 }, (_, i) => `x*${i}`).join(' + ');
    expect(long.length).toBeGreaterThan(MAX_FORMULA_LENGTH);
    const { store, first, reloaded } = typeAndReload(long, (s) => s.getState().setVariable('x', 2));
    expect(first.host.location.hash).toBe(STORED_HASH);
    expect(first.items.get(STORAGE_KEY)).toBe(hashOf(store.getState()));
    expect(store.getState().notice).toMatch(
      /cannot go in a link \(the (link|formula in the link) is too long\).*local storage/,
    );
    expect(reloaded.getState().source).toBe(long);
    expect(reloaded.getState().derived.point).toEqual({ x: 2 });
    expect(reloaded.getState().notice).toMatch(/kept in this browser's local storage/);
  });

  it('a hash over 20,000 characters (but a formula under 5,000) goes to storage too', () => {
    const wide = 'θ+'.repeat(2_400) + 'θ';
    expect(wide.length).toBeLessThan(MAX_FORMULA_LENGTH);
    expect(encodeURIComponent(wide).length).toBeGreaterThan(MAX_HASH_LENGTH);
    const { first, reloaded } = typeAndReload(wide);
    expect(first.host.location.hash).toBe(STORED_HASH);
    expect(reloaded.getState().source).toBe(wide);
  });

  it('markup a link refuses is kept too, and the notice goes once the work fits a link again', () => {
    const { store, first } = typeAndReload('x < y');
    expect(first.host.location.hash).toBe(STORED_HASH);
    expect(store.getState().notice).toMatch(/markup/);
    store.getState().setSource('x*y');
    first.advance(URL_DEBOUNCE_MS);
    expect(first.host.location.hash).toMatch(/^#f=x\*y&/);
    expect(store.getState().notice).toBeNull();
  });

  it('when the browser refuses storage, the address is left alone and the notice says to copy the work', () => {
    const store = createAppStore();
    const { host, advance } = fakeHost('', new Map(), true);
    startUrlSync(store, host);
    store.getState().setSource('x'.repeat(MAX_FORMULA_LENGTH + 1));
    advance(URL_DEBOUNCE_MS);
    expect(host.location.hash).toBe('');
    expect(store.getState().notice).toMatch(/refuses to store it/);
  });

  it('#stored=1 with nothing stored falls back to the default example with a notice', () => {
    const store = createAppStore();
    const { host } = fakeHost(STORED_HASH);
    startUrlSync(store, host);
    expect(store.getState().notice).toMatch(/no longer in this browser's storage/);
    expect(host.location.hash).not.toBe(STORED_HASH);
  });

  it('a lone surrogate typed in the editor does not stop the URL from following', () => {
    const store = createAppStore();
    const { host, advance } = fakeHost('');
    startUrlSync(store, host);
    store.getState().setSource('x\ud800');
    expect(() => advance(URL_DEBOUNCE_MS)).not.toThrow();
    expect(host.location.hash).toContain('f=x%EF%BF%BD');
    store.getState().setSource('x*3');
    advance(URL_DEBOUNCE_MS);
    expect(host.location.hash).toContain('f=x*3');
  });

  it('a name with a combining mark is written into at= and read back on reload', () => {
    const { first, reloaded } = typeAndReload('x̂^2', (s) => s.getState().setVariable('x̂', 3));
    expect(first.host.location.hash).toContain(encodeURIComponent('x̂=3'));
    expect(reloaded.getState().notice).toBeNull();
    expect(reloaded.getState().derived.point).toEqual({ x̂: 3 });
  });

  it('seed= naming a variable the formula does not have is said in the notice', () => {
    const store = createAppStore();
    startUrlSync(store, fakeHost('#f=x*y&at=x%3D1%2Cy%3D2&mode=forward&seed=q').host);
    expect(store.getState().notice).toMatch(/seed in that link names "q".*seeding x instead/);
    const custom = createAppStore();
    startUrlSync(custom, fakeHost('#f=x*y&at=x%3D1%2Cy%3D2&mode=forward&seed=q%3D1').host);
    expect(custom.getState().notice).toMatch(/"q"/);
    const fine = createAppStore();
    startUrlSync(fine, fakeHost('#f=x*y&at=x%3D1%2Cy%3D2&mode=forward&seed=y').host);
    expect(fine.getState().notice).toBeNull();
  });

  it('property: whatever is typed, a reload shows the same formula, point and mode', () => {
    fc.assert(
      fc.property(
        formulaArb,
        fc.constantFrom('reverse' as const, 'forward' as const),
        (source, mode) => {
          const { store, reloaded } = typeAndReload(source, (s) => s.getState().setMode(mode));
          const r = reloaded.getState();
          expect(r.source).toBe(linkText(source));
          expect(r.mode).toBe(mode);
          // A formula that does not compile has no point of its own to compare.
          if (!store.getState().derived.stale)
            expect(r.derived.point).toEqual(store.getState().derived.point);
        },
      ),
      { numRuns: 40 },
    );
  });
});
