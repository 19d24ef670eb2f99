import type { Locator, Page } from '@playwright/test';
import { expect, test, waitForSaved, type WebShell, openSample, expectNoSeriousAxeViolations } from './fixtures';

type DiskStory = { id: string; title: string; status: string; rank: string; acceptanceCriteria: { text: string }[]; splitFrom: string | null; splitInto: string[] };

function column(page: Page, name: string): Locator {
  return page.getByRole('region', { name: 'Board' }).getByRole('list', { name: `${name} stories` });
}

function diskStories(shell: WebShell, id: string): DiskStory[] {
  return shell.readProduct(id).stories as unknown as DiskStory[];
}

/** Stories of one column on disk, in rank order. */
function diskColumn(shell: WebShell, id: string, status: string): DiskStory[] {
  return diskStories(shell, id)
    .filter((s) => s.status === status)
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
}

async function dragWithMouse(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag endpoints not visible');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(20, to.height / 2), { steps: 12 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(22, to.height / 2), { steps: 2 });
  await page.mouse.up();
}

test('drag a card to another column with the mouse; reload keeps status and order; undo moves it back', async ({ app, shell }) => {
  const id = await openSample(app, 'Larder');
  const card = column(app, 'Ready').locator('[data-story-id]').first();
  const storyId = await card.getAttribute('data-story-id');
  const target = column(app, 'In review').locator('[data-story-id]').first();
  await dragWithMouse(app, card, target);

  await expect(column(app, 'In review').locator(`[data-story-id="${storyId}"]`)).toBeVisible();
  await waitForSaved(app);
  expect(diskColumn(shell, id, 'review')[0]?.id).toBe(storyId);

  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(column(app, 'Ready').locator(`[data-story-id="${storyId}"]`)).toBeVisible();
  await waitForSaved(app);
  expect(diskStories(shell, id).find((s) => s.id === storyId)?.status).toBe('ready');

  await app.getByRole('button', { name: 'Redo' }).click();
  await waitForSaved(app);
  await app.reload();
  await expect(column(app, 'In review').locator('[data-story-id]').first()).toHaveAttribute('data-story-id', storyId ?? '');
  expect(diskColumn(shell, id, 'review')[0]?.id).toBe(storyId);
});

/**
 * Focus a card and press Space until the pick-up is announced. Right after a drop, dnd-kit may
 * still be finishing the previous drag and ignore one Space; a second press is what a person would
 * do, and a pick-up followed by an immediate drop moves nothing.
 */
