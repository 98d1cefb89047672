// What the service worker has told the page: whether the app is cached for offline use and
// whether a newer build is waiting. Kept apart from the registration (which only the built app
// runs) so that the prompt's logic can be tested without a browser.
import { createStore } from 'zustand/vanilla';

export interface UpdateState {
  /** Every file of this build is cached: the next visit works without a network. */
  offlineReady: boolean;
  /** A newer build is installed and waiting; it takes over when the learner reloads. */
  needRefresh: boolean;
  /** Set once the worker is registered: activates the waiting build and reloads the page. */
  activate: (() => Promise<void>) | null;
  /** The learner chose Reload: the prompt says so until the page reloads. */
  reloading: boolean;
}

export const updateStore = createStore<UpdateState>(() => ({
  offlineReady: false,
  needRefresh: false,
  activate: null,
  reloading: false,
}));

/** Press Reload: the waiting worker takes control and the page reloads under the new build. */
export async function reloadToUpdate(store = updateStore): Promise<void> {
  const { activate, needRefresh, reloading } = store.getState();
  if (!activate || !needRefresh || reloading) return;
  store.setState({ reloading: true });
  await activate();
}

/** Not now: the prompt goes away; the new build still takes over at the next visit. */
export function dismissUpdate(store = updateStore): void {
  store.setState({ needRefresh: false });
}
