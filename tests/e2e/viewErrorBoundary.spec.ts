/**
 * The view error boundary, as a component test in the browser: tests/e2e/harness/viewErrorBoundary.tsx
 * puts the app's own ViewErrorBoundary around children that really throw, and is bundled here with
 * Vite (nothing test-only is in the app).
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

let bundle = '';

test.beforeAll(async () => {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { write: false, minify: false, lib: { entry: join(__dirname, 'harness/viewErrorBoundary.tsx'), formats: ['iife'], name: 'harness', fileName: () => 'harness.js' } },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') bundle += chunk.code;
  expect(bundle).toContain('Reload this view');
});

async function openHarness(page: Page, fail: 'none' | 'render' | 'drag'): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent(`<!doctype html><html><body data-fail="${fail}"><div id="root"></div></body></html>`);
  await page.addScriptTag({ content: bundle });
  return errors;
}

test('a view that throws while rendering shows what happened and a "Reload this view" button; the rest of the page stays', async ({ page }) => {
  const errors = await openHarness(page, 'render');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The Roadmap view stopped working');
  await expect(alert).toContainText('A render that failed');
  const reload = page.getByRole('button', { name: 'Reload this view' });
  await expect(reload).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();

  // Once the cause is gone, the button brings the view back, afresh.
  await page.evaluate(() => {
    document.body.dataset['fail'] = 'none';
  });
  await reload.click();
  await expect(page.getByText('The view works')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a view that fails in the middle of a drag commits nothing when the mouse is released', async ({ page }) => {
  const errors = await openHarness(page, 'drag');
  const card = page.getByRole('button', { name: 'Card' });
  const box = await card.boundingBox();
  if (!box) throw new Error('no card');
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 20, box.y + 30, { steps: 4 });
  await page.mouse.move(box.x + 40, box.y + 90, { steps: 6 });
  await expect(page.getByRole('button', { name: 'Reload this view' })).toBeVisible();
  await page.mouse.up();

  // dnd-kit still calls the gone board's onDragEnd on release; the board commits nothing.
  await expect.poll(() => page.evaluate(() => document.body.dataset['dragEnds'])).toBe('1');
  expect(await page.evaluate(() => document.body.dataset['commits'] ?? '0')).toBe('0');
  expect(errors).toEqual([]);
});

test('the same drag, when nothing fails, commits its drop once', async ({ page }) => {
  await openHarness(page, 'none');
  const card = page.getByRole('button', { name: 'Card' });
  const box = await card.boundingBox();
  if (!box) throw new Error('no card');
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, box.y + 60, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => document.body.dataset['commits'])).toBe('1');
});
