/**
 * Fixtures for the web-shell specs: each test gets a fresh temporary workspace folder and its own
 * loopback host (`node out/main/web.js`), and a page opened at the host's tokenised URL. The browser
 * is Playwright's shared one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

const root = resolve(__dirname, '../..');
export const SAMPLES_DIR = join(root, 'resources/samples');

export interface WebShell {
  url: string;
  folder: string;
  /** Read a product file from the workspace folder as JSON. */
  readProduct(id: string): Record<string, unknown> & { stories: { id: string; title: string; status: string; rank: string }[] };
  stop(): Promise<void>;
}

export interface WebShellOptions {
  /** How long writes are coalesced (default 50 ms). */
  writeDelayMs?: number;
  /** A fixed port (default: a free one). */
  port?: number;
  /** A fixed session token (PM_WEB_TOKEN), so a restarted shell takes the same address. */
  token?: string;
}

export async function startWebShell(folder: string, options: WebShellOptions = {}): Promise<WebShell & { child: ChildProcess }> {
  const args = [join(root, 'out/main/web.js'), '--workspace', folder, '--port', String(options.port ?? 0), '--write-delay', String(options.writeDelayMs ?? 50)];
  const env = options.token === undefined ? process.env : { ...process.env, PM_WEB_TOKEN: options.token };
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web shell did not start: ${stderr}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`web shell exited (${code}): ${stderr}`)));
  });
  return {
    child,
    url,
    folder,
    readProduct: (id) => JSON.parse(readFileSync(join(folder, `${id}.product.json`), 'utf8')),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export const test = base.extend<{ shell: WebShell; app: Page }>({
  // Playwright reads a fixture's dependencies from its first parameter: this one has none.
  // eslint-disable-next-line no-empty-pattern
  shell: async ({}, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'pm-e2e-'));
    const shell = await startWebShell(folder);
    await use(shell);
    await shell.stop();
    rmSync(folder, { recursive: true, force: true });
  },
  app: async ({ page, shell }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`.slice(0, 2000)));
    await page.goto(shell.url);
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** Wait until the product shows "Saved" (every edit has reached the disk). */
export async function waitForSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^(Saved|Saving…|Not saved)$/ })).toHaveText('Saved');
}

/**
 * A picture for the README. Taken only by `npm run screenshots` (PM_SCREENSHOTS=1), so that running
 * the tests never changes tracked files.
 */
export async function docScreenshot(page: Page, path: string): Promise<void> {
  if (process.env['PM_SCREENSHOTS'] !== '1') return;
  await page.screenshot({ path });
}

/** The product id in the page's URL (`#/p/<id>/<view>`). */
export function productIdOf(page: Page): string {
  const match = /#\/p\/([a-z0-9-]+)\//.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a product page: ${page.url()}`);
  return match[1];
}

/** From the start screen, start practising with a sample (e.g. "Larder"); answers its new product id. */
export async function openSample(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: `Start practising with ${name}` }).click();
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  return productIdOf(page);
}

/** axe-core finds no serious or critical violation on the page as it is now. */
export async function expectNoSeriousAxeViolations(page: Page, where = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const prefix = where ? `${where}: ` : '';
  expect(serious.map((v) => `${prefix}${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
