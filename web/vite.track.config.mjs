import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.mjs';

/**
 * The enterprise's tracking page (web/track.html, served at /t/<token>), built apart from the
 * signed-in app and after it, into the same dist/web: it shares no chunk with the app (no React,
 * no Ant Design), and the app's service worker does not know of it, so it never keeps a token's
 * answer. No module-preload polyfill: the page loads one script.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [precompress({ only: /[\\/](?:track\.html|assets[\\/]track-[^\\/]+)$/ })],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { track: fileURLToPath(new URL('./track.html', import.meta.url)) },
    },
  },
});
