import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { dismissUpdate, reloadToUpdate, type UpdateState } from './updateStore.ts';

function store(over: Partial<UpdateState>) {
  return createStore<UpdateState>(() => ({
    offlineReady: false,
    needRefresh: false,
    activate: null,
    reloading: false,
    ...over,
  }));
}

describe('the update prompt', () => {
  it('Reload activates the waiting build once, however often it is pressed', async () => {
    let calls = 0;
    const s = store({
      needRefresh: true,
      activate: async () => {
        calls += 1;
      },
    });
    await Promise.all([reloadToUpdate(s), reloadToUpdate(s)]);
    expect(calls).toBe(1);
    expect(s.getState().reloading).toBe(true);
  });

  it('Reload does nothing while no update is waiting or before the worker is registered', async () => {
    let calls = 0;
    const activate = async () => {
      calls += 1;
    };
    await reloadToUpdate(store({ needRefresh: false, activate }));
    await reloadToUpdate(store({ needRefresh: true, activate: null }));
    expect(calls).toBe(0);
  });

  it('Not now hides the prompt and activates nothing', async () => {
    let calls = 0;
    const s = store({
      needRefresh: true,
      activate: async () => {
        calls += 1;
      },
    });
    dismissUpdate(s);
    expect(s.getState().needRefresh).toBe(false);
    await reloadToUpdate(s);
    expect(calls).toBe(0);
  });
});
