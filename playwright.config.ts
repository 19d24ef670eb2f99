import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * E2E specs drive the real app through the loopback web shell (`out/main/web.js`, built by
 * `npm run build`) in headless Chromium. Debian's Chromium is used where it exists (this machine
 * and CI cannot download Playwright's browser); elsewhere Playwright's own browser.
 */
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list']] : [['list']],
  use: {
    headless: true,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
  },
  projects: [
    { name: 'web', testIgnore: /electron\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
    // `npm run screenshots`: README pictures, not a test.
    { name: 'docs', testDir: 'tests/docs' },
  ],
});
