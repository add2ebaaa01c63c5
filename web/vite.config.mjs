import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { offlineShell } from './build/offline.mjs';
import { precompress } from './build/precompress.mjs';

// The service serves dist/web at / (same origin as /api/v1); `npm run dev:web` proxies the API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // sw.js first, so that it is compressed with the rest.
  plugins: [offlineShell(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // antd marks its modules "use client" for server rendering; a plain bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
