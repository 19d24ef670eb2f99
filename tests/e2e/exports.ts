/**
 * Exports in the web-shell specs: an export is written by the service into
 * `<workspace>/exports/<product>/<file>` and the app says "Saved to <path>"; these wait for that
 * notice and read the file from the workspace.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, type WebShell } from './fixtures';

/** Where the service writes an export of this product. */
export function exportPath(shell: WebShell, productId: string, fileName: string): string {
  return join(shell.folder, 'exports', productId, fileName);
}

/** The "Saved to <path>" notice (a polite status) for this file, inside `scope` (a dialog) if given. */
export function savedNotice(scope: Page | Locator, path: string): Locator {
  const notices = scope.getByRole('status').filter({ hasText: 'Saved to' });
  // The inner locator of `has` is matched inside each notice, so it starts from the page.
  return notices.filter({ has: notices.page().locator('code').getByText(path, { exact: true }) });
}

/**
 * Click `trigger` (the export button), wait until the app says where the file was saved, and return
 * the file's path and text as written into the workspace.
 */
export async function exportAndRead(scope: Page | Locator, trigger: Locator, shell: WebShell, productId: string, fileName: string): Promise<{ path: string; text: string }> {
  const path = exportPath(shell, productId, fileName);
  await trigger.click();
  await expect(savedNotice(scope, path)).toBeVisible();
  return { path, text: readFileSync(path, 'utf8') };
}

/**
 * The web shell cannot make PDFs itself (it opens the print dialog), so the specs check the print
 * stylesheet by having Chromium print the exported HTML (print media) to `pdfPath`; returns the
 * PDF's text as `pdftotext` reads it.
 */
export async function pdfTextOf(page: Page, html: string, pdfPath: string): Promise<string> {
  const printing = await page.context().newPage();
  await printing.setContent(html);
  await printing.emulateMedia({ media: 'print' });
  await printing.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  await printing.close();
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
}
