// Whether the user asked for reduced motion, kept current if they change it mid-lesson. CSS covers
// transitions; this covers what CSS cannot switch off (the SMIL dot on a travelling edge).
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const list = matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

function snapshot(): boolean {
  return typeof matchMedia === 'function' && matchMedia(QUERY).matches;
}

export function useReducedMotion(): boolean {
  // On the server (and in tests without a DOM) assume reduced motion: nothing moves.
  return useSyncExternalStore(subscribe, snapshot, () => true);
}
