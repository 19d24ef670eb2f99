import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * One build for both shells:
 * - main: the Electron main process (`out/main/index.js`) and the loopback web host
 *   (`out/main/web.js`, plain Node, no electron import). Every package is a devDependency, so
 *   electron-vite bundles them (lowdb and fractional-indexing are ESM-only; bundling makes that moot).
 * - preload: CommonJS, as sandboxed preloads must be.
 * - renderer: the React app, served by Electron from disk or by the web host over loopback.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          web: resolve(__dirname, 'src/main/web/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});
