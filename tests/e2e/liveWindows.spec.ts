/**
 * Several pages on one product, and a file replaced by another program, as a learner meets them:
 * edits in one page appear in the other within a second and both reach the file; a same-field
 * conflict shows both values and the learner's choice is what is saved; a focused field keeps
 * what the learner typed; a file replaced under an unsaved edit shows the conflict choices, and
 * every choice keeps both versions.
 */
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectNoSeriousAxeViolations, openSample, startWebShell, test, waitForSaved, type WebShell } from './fixtures';
import { cards, rename, titleFieldOf } from './storyCards';

/** A second page (tab) on the product `id`, failing the test on an uncaught error. */
async function secondPage(context: BrowserContext, shell: WebShell, id: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(shell.url);
  await expect(page.getByRole('heading', { name: 'PM Practice Workspace' })).toBeVisible();
  await page.evaluate((hash) => (window.location.hash = hash), `#/p/${id}/backlog`);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  return page;
}

function storyTitles(shell: WebShell, id: string): string[] {
  return shell.readProduct(id).stories.map((s) => s.title);
}

function titleOnDisk(shell: WebShell, id: string, storyId: string): string | undefined {
  return shell.readProduct(id).stories.find((s) => s.id === storyId)?.title;
}

test('two pages on one product: edits in each reach the file and appear in the other within a second', async ({ app, shell, context }) => {
  const id = await openSample(app, 'Larder');
  const errors: string[] = [];
  const other = await secondPage(context, shell, id, errors);
  const firstTitle = (await cards(app).first().getAttribute('aria-label')) ?? '';
  expect(firstTitle).not.toBe('');

  await rename(app, 0, 'Renamed in the first page');
  await expect(cards(other).filter({ hasText: 'Renamed in the first page' })).toBeVisible({ timeout: 1000 });
  await rename(other, 1, 'Renamed in the second page');
  await expect(cards(app).filter({ hasText: 'Renamed in the second page' })).toBeVisible({ timeout: 1000 });

  await waitForSaved(app);
  await waitForSaved(other);
  const titles = storyTitles(shell, id);
  expect(titles).toContain('Renamed in the first page');
  expect(titles).toContain('Renamed in the second page');
  // Undo in the first page undoes its own rename, not the other page's.
  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(cards(other).filter({ hasText: 'Renamed in the first page' })).toHaveCount(0, { timeout: 1000 });
  await waitForSaved(app);
  expect(storyTitles(shell, id)).toContain('Renamed in the second page');
  expect(storyTitles(shell, id)).not.toContain('Renamed in the first page');
  expect(errors).toEqual([]);
});

test('a same-field conflict between two pages shows both values, and the choice is what is saved', async ({ app, shell, context }) => {
  const id = await openSample(app, 'Larder');
  const errors: string[] = [];
  const other = await secondPage(context, shell, id, errors);
  // The second page's edit is held on its way, so both pages change the title before either sees the other's.
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await other.route('**/api/product.applyEdits', async (route) => {
    await held;
    await route.continue();
  });
  const storyId = await rename(other, 0, 'Title from the second page');
  await rename(app, 0, 'Title from the first page');
  await waitForSaved(app);
  release();

  const dialog = other.getByRole('dialog', { name: 'Changed in another window too' });
  await expect(dialog).toBeVisible();
  const row = dialog.getByRole('row').filter({ hasText: 'Title' });
  await expect(row.getByRole('cell').nth(0)).toHaveText('Title from the first page');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Title from the second page');
  await expect(other.getByRole('status').filter({ hasText: /^Not saved$/ })).toBeVisible();
  await expectNoSeriousAxeViolations(other, 'field conflict dialog');
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect(dialog).toBeHidden();

  await waitForSaved(other);
  expect(titleOnDisk(shell, id, storyId)).toBe('Title from the second page');
  await expect(cards(app).first()).toContainText('Title from the second page', { timeout: 1000 });
  await waitForSaved(app);
  expect(errors).toEqual([]);
});

test('text being typed is never replaced from outside: the field keeps it and says the stored value changed', async ({ app, shell, context }) => {
  const id = await openSample(app, 'Larder');
  const errors: string[] = [];
  const other = await secondPage(context, shell, id, errors);
  const storyId = (await cards(app).first().getAttribute('data-story-id')) ?? '';
  const field = await titleFieldOf(app, 0);
  await field.fill('What I am typing');
  await rename(other, 0, 'Changed in the other page');

  await expect(app.getByText('Changed elsewhere to “Changed in the other page”')).toBeVisible();
  await expect(field).toHaveValue('What I am typing');
  await expect(field).toBeFocused();
  await field.press('Enter');
  await waitForSaved(app);
  expect(titleOnDisk(shell, id, storyId)).toBe('What I am typing');
  await expect(cards(other).first()).toContainText('What I am typing', { timeout: 1000 });
  expect(errors).toEqual([]);
});

