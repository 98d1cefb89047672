import { describe, expect, it } from 'vitest';
import { exampleById } from '../examples.ts';
import { applyHash, hashOf } from '../url/urlSync.ts';
import { decodeHash, encodeHash } from '../url/hash.ts';
import { collapsedNames, collapseForLink, stepGroupsOf } from './blocks.ts';
import { createAppStore } from './store.ts';

const network = exampleById('network')!;

function networkStore() {
  const store = createAppStore();
  store.getState().loadExample(network);
  return store;
}

describe('collapse slice', () => {
  it('starts with every block expanded and every step its own', () => {
    const s = networkStore().getState();
    expect(collapsedNames(s)).toEqual([]);
    expect(stepGroupsOf(s)).toBeNull();
    expect(collapseForLink(s)).toBeNull();
  });

  it('toggleBlock collapses and expands, and the player steps over a block as one step', () => {
    const store = networkStore();
    const total = store.getState().derived.trace!.steps.length;
    store.getState().toggleBlock('h1');
    expect(collapsedNames(store.getState())).toEqual(['h1']);
    const groups = stepGroupsOf(store.getState())!;
    // h₁ hides 4 evaluate and 4 propagate steps.
    expect(groups.length).toBe(total - 8);
    store.getState().reset();
    const visited: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      store.getState().stepForward();
      visited.push(store.getState().step);
    }
    expect(visited).toEqual(groups.map((g) => g.end));
    store.getState().stepBack();
    expect(store.getState().step).toBe(groups.at(-2)!.end);
    store.getState().toggleBlock('h1');
    expect(collapsedNames(store.getState())).toEqual([]);
    expect(stepGroupsOf(store.getState())).toBeNull();
  });

  it('the play timer advances one block at a time and stops at the end', () => {
    const store = networkStore();
    store.getState().setCollapsed(['h1', 'h2']);
    const groups = stepGroupsOf(store.getState())!;
    store.getState().play();
    const seen: number[] = [];
    while (store.getState().playing) {
      store.getState().tick();
      seen.push(store.getState().step);
    }
    expect(seen).toEqual(groups.map((g) => g.end));
  });

  it("the user's choice wins over the fit's", () => {
    const store = networkStore();
    store.getState().setAutoCollapsed(['h1', 'h2']);
    expect(collapsedNames(store.getState())).toEqual(['h1', 'h2']);
    // The default is not written into a link.
    expect(collapseForLink(store.getState())).toBeNull();
    store.getState().toggleBlock('h1');
    store.getState().setAutoCollapsed(['h1', 'h2']);
    expect(collapsedNames(store.getState())).toEqual(['h2']);
    expect(collapseForLink(store.getState())).toEqual(['h2']);
  });

  it('a collapse link round-trips, and one that says "none" expands what the fit collapsed', () => {
    const store = networkStore();
    store.getState().toggleBlock('h2');
    const hash = hashOf(store.getState());
    expect(decodeHash(hash)).toMatchObject({ kind: 'ok', state: { collapse: ['h2'] } });
    const other = createAppStore();
    expect(applyHash(other, hash)).toBe(true);
    expect(collapsedNames(other.getState())).toEqual(['h2']);
    expect(hashOf(other.getState())).toBe(hash);

    other.getState().setAutoCollapsed(['h1']);
    expect(collapsedNames(other.getState())).toEqual(['h2']);
    const none = encodeHash({ formula: network.formula, point: network.at, collapse: [] });
    expect(applyHash(other, none)).toBe(true);
    expect(collapsedNames(other.getState())).toEqual([]);
  });

  it('a new example starts from the default again', () => {
    const store = networkStore();
    store.getState().toggleBlock('h1');
    store.getState().loadExample(exampleById('binding')!);
    store.getState().loadExample(network);
    expect(collapsedNames(store.getState())).toEqual([]);
  });
});

describe('collapse= in the hash', () => {
  it('is written only when given, and read back', () => {
    expect(encodeHash({ formula: 'x', point: {} })).not.toContain('collapse');
    const h = encodeHash({ formula: 'x', point: {}, collapse: ['h1', 'θ2'] });
    expect(h).toContain(`&collapse=h1,${encodeURIComponent('θ2')}`);
    expect(decodeHash(h)).toEqual({ kind: 'ok', state: { formula: 'x', point: {}, collapse: ['h1', 'θ2'] } });
    expect(decodeHash('#f=x&at=&collapse=')).toEqual({
      kind: 'ok',
      state: { formula: 'x', point: {}, collapse: [] },
    });
  });

  it('refuses a malformed list', () => {
    for (const bad of ['h1,,h2', '1h', 'h1,h1', 'a%3Cb', 'h1;h2', ',']) {
      expect(decodeHash(`#f=x&at=&collapse=${bad}`).kind).toBe('invalid');
    }
  });

  it('a malformed collapse link falls back to the default example with a notice', () => {
    const store = createAppStore();
    expect(applyHash(store, `#f=x&at=x%3D1&collapse=h1,,`)).toBe(false);
    expect(store.getState().notice).toMatch(/collapsed blocks/);
  });
});
