import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, waitForSaved, docScreenshot, openSample, expectNoSeriousAxeViolations } from './fixtures';

const SCREENSHOTS = join(__dirname, '../../docs/screenshots');
const READY_EXERCISE = 'Get the top of Ready truly ready';

type DiskPractice = { attempts: { exerciseId: string; score: number; passed: boolean }[]; snapshots: { exerciseId: string }[] };
type DiskStory = { id: string; soThat: string; estimate: number | null };

function panel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Practice' });
}

/** Open the practice panel and start an exercise. */
async function startExercise(page: Page, title: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  const p = panel(page);
  await p.getByRole('list', { name: 'Exercises' }).getByRole('button', { name: new RegExp(title) }).click();
  await expect(p.getByRole('heading', { name: title })).toBeVisible();
  await p.getByRole('button', { name: 'Start exercise' }).click();
  await expect(p.getByRole('button', { name: 'Check my work' })).toBeVisible();
  return p;
}

function storyCard(page: Page, title: RegExp): Locator {
  return page.getByRole('region', { name: 'Board' }).getByRole('button', { name: title });
}

function editor(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Story' });
}

/** Type into a field of the story editor and leave it, which commits the edit. */
async function commit(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.press('Tab');
}

function criterion(p: Locator, label: string): Locator {
  return p.getByRole('list', { name: 'Rubric' }).getByRole('listitem').filter({ hasText: label }).first();
}

test('an exercise: check my work fails, fix the stories in the board, check passes, the reference appears, progress shows after reload', async ({ app, shell }) => {
  const id = await openSample(app, 'Larder');
  const p = await startExercise(app, READY_EXERCISE);

  // The scope is highlighted in the board, and said so to assistive technology.
  await expect(storyCard(app, /^Notifications,.*in the exercise$/)).toBeVisible();
  await expect(storyCard(app, /^Reuse one of my last three shopping lists,.*in the exercise$/)).toBeVisible();
  await expect(storyCard(app, /^Scan a supermarket receipt/)).not.toHaveAccessibleName(/in the exercise/);

  // Before the first check there is no reference answer.
  await expect(p.getByText('The reference answer appears after your first “Check my work”.')).toBeVisible();

  await p.getByRole('button', { name: 'Check my work' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'Not passed yet' })).toBeVisible();
  const ready = criterion(p, 'Every story meets the Definition of Ready');
  await expect(ready).toContainText('Not yet');
  await expect(ready).toContainText('5 of 8 stories meet the Definition of Ready.');
  await expect(ready.getByRole('list')).toContainText('Reuse one of my last three shopping lists');
  await expect(ready.getByRole('list')).toContainText('The "so that" part is empty.');
  await expect(criterion(p, 'Each story is estimated at 8 points or fewer')).toContainText('Notifications');

  // Each explanation links to a learning note.
  await ready.getByRole('button', { name: 'Learn: The Definition of Ready' }).click();
  await expect(ready.getByRole('region', { name: 'The Definition of Ready' })).toContainText('A team’s shared checklist');

  // After the first attempt, the reference answer and what it did differently.
  await p.getByRole('button', { name: 'Show the reference answer' }).click();
  await expect(p.getByText(/The reference fixed the three stories that were not ready/)).toBeVisible();
  await expect(p.getByRole('heading', { name: 'What the reference did differently' })).toBeVisible();
  await expect(p.getByText(/“Notifications”: the reference retitled it “Choose the time of day my expiry digest arrives”/)).toBeVisible();

  // Fix the work in the real view.
  await storyCard(app, /^Make the shopping list sync seamlessly/).click();
  await commit(editor(app).getByLabel('Title'), 'Show shopping-list changes to every household member within 5 seconds');
  await commit(editor(app).getByRole('textbox', { name: 'Criterion 1', exact: true }), 'Given two members have the list open, when one ticks an item, then the other sees it within 5 seconds');
  await commit(editor(app).getByRole('textbox', { name: 'Criterion 2', exact: true }), 'Given a member edits the list offline, when the phone reconnects, then no edit is lost');

  await storyCard(app, /^Reuse one of my last three shopping lists/).click();
  await commit(editor(app).getByLabel('So that'), 'my weekly list is ready in two minutes instead of retyping it');

  await storyCard(app, /^Notifications,/).click();
  await editor(app).getByRole('button', { name: 'Add criterion' }).click();
  await editor(app).getByRole('button', { name: 'Add criterion' }).click();
  await commit(editor(app).getByRole('textbox', { name: 'Criterion 1', exact: true }), 'Given I set my digest time to 17:00, when items are due to expire, then the digest arrives at 17:00');
  await commit(editor(app).getByRole('textbox', { name: 'Criterion 2', exact: true }), 'Given I have not chosen a time, then the digest arrives at 08:00');
  await editor(app).getByLabel('Estimate (points)').selectOption('3');

  await p.getByRole('button', { name: 'Check my work' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'Passed' })).toContainText('100');
  await expect(criterion(p, 'Every story meets the Definition of Ready')).toContainText('8 of 8 stories meet the Definition of Ready.');
  await expect(p.getByRole('region', { name: 'Your attempts' })).toContainText('2 attempts kept · best score 100 · passed');

  await waitForSaved(app);
  const practice = shell.readProduct(id)['practice'] as DiskPractice;
  expect(practice.attempts.map((a) => [a.exerciseId, a.passed])).toEqual([
    ['larder-ready-top', false],
    ['larder-ready-top', true],
  ]);

  // Progress on the start screen, per product and across the workspace, after a reload.
  await app.getByRole('link', { name: '← All products' }).click();
  await app.reload();
  await expect(app.getByLabel('Practice progress for Larder')).toHaveText('Practice: 1 of 6 exercises passed · 1 attempted · average best score 100');
  await expect(app.getByLabel('Practice progress across the workspace')).toContainText('1 of 6 exercises passed · 1 attempted');
});

