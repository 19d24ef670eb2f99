import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The page declares its CSP in a meta tag (and both shells also send it as a header). The dev
 * server (`npm run dev`) injects an inline React refresh script that the CSP forbids, so only the
 * dev server drops the meta tag; every build keeps it.
 */
function devServerWithoutCspMeta(): Plugin {
  return {
    name: 'pm:dev-server-without-csp-meta',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/**
 * One build for both shells:
 * - main: the Electron main process (`out/main/index.js`) and the loopback web host
 *   (`out/main/web.js`, plain Node, no electron import, with its worker `fileJsonWorker.js`). Every package is a devDependency, so
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
          // A worker thread of the web host (started by cli.ts from out/main/fileJsonWorker.js).
          fileJsonWorker: resolve(__dirname, 'src/main/web/fileJsonWorker.ts'),
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
    plugins: [react(), devServerWithoutCspMeta()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});
