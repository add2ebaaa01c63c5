import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { codeSplitting } from './build/chunks.mjs';
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
      output: { codeSplitting: codeSplitting() },
      // antd marks its modules "use client" for server rendering; a plain bundle has no use for it.
      // Its package index imports its App statically, which the bundler reports for the dynamic
      // import in web/src/lazyPage.tsx; tree-shaking drops that index, and App gets its own chunk.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        if (warning.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && /antd[\\/]es[\\/]app/.test(warning.message)) return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
