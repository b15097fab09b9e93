import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Three bundles: the Node side (Electron main and the `dossier` CLI/host, sharing the core),
 * the sandboxed preload (one CommonJS file: a sandboxed preload cannot load modules), and the
 * renderer.
 */
export default defineConfig({
  main: {
    // Updates are off unless the build names a feed (DOSSIER_UPDATE_FEED=https://…): an offline
    // build never even loads electron-updater. See electron/main/updates.ts.
    define: { __DOSSIER_UPDATE_FEED__: JSON.stringify(process.env.DOSSIER_UPDATE_FEED ?? '') },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/main.ts'),
          coreWorker: resolve(__dirname, 'electron/core/workers/coreWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves bundles unminified; the renderer parses faster minified.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
