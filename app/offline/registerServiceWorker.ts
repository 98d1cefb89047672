/// <reference types="vite-plugin-pwa/vanillajs" />
// Registers the service worker that vite-plugin-pwa generates for the build (vite.config.ts).
// Only the production build does: the dev server and the unit tests never load this module's
// import. The registration is part of the bundle (an external module), so the page's
// Content-Security-Policy still has no inline script; its URL and scope are relative ('./sw.js'),
// so the app works offline from whatever folder it is served.
import { updateStore } from './updateStore.ts';

async function reload(): Promise<void> {
  window.location.reload();
}

export function startServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  void import('virtual:pwa-register')
    .then(({ registerSW }) => {
      let registration: ServiceWorkerRegistration | undefined;
      const update = registerSW({
        immediate: true,
        onRegisteredSW: (_url, r) => {
          registration = r;
        },
        onOfflineReady: () => updateStore.setState({ offlineReady: true }),
        onNeedRefresh: () => updateStore.setState({ needRefresh: true }),
        // A blocked or refused registration (a private window, a sandboxed iframe, a browser
        // set not to allow them) leaves the app as it is: online only, nothing to tell.
        onRegisterError: () => undefined,
      });
      updateStore.setState({
        // The waiting worker takes control and the page reloads under it. A page the old worker
        // never controlled (the first visit) has no waiting worker: the new one is already in
        // charge, and a reload is all it takes.
        activate: () => (registration?.waiting ? update(true) : reload()),
      });
    })
    .catch(() => undefined);
}