async function pickUp(page: Page, card: Locator): Promise<void> {
  const live = page.locator('[id^="DndLiveRegion"]').first();
  await expect(async () => {
    await card.focus();
    await page.keyboard.press('Space');
    await expect(live).toContainText(/Picked up story|is now in column/, { timeout: 1500 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Press an arrow key during a keyboard drag until the live region announces `expected`. dnd-kit
 * starts listening for arrows just after the pick-up, so a key sent in the same instant can be
 * missed; the key is pressed again only while the announcement still places the card where it
 * started (`unmoved`).
 */
async function moveUntil(page: Page, key: string, expected: string, unmoved: RegExp): Promise<void> {
  const live = page.locator('[id^="DndLiveRegion"]').first();
  let pressed = false;
  await expect(async () => {
    const text = (await live.textContent()) ?? '';
    if (!pressed || (!text.includes(expected) && unmoved.test(text))) {
      pressed = true;
      await page.keyboard.press(key);
    }
    await expect(live).toContainText(expected, { timeout: 1500 });
  }).toPass({ timeout: 15_000 });
}

test('move a card with the keyboard: Space, arrows, Space', async ({ app, shell }) => {
  const id = await openSample(app, 'Shiftwise');
  const live = app.locator('[id^="DndLiveRegion"]').first();
  const ready = column(app, 'Ready');
  const first = ready.locator('[data-story-id]').first();
  const storyId = (await first.getAttribute('data-story-id')) ?? '';
  const secondId = await ready.locator('[data-story-id]').nth(1).getAttribute('data-story-id');

  // Down within the column: the card swaps with the next one.
  await pickUp(app, first);
  await moveUntil(app, 'ArrowDown', 'position 2 of', /Picked up|position 1 of/);
  await app.keyboard.press('Space');
  await expect(ready.locator('[data-story-id]').nth(1)).toHaveAttribute('data-story-id', storyId);
  await waitForSaved(app);
  expect(diskColumn(shell, id, 'ready').slice(0, 2).map((s) => s.id)).toEqual([secondId, storyId]);

  // Right into the next column; Escape cancels, then a real move.
  const card = ready.locator(`[data-story-id="${storyId}"]`);
  await pickUp(app, card);
  await moveUntil(app, 'ArrowRight', 'column In progress', /Picked up|column Ready/);
  await app.keyboard.press('Escape');
  await expect(live).toContainText('Moving cancelled');
  await expect(ready.locator(`[data-story-id="${storyId}"]`)).toBeVisible();

  await pickUp(app, ready.locator(`[data-story-id="${storyId}"]`));
  await moveUntil(app, 'ArrowRight', 'column In progress', /Picked up|column Ready/);
  await app.keyboard.press('Space');
  await expect(column(app, 'In progress').locator(`[data-story-id="${storyId}"]`)).toBeVisible();
  await waitForSaved(app);
  await app.reload();
  await expect(column(app, 'In progress').locator(`[data-story-id="${storyId}"]`)).toBeVisible();
  expect(diskStories(shell, id).find((s) => s.id === storyId)?.status).toBe('in-progress');
});

test('reorder the backlog list by dragging', async ({ app, shell }) => {
  const id = await openSample(app, 'Civic Cloud Platform');
  await app.getByRole('button', { name: 'List', exact: true }).click();
  const rows = app.getByRole('region', { name: 'Ordered backlog' }).locator('[data-story-id]');
  const firstId = await rows.nth(0).getAttribute('data-story-id');
  const thirdId = await rows.nth(2).getAttribute('data-story-id');
  const handle = app.getByRole('button', { name: `Reorder ${await rows.nth(0).locator('.row-title').innerText()}` });
  await dragWithMouse(app, handle, rows.nth(2));
  await expect(rows.nth(2)).toHaveAttribute('data-story-id', firstId ?? '');
  await waitForSaved(app);
  const order = diskStories(shell, id)
    .sort((a, b) => (a.rank < b.rank ? -1 : 1))
    .map((s) => s.id);
  expect(order.indexOf(firstId ?? '')).toBeGreaterThan(order.indexOf(thirdId ?? ''));
});

test('create, edit (with acceptance criteria) and delete a story', async ({ app, shell }) => {
  const id = await openSample(app, 'Larder');
  await expect(app.getByRole('region', { name: 'Board' })).toBeVisible();
  await app.keyboard.press('n');
  const input = app.getByLabel('New story in Backlog');
  await expect(input).toBeFocused();
  await input.fill('Warn before a batch of leftovers goes off');
  await input.press('Enter');
  const card = column(app, 'Backlog').getByRole('button', { name: /^Warn before a batch of leftovers goes off/ });
  await card.click();

  const editor = app.getByRole('complementary', { name: 'Story' });
  await editor.getByLabel('As a').fill('busy parent');
  await editor.getByLabel('So that').fill('we eat leftovers before they are wasted');
  await editor.getByLabel('So that').blur();
  await editor.getByRole('button', { name: 'Add criterion' }).click();
  const criterion = editor.getByLabel('Criterion 1', { exact: true });
  await criterion.fill('Given leftovers logged on Monday, when Wednesday evening comes, then I get one reminder naming them.');
  await criterion.blur();
  await editor.getByLabel('Estimate (points)').selectOption('3');
  await waitForSaved(app);

  let story = diskStories(shell, id).find((s) => s.title === 'Warn before a batch of leftovers goes off');
  expect(story?.acceptanceCriteria.map((c) => c.text)).toEqual(['Given leftovers logged on Monday, when Wednesday evening comes, then I get one reminder naming them.']);
  await expect(editor.getByRole('region', { name: 'Refinement coach' })).toBeVisible();

  await editor.getByRole('button', { name: 'Delete story' }).click();
  await expect(card).toHaveCount(0);
  await waitForSaved(app);
  story = diskStories(shell, id).find((s) => s.title === 'Warn before a batch of leftovers goes off');
  expect(story).toBeUndefined();
});

test('split a story by acceptance criteria', async ({ app, shell }) => {
  const id = await openSample(app, 'Shiftwise');
  const before = diskStories(shell, id).length;
  const bigId = diskStories(shell, id).find((s) => s.status !== 'done' && s.acceptanceCriteria.length >= 2)?.id ?? '';
  await app.locator(`[data-story-id="${bigId}"]`).click();
  const editor = app.getByRole('complementary', { name: 'Story' });
  await editor.getByRole('button', { name: 'Split story…' }).click();
  const dialog = app.getByRole('dialog');
  await expect(dialog.getByLabel('By acceptance criterion')).toBeChecked();
  await expectNoSeriousAxeViolations(app);
  await dialog.getByRole('button', { name: /^Split into \d+ stories$/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(editor.getByText(/This story was split into/)).toBeVisible();
  await waitForSaved(app);
  const stories = diskStories(shell, id);
  const original = stories.find((s) => s.id === bigId);
  const parts = stories.filter((s) => s.splitFrom === bigId);
  expect(parts.length).toBeGreaterThanOrEqual(2);
  expect(original?.splitInto.sort()).toEqual(parts.map((p) => p.id).sort());
  expect(stories.length).toBe(before + parts.length);

  // One undo removes the whole split.
  await app.getByRole('button', { name: 'Undo' }).click();
  await waitForSaved(app);
  expect(diskStories(shell, id).length).toBe(before);
});

test('filter to "no acceptance criteria" shows exactly the stories that lack them', async ({ app, shell }) => {
  const id = await openSample(app, 'Civic Cloud Platform');
  await app.getByRole('button', { name: 'List', exact: true }).click();
  await app.getByRole('list', { name: 'Top problems' }).getByRole('button', { name: /No acceptance criteria/ }).click();
  const expected = diskStories(shell, id)
    .filter((s) => s.acceptanceCriteria.length === 0 && s.status !== 'done')
    .map((s) => s.id)
    .sort();
  expect(expected.length).toBeGreaterThan(0);
  const rows = app.getByRole('region', { name: 'Ordered backlog' }).locator('[data-story-id]');
  await expect(rows).toHaveCount(expected.length);
  const shown = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-story-id') ?? ''))).sort();
  expect(shown).toEqual(expected);
  await expect(app.getByText(`${expected.length} of`)).toBeVisible();
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(diskStories(shell, id).length);
});

test('a WIP limit shows as exceeded, and the board and list pass axe', async ({ app }) => {
  await openSample(app, 'Larder');
  const inProgress = app.getByRole('region', { name: 'In progress' });
  await expect(inProgress.getByRole('note', { name: /WIP limit exceeded/ })).toHaveText('4 / 3');
  await expectNoSeriousAxeViolations(app);
  await app.getByRole('region', { name: 'Board' }).locator('[data-story-id]').first().click();
  await expectNoSeriousAxeViolations(app);
  await app.getByRole('button', { name: 'List', exact: true }).click();
  await expectNoSeriousAxeViolations(app);
});

test('a link to a story (as from a spec chip) opens it in the story editor', async ({ app, shell }) => {
  const id = await openSample(app, 'Larder');
  const story = diskStories(shell, id).find((s) => s.status === 'ready');
  if (!story) throw new Error('no ready story in the sample');
  await app.evaluate((hash) => (window.location.hash = hash), `#/p/${id}/backlog?story=${story.id}`);
  await expect(app.getByRole('complementary', { name: 'Story' }).getByLabel('Title')).toHaveValue(story.title);
});