/** The file replaced by another program while an edit waits to be written (writes wait 1.5 s here). */
test.describe('a file replaced during an unsaved edit', () => {
  let slow: WebShell;
  let folder: string;
  test.beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pm-e2e-slow-'));
    slow = await startWebShell(folder, { writeDelayMs: 1500 });
  });
  test.afterEach(async () => {
    await slow.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** `sameStory`: the other program changes the story the learner renamed, else another one. */
  async function editThenReplace(page: Page, sameStory: boolean): Promise<{ id: string; storyId: string; theirId: string; mine: string; theirs: string }> {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(slow.url);
    const id = await openSample(page, 'Larder');
    await waitForSaved(page);
    const mine = 'My unsaved title';
    const theirs = 'Their title from another program';
    const storyId = await rename(page, 0, mine);
    await expect(page.getByRole('status').filter({ hasText: /^Saving…$/ })).toBeVisible();
    // Another program (a git checkout, a sync client) replaces the file before the write.
    const onDisk = slow.readProduct(id);
    expect(onDisk.stories.find((s) => s.title === mine)).toBeUndefined();
    const story = onDisk.stories.find((s) => (sameStory ? s.id === storyId : s.id !== storyId));
    if (!story) throw new Error('no such story');
    story.title = theirs;
    const path = join(slow.folder, `${id}.product.json`);
    writeFileSync(`${path}.tmp-other`, `${JSON.stringify(onDisk, null, 2)}\n`);
    renameSync(`${path}.tmp-other`, path);
    await expect(page.getByRole('alert', { name: 'Conflict with the file on disk' })).toBeVisible();
    expect(errors).toEqual([]);
    return { id, storyId, theirId: story.id, mine, theirs };
  }

  test('keep mine as a copy: the file keeps their version, mine becomes a new product', async ({ page }) => {
    const { id, storyId, mine, theirs } = await editThenReplace(page, true);
    const banner = page.getByRole('alert', { name: 'Conflict with the file on disk' });
    // Both changed the same story's title: merging is not offered.
    await expect(banner.getByRole('button', { name: 'Merge both' })).toHaveCount(0);
    await expectNoSeriousAxeViolations(page, 'disk conflict banner');
    await banner.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await expect(page.getByRole('link', { name: 'Open your copy' })).toBeVisible();
    await expect(banner).toBeHidden();
    expect(titleOnDisk(slow, id, storyId)).toBe(theirs);
    await expect(cards(page).first()).toContainText(theirs);
    const copies = readdirSync(slow.folder).filter((n) => n.endsWith('.product.json') && n !== `${id}.product.json`);
    expect(copies).toHaveLength(1);
    const copy = JSON.parse(readFileSync(join(slow.folder, copies[0] ?? ''), 'utf8')) as { name: string; stories: { id: string; title: string }[] };
    expect(copy.stories.find((s) => s.id === storyId)?.title).toBe(mine);
    expect(copy.name).toBe('Larder (my copy)');
    await waitForSaved(page);
  });

  test('take the version on disk: mine is kept under Recovered versions', async ({ page }) => {
    const { id, storyId, mine, theirs } = await editThenReplace(page, true);
    await page.getByRole('button', { name: 'Take the version on disk' }).click();
    await expect(page.getByRole('alert', { name: 'Conflict with the file on disk' })).toBeHidden();
    await expect(cards(page).first()).toContainText(theirs);
    await waitForSaved(page);
    expect(titleOnDisk(slow, id, storyId)).toBe(theirs);
    await page.getByRole('link', { name: '← All products' }).click();
    const recovered = page.getByRole('list', { name: 'Recovered versions' }).getByRole('listitem');
    await expect(recovered).toHaveCount(1);
    const files = readdirSync(join(slow.folder, '.backups', 'recovered')).filter((n) => n.endsWith('.product.json'));
    const setAside = JSON.parse(readFileSync(join(slow.folder, '.backups', 'recovered', files[0] ?? ''), 'utf8')) as { stories: { id: string; title: string }[] };
    expect(setAside.stories.find((s) => s.id === storyId)?.title).toBe(mine);
  });

  test('merge both, when they changed different stories: both changes end up in the file', async ({ page }) => {
    const { id, storyId, theirId, mine, theirs } = await editThenReplace(page, false);
    const banner = page.getByRole('alert', { name: 'Conflict with the file on disk' });
    await banner.getByRole('button', { name: 'Merge both' }).click();
    await expect(banner).toBeHidden();
    await expect(page.locator(`[data-story-id="${theirId}"]`)).toContainText(theirs);
    await waitForSaved(page);
    expect(titleOnDisk(slow, id, storyId)).toBe(mine);
    expect(titleOnDisk(slow, id, theirId)).toBe(theirs);
  });
});
