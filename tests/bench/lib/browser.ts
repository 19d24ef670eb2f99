/** Headless Chromium driven with Playwright's library API, and the app pages the bench uses. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright';
import type { RunningHost } from './webHost';
import { installProbes, type ArmResult, type ArmSpec } from './pageProbes';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    headless: true,
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: ARGS,
  });
}

export interface AppPage {
  page: Page;
  cdp: CDPSession;
  /** Uncaught errors in the page so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh tab on the host's start screen, with the probes installed and the token taken. */
export async function openAppPage(browser: Browser, host: RunningHost): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message.slice(0, 300)));
  await page.addInitScript(installProbes);
  await page.goto(host.url);
  await page.waitForFunction(() => window.__bench !== undefined && (document.getElementById('root')?.childElementCount ?? 0) > 0);
  const cdp = await context.newCDPSession(page);
  return { page, cdp, errors, close: () => context.close() };
}

/** Go back to the start screen and wait until it lists at least `productCount` products. */
export async function showStartScreen(app: AppPage, productCount: number, timeoutMs = 120_000): Promise<void> {
  await app.page.evaluate(() => {
    window.location.hash = '#/';
  });
  await app.page.waitForFunction((count) => document.querySelectorAll('ul[aria-label="Your products"] > li').length >= count, productCount, { timeout: timeoutMs });
}

/** Start a probe measurement in the page, run `act` (the input), and return the outcome. */
export async function measureInPage(app: AppPage, spec: ArmSpec, act: () => Promise<void>): Promise<ArmResult> {
  const id = await app.page.evaluate((s) => window.__bench?.arm(s) ?? -1, spec);
  if (id < 0) return { ok: false, reason: 'the page probes are not installed' };
  await act();
  return app.page.evaluate((i) => window.__bench?.result(i) ?? Promise.resolve<ArmResult>({ ok: false, reason: 'probes gone' }), id);
}

/** Wait until the next frame has been painted. */
export async function afterPaint(app: AppPage): Promise<void> {
  await app.page.evaluate(() => window.__bench?.afterPaint());
}

/** Wait until the product's save indicator says "Saved" (every edit is on disk). */
export async function waitSaved(app: AppPage, timeoutMs = 30_000): Promise<void> {
  await app.page.waitForFunction(() => document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'saved', undefined, { timeout: timeoutMs });
}

/** Collect garbage in the page (so one measurement does not pay for the previous one's garbage). */
export async function collectGarbage(app: AppPage): Promise<void> {
  await app.cdp.send('HeapProfiler.collectGarbage');
}

/** The page's used JS heap after a full garbage collection, in bytes. */
export async function usedHeapBytes(app: AppPage): Promise<number> {
  await collectGarbage(app);
  await collectGarbage(app);
  const usage = await app.cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

/** Frame start times while `act` runs (plus one frame after). */
export async function recordFrames(app: AppPage, act: () => Promise<void>): Promise<number[]> {
  await app.page.evaluate(() => window.__bench?.startFrames());
  await afterPaint(app);
  await act();
  await afterPaint(app);
  return app.page.evaluate(() => window.__bench?.stopFrames() ?? []);
}
