// The app's challenge instance, tied to the app's store, and the hook components read it with.
import { useStore } from 'zustand';
import { appStore } from '../store/appStore.ts';
import { createChallengeStore, type ChallengeState } from './challengeStore.ts';

export const challengeStore = createChallengeStore(appStore);

export function useChallenge<T>(selector: (s: ChallengeState) => T): T {
  return useStore(challengeStore, selector);
}
