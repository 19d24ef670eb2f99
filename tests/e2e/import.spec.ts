/**
 * Import and export through the web shell: a Jira CSV and a Trello JSON from the start screen
 * (preview counts, confirm, stories on the board, the file on disk), a file dropped on the window
 * into the open product (one undoable step), and the stories CSV export re-imported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { exportAndRead, exportPath } from './exports';
import { expect, test, waitForSaved, docScreenshot, productIdOf, expectNoSeriousAxeViolations } from './fixtures';

const FIXTURES = join(__dirname, '../fixtures/import');
const SCREENSHOTS = join(__dirname, '../../docs/screenshots');

function dialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Import a backlog' });
}

function summary(page: Page): Locator {
  return dialog(page).getByRole('list', { name: 'Import summary' });
}

function column(page: Page, name: string): Locator {
  return page.getByRole('region', { name: 'Board' }).getByRole('list', { name: `${name} stories` });
}

/** Drop a file on the window the way a browser does: dragenter, dragover, drop with a DataTransfer. */
async function dropFile(page: Page, name: string, content: string, type: string): Promise<void> {
  await page.evaluate(
    ({ name, content, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([content], name, { type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { name, content, type },
  );
}

type DiskStory = { id: string; title: string; status: string; epicId: string | null; labels: string[]; estimate: number | null; acceptanceCriteria: { text: string }[] };

test('import a Jira Cloud CSV from the start screen: preview, confirm, stories on the board and on disk', async ({ app, shell }) => {
  await app.getByRole('button', { name: 'Import from Jira / Trello / CSV' }).click();
  await expect(dialog(app)).toBeVisible();
  await dialog(app).getByLabel('File to import').setInputFiles(join(FIXTURES, 'jira-cloud-all-fields.csv'));

  await expect(summary(app)).toContainText('5 stories');
  await expect(summary(app)).toContainText('3 epics');
  await expect(summary(app)).toContainText('0 new columns');
  await expect(summary(app)).toContainText('0 skipped rows');
  await expect(dialog(app).getByText('· Jira CSV export')).toBeVisible();
  await expect(dialog(app).getByLabel('Board column for “Ready for Dev”')).toHaveValue('ready');
  await expect(dialog(app).getByLabel('Product name')).toHaveValue('Shopfront');
  await expect(dialog(app).getByRole('region', { name: 'Warnings' })).toContainText('SHOP-15 → 10099');

  // The status mapping is editable: put "Ready for Dev" into Backlog instead.
  await dialog(app).getByLabel('Board column for “Ready for Dev”').selectOption({ label: 'Backlog' });
  await dialog(app).getByRole('button', { name: 'Import 5 stories' }).click();

  await expect(dialog(app)).toBeHidden();
  await expect(app.getByRole('heading', { level: 1, name: 'Shopfront' })).toBeVisible();
  await expect(column(app, 'In progress').getByText('Pay with Apple Pay')).toBeVisible();
  await expect(column(app, 'Done').getByText('Coupon field rejects lowercase codes')).toBeVisible();
  await expect(column(app, 'Backlog').getByText('Show the points balance on the account page')).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Imported 5 stories from Jira' })).toBeVisible();

  const onDisk = shell.readProduct(productIdOf(app)) as unknown as { name: string; stories: DiskStory[]; epics: { id: string; title: string }[] };
  expect(onDisk.name).toBe('Shopfront');
  expect(onDisk.stories.map((s) => s.id).sort()).toEqual(['shop-11', 'shop-12', 'shop-13', 'shop-14', 'shop-15']);
  expect(onDisk.stories.find((s) => s.id === 'shop-11')).toMatchObject({ epicId: 'shop-1', estimate: 5, labels: ['payments', 'mobile', 'SHOP Sprint 4', 'SHOP Sprint 5'] });
  expect(onDisk.epics.map((e) => e.title)).toEqual(['Checkout revamp', 'Loyalty programme', 'Gift cards']);
});

test('import a Trello board JSON: archived cards counted and optional, lists become columns', async ({ app, shell }) => {
  await app.getByRole('button', { name: 'Import from Jira / Trello / CSV' }).click();
  await dialog(app).getByLabel('File to import').setInputFiles(join(FIXTURES, 'trello-board.json'));

  await expect(summary(app)).toContainText('5 stories');
  await expect(summary(app)).toContainText('0 epics');
  await expect(summary(app)).toContainText('5 new columns');
  await expect(summary(app)).toContainText('3 skipped rows');
  await expect(dialog(app).getByRole('region', { name: 'Warnings' })).toContainText('1 archived card was left out');

  await dialog(app).getByLabel('Include archived cards').check();
  await expect(summary(app)).toContainText('6 stories');
  await expect(summary(app)).toContainText('2 skipped rows');
  await dialog(app).getByText('Import archived lists as a closed column').click();
  await expect(summary(app)).toContainText('7 stories');
  await expect(summary(app)).toContainText('6 new columns');

  await dialog(app).getByRole('button', { name: 'Import 7 stories' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Reader app' })).toBeVisible();
  await expect(column(app, 'Up next').getByText('Dark mode')).toBeVisible();
  await expect(column(app, 'Sprint 3 (old) (archived)').getByText('Sprint 3 retro actions')).toBeVisible();
  await expect(column(app, 'Backlog').getByText('Old splash screen animation')).toBeVisible();

  const onDisk = shell.readProduct(productIdOf(app)) as unknown as { board: { columns: { name: string }[] }; stories: DiskStory[] };
  expect(onDisk.board.columns.map((c) => c.name)).toEqual(['Icebox', 'Backlog', 'Up next', 'Doing', 'Done ✅', 'Sprint 3 (old) (archived)']);
  expect(onDisk.stories.find((s) => s.title === 'Dark mode')?.acceptanceCriteria.map((c) => c.text)).toEqual([
    'Follows the system setting by default',
    'Can be switched in Settings → Appearance',
    'Charts and images stay legible (contrast ≥ 4.5:1)',
  ]);
});

test('drop a CSV on the window into the open product: one step that Undo takes back', async ({ app, shell }) => {
  await app.getByRole('button', { name: 'Start practising with Larder' }).click();
  await expect(app.getByRole('region', { name: 'Board' })).toBeVisible();
  const id = productIdOf(app);
  await waitForSaved(app);
  const before = (shell.readProduct(id).stories as unknown[]).length;

  await dropFile(app, 'generic-backlog-semicolon.csv', readFileSync(join(FIXTURES, 'generic-backlog-semicolon.csv'), 'utf8'), 'text/csv');
  await expect(dialog(app)).toBeVisible();
  await expect(dialog(app).getByText('generic-backlog-semicolon.csv', { exact: true })).toBeVisible();
  await expect(summary(app)).toContainText('3 stories');
  await expect(summary(app)).toContainText('1 skipped row');
  await expect(dialog(app).getByLabel('Import column “Owner” as')).toHaveValue('');
  await dialog(app).getByLabel('Import column “Owner” as').selectOption({ label: 'Label (one per column)' });
  await dialog(app).getByText('The open product, “Larder”').click();
  await expect(summary(app)).toContainText('0 new columns');
  await expectNoSeriousAxeViolations(app);
  await dialog(app).getByRole('button', { name: 'Import 3 stories' }).click();

  await expect(dialog(app)).toBeHidden();
  await expect(column(app, 'Ready').getByText('Weekly meal plan')).toBeVisible();
  await expect(column(app, 'In progress').getByText('Share plan with partner')).toBeVisible();
  await waitForSaved(app);
  const after = shell.readProduct(id).stories as unknown as DiskStory[];
  expect(after).toHaveLength(before + 3);
  expect(after.find((s) => s.title === 'Weekly meal plan')?.labels).toEqual(['planning', 'mobile', 'Ana']);

  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByText('Weekly meal plan')).toHaveCount(0);
  await waitForSaved(app);
  expect((shell.readProduct(id).stories as unknown[]).length).toBe(before);
});

test('export the stories as CSV and Markdown into the workspace; importing the CSV gives the same stories', async ({ app, shell }) => {
  await app.getByRole('button', { name: 'Start practising with Shiftwise' }).click();
  await expect(app.getByRole('region', { name: 'Board' })).toBeVisible();
  const id = productIdOf(app);

  await app.getByRole('button', { name: 'Export…' }).click();
  const { path: csvPath, text: csv } = await exportAndRead(app, app.getByRole('button', { name: /Stories as CSV/ }), shell, id, `${id}-stories.csv`);
  expect(csv.startsWith('\uFEFFID,Title,As a,I want,So that,Description,Acceptance criterion')).toBe(true);

  await app.getByRole('button', { name: 'Export…' }).click();
  const { text: md } = await exportAndRead(app, app.getByRole('button', { name: /Backlog as Markdown/ }), shell, id, `${id}-backlog.md`);
  expect(md).toMatch(/^# Shiftwise — backlog/);

  // Re-import the CSV as a new product: every story comes back with its fields.
  await app.getByRole('button', { name: 'Import…' }).click();
  await dialog(app).getByLabel('File to import').setInputFiles(csvPath);
  const original = shell.readProduct(id).stories as unknown as DiskStory[];
  await expect(summary(app)).toContainText(`${original.length} stories`);
  await expect(summary(app)).toContainText('0 skipped rows');
  await dialog(app).getByText('A new product').click();
  await dialog(app).getByLabel('Product name').fill('Shiftwise again');
  await dialog(app).getByRole('button', { name: `Import ${original.length} stories` }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Shiftwise again' })).toBeVisible();
  const copy = shell.readProduct(productIdOf(app)).stories as unknown as DiskStory[];
  const strip = (s: DiskStory) => ({ ...s, status: undefined, epicId: undefined });
  expect(copy.map(strip).sort((a, b) => a.id.localeCompare(b.id))).toEqual(original.map(strip).sort((a, b) => a.id.localeCompare(b.id)));
});

test('the product file itself (JSON) is a download, to keep wherever the learner chooses', async ({ app, shell }) => {
  await app.getByRole('button', { name: 'Start practising with Shiftwise' }).click();
  await expect(app.getByRole('region', { name: 'Board' })).toBeVisible();
  const id = productIdOf(app);
  await waitForSaved(app);

  await app.getByRole('button', { name: 'Export…' }).click();
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: /Product file \(JSON\)/ }).click()]);
  expect(download.suggestedFilename()).toBe(`${id}.product.json`);
  expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual(shell.readProduct(id));
  // A download, not a file in the workspace's exports folder, and no "Saved to" notice.
  expect(existsSync(exportPath(shell, id, `${id}.product.json`))).toBe(false);
  await expect(app.getByRole('status').filter({ hasText: 'Saved to' })).toHaveCount(0);
});

test('the import preview is accessible, and looks right in light and dark', async ({ app }) => {
  await app.getByRole('button', { name: 'Import from Jira / Trello / CSV' }).click();
  await expectNoSeriousAxeViolations(app);
  await dialog(app).getByLabel('File to import').setInputFiles(join(FIXTURES, 'jira-server-hierarchy.csv'));
  await expect(summary(app)).toContainText('7 stories');
  await expect(summary(app)).toContainText('2 new columns');
  await expectNoSeriousAxeViolations(app);
  await docScreenshot(app, join(SCREENSHOTS, 'import-light.png'));
  await app.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousAxeViolations(app);
  await docScreenshot(app, join(SCREENSHOTS, 'import-dark.png'));
});
