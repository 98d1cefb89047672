// Work that cannot go in a link (a formula past the link's 5,000 characters, a hash past 20,000,
// markup characters a link refuses) is kept in the browser's local storage instead, and the
// address says so with `#stored=1`: a reload brings the work back, and a notice tells the user the
// address cannot share it.
import { decodeHash, linkText, STORED_LIMITS, type DecodeResult } from './hash.ts';

export const STORED_HASH = '#stored=1';
export const STORAGE_KEY = 'autodiff-playground:unlinkable-work';

export interface WorkStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The host's local storage, or null where the browser refuses it (privacy modes, sandboxes). */
export function storageOf(host: { localStorage?: WorkStorage }): WorkStorage | null {
  try {
    return host.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Why `hash` (written for `source`) cannot be read back as a link; null when it can. */
export function unlinkableReason(hash: string, source: string): string | null {
  const back = decodeHash(hash);
  if (back.kind === 'invalid') return back.reason;
  if (back.kind !== 'ok' || back.state.formula !== linkText(source))
    return 'the link would not hold the formula exactly';
  return null;
}

export function storedNotice(reason: string): string {
  return (
    `This work cannot go in a link (${reason}), so it is kept in this browser's local storage: ` +
    'reloading this page keeps it, but copying the address will not share it.'
  );
}

export function unstorableNotice(reason: string): string {
  return (
    `This work cannot go in a link (${reason}) and this browser refuses to store it: ` +
    'copy your formula somewhere safe before leaving the page.'
  );
}

/** Keeps `hash` in storage; false when the browser refuses. */
export function storeWork(storage: WorkStorage | null, hash: string): boolean {
  if (!storage) return false;
  try {
    // Stored work can be megabytes, and a step or a slider rewrites it: write only a change
    // (read back from storage, not remembered here: another tab may have stored its own work).
    if (storage.getItem(STORAGE_KEY) === hash) return true;
    storage.setItem(STORAGE_KEY, hash);
    return storage.getItem(STORAGE_KEY) === hash;
  } catch {
    return false;
  }
}

/** The stored work, decoded like a link but without a link's size limits. */
export function readStoredWork(storage: WorkStorage | null): DecodeResult {
  let hash: string | null;
  try {
    hash = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    hash = null;
  }
  if (hash === null)
    return {
      kind: 'invalid',
      reason: "the work it points to is no longer in this browser's storage",
    };
  return decodeHash(hash, STORED_LIMITS);
}
