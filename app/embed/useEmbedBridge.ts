import { useEffect } from 'react';
import { startEmbedBridge } from './bridge.ts';

/** While the app is mounted in an <iframe>, hear the host page and tell it about steps and answers. */
export function useEmbedBridge(): void {
  useEffect(() => startEmbedBridge(window), []);
}
