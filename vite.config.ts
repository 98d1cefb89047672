import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP } from './scripts/csp.mjs';

/** Adds the Content-Security-Policy <meta> to the built index.html (see scripts/csp.mjs). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  // Relative asset paths: dist/ works from any folder of any web server (a course site, GitHub Pages).
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    // Offline after the first visit: a generated service worker precaches the whole build. It is
    // registered by app/offline/ (an external module, so the CSP's no-inline-script rule holds),
    // only in the built app; a new build waits until the learner presses Reload ('prompt').
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // Not an installable app: no manifest, nothing to install — just offline use.
      manifest: false,
      workbox: {
        // KaTeX ships woff2, woff and ttf of each font; every browser that runs a service worker
        // uses the woff2, so the others are left to the network.
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        // The sample host page is a page of its own, never answered with the app.
        navigateFallbackDenylist: [/embed-host-example\.html$/],
      },
    }),
  ],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['ad-core/**/*.test.ts', 'app/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
