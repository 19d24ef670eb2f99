import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, waitForSaved, openSample, expectNoSeriousAxeViolations } from './fixtures';

test('open a sample, edit a story, reload: the edit is shown and on disk', async ({ app, shell }) => {
  await expect(app.getByRole('heading', { name: 'PM Practice Workspace' })).toBeVisible();
  const firstOpen = app.waitForResponse((r) => r.url().endsWith('/api/product.open'));
  const id = await openSample(app, 'Larder');
  // A file just read is answered with the JSON its worker thread made from the file's bytes.
  expect((await firstOpen).headers()['server-timing']).toContain('desc="JSON from the file"');

  const board = app.getByRole('region', { name: 'Board' });
  const firstCard = board.getByRole('list', { name: 'Backlog stories' }).getByRole('button').first();
  await expect(firstCard).toBeVisible();
  const storyCount = await board.locator('.story-card').count();
  expect(storyCount).toBeGreaterThanOrEqual(40);

  await firstCard.click();
  const editor = app.getByRole('complementary', { name: 'Story' });
  const title = editor.getByLabel('Title');
  await title.fill('Scan a receipt to add groceries to the pantry');
  await title.press('Enter');
  await expect(board.getByRole('button', { name: /^Scan a receipt to add groceries to the pantry/ })).toBeVisible();
  await waitForSaved(app);

  const onDisk = shell.readProduct(id);
  expect(onDisk.stories.some((s) => s.title === 'Scan a receipt to add groceries to the pantry')).toBe(true);

  const reopen = app.waitForResponse((r) => r.url().endsWith('/api/product.open'));
  await app.reload();
  await expect(app.getByRole('region', { name: 'Board' }).getByRole('button', { name: /^Scan a receipt to add groceries to the pantry/ })).toBeVisible();
  // Edited since it was read: answered with the product itself.
  expect((await reopen).headers()['server-timing']).toContain('desc="JSON from the product"');
});

test('undo and redo an edit with the keyboard and the buttons', async ({ app, shell }) => {
  const id = await openSample(app, 'Larder');
  const board = app.getByRole('region', { name: 'Board' });
  const backlog = board.getByRole('list', { name: 'Backlog stories' });
  const before = await backlog.getByRole('button').count();

  const newStory = board.getByLabel('New story in Backlog');
  await newStory.fill('Let households share one pantry between two phones');
  await newStory.press('Enter');
  await expect(backlog.getByRole('button')).toHaveCount(before + 1);

  await board.click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+z');
  await expect(backlog.getByRole('button')).toHaveCount(before);
  await app.keyboard.press('Control+Shift+z');
  await expect(backlog.getByRole('button')).toHaveCount(before + 1);

  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(backlog.getByRole('button')).toHaveCount(before);
  await waitForSaved(app);
  expect(shell.readProduct(id).stories.some((s) => s.title === 'Let households share one pantry between two phones')).toBe(false);

  await app.getByRole('button', { name: 'Redo' }).click();
  await waitForSaved(app);
  expect(shell.readProduct(id).stories.some((s) => s.title === 'Let households share one pantry between two phones')).toBe(true);
});

test('a broken file is listed with its reason while the other products open', async ({ app, shell }) => {
  const id = await openSample(app, 'Shiftwise');
  await app.getByRole('link', { name: '← All products' }).click();
  writeFileSync(join(shell.folder, 'half-written.product.json'), '{"schemaVersion": 2, "id": "half-wri');
  await app.reload();

  const broken = app.getByRole('list', { name: 'Broken files' });
  await expect(broken.getByText('half-written.product.json', { exact: true })).toBeVisible();
  await expect(broken.getByText(join(shell.folder, 'half-written.product.json'))).toBeVisible();
  await expect(broken.getByText(/not valid JSON/)).toBeVisible();

  await app.getByRole('button', { name: /^Open Shiftwise/ }).click();
  await expect(app).toHaveURL(new RegExp(`#/p/${id}/backlog`));
  await expect(app.getByRole('region', { name: 'Board' }).locator('.story-card').first()).toBeVisible();
});

test('the start screen and every view pass axe without serious violations', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'Sample products' })).toBeVisible();
  await expectNoSeriousAxeViolations(app);
  await openSample(app, 'Civic Cloud Platform');
  for (const view of ['Backlog', 'Prioritize', 'Roadmap', 'Spec']) {
    await app.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view }).click();
    await expect(app.getByRole('link', { name: view })).toHaveAttribute('aria-current', 'page');
    await expectNoSeriousAxeViolations(app);
  }
});