test('reset an exercise restores its scope in one undoable step; attempts are not undone', async ({ app, shell }) => {
  const id = await openSample(app, 'Larder');
  const p = await startExercise(app, READY_EXERCISE);
  const story = (): DiskStory | undefined => (shell.readProduct(id).stories as unknown as DiskStory[]).find((s) => s.id === 'st-126');

  await storyCard(app, /^Reuse one of my last three shopping lists/).click();
  await commit(editor(app).getByLabel('So that'), 'my list is ready in two minutes');
  await editor(app).getByLabel('Estimate (points)').selectOption('5');
  await p.getByRole('button', { name: 'Check my work' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'Not passed yet' })).toBeVisible();
  await waitForSaved(app);
  expect(story()?.soThat).toBe('my list is ready in two minutes');

  await p.getByRole('button', { name: 'Reset exercise…' }).click();
  await p.getByRole('group', { name: 'Confirm reset' }).getByRole('button', { name: 'Reset' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'back to how it was when you started' })).toBeVisible();
  await expect(editor(app).getByLabel('So that')).toHaveValue('');
  await waitForSaved(app);
  expect(story()?.soThat).toBe('');
  expect(story()?.estimate).toBe(3);

  // One undo brings all of the learner's work back; the attempt stays recorded.
  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(editor(app).getByLabel('So that')).toHaveValue('my list is ready in two minutes');
  await waitForSaved(app);
  expect(story()?.estimate).toBe(5);
  const practice = shell.readProduct(id)['practice'] as DiskPractice;
  expect(practice.attempts).toHaveLength(1);
  expect(practice.snapshots.map((s) => s.exerciseId)).toEqual(['larder-ready-top']);
});

test('the practice panel passes axe, in light and dark; screenshots', async ({ app }) => {
  await openSample(app, 'Larder');
  await app.getByRole('button', { name: 'Practice', exact: true }).click();
  await expect(panel(app).getByRole('list', { name: 'Exercises' }).getByRole('listitem')).toHaveCount(6);
  await expectNoSeriousAxeViolations(app);
  await docScreenshot(app, join(SCREENSHOTS, 'practice-list-light.png'));

  await panel(app).getByRole('list', { name: 'Exercises' }).getByRole('button', { name: new RegExp(READY_EXERCISE) }).click();
  await panel(app).getByRole('button', { name: 'Start exercise' }).click();
  await panel(app).getByRole('button', { name: 'Show a hint (1 of 4)' }).click();
  await panel(app).getByRole('button', { name: 'Check my work' }).click();
  await expect(panel(app).getByRole('status').filter({ hasText: 'Not passed yet' })).toBeVisible();
  await panel(app).getByRole('button', { name: 'Show the reference answer' }).click();
  await expectNoSeriousAxeViolations(app);

  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await panel(app).evaluate((el) => (el.scrollTop = 0));
    await docScreenshot(app, join(SCREENSHOTS, `practice-${scheme}.png`));
    await expectNoSeriousAxeViolations(app);
  }
  await app.emulateMedia({ colorScheme: 'light' });
  await panel(app).getByRole('heading', { name: 'Reference answer' }).scrollIntoViewIfNeeded();
  await docScreenshot(app, join(SCREENSHOTS, 'practice-reference-light.png'));

  await app.getByRole('link', { name: '← All products' }).click();
  await expect(app.getByLabel('Practice progress for Larder')).toBeVisible();
  await docScreenshot(app, join(SCREENSHOTS, 'practice-start-light.png'));
});
