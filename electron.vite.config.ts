// Build configuration for all three processes (electron-vite): main and preload are bundled for
// Node/Electron, the renderer for the browser. The preload is one CommonJS file with its
// dependencies inlined, because sandboxed preloads cannot load modules.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The backup worker is its own entry: main/services/backup/runner.ts starts it beside index.js.
        input: { index: resolve(root, 'main/index.ts'), 'backup-worker': resolve(root, 'main/services/backup/worker.ts') },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
      // Keep fonts as files served by the app protocol rather than data: URLs.
      assetsInlineLimit: 0,
    },
  },
});
