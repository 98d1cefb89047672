// Whether the user asked for reduced motion, kept current if they change it mid-lesson. CSS covers
// transitions; this covers what CSS cannot switch off (the SMIL dot on a travelling edge).
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

// One MediaQueryList for the page: matchMedia() on every render evaluates the query afresh and
// showed up in profiles of typing.
let list: MediaQueryList | null | undefined;
function query(): MediaQueryList | null {
  if (list === undefined) list = typeof matchMedia === 'function' ? matchMedia(QUERY) : null;
  return list;
}

function subscribe(onChange: () => void): () => void {
  const l = query();
  if (!l) return () => {};
  l.addEventListener('change', onChange);
  return () => l.removeEventListener('change', onChange);
}

function snapshot(): boolean {
  return query()?.matches ?? false;
}

/** The preference right now, for code outside React's render (d3 transitions). */
export const reducedMotionNow = snapshot;

export function useReducedMotion(): boolean {
  // On the server (and in tests without a DOM) assume reduced motion: nothing moves.
  return useSyncExternalStore(subscribe, snapshot, () => true);
}
