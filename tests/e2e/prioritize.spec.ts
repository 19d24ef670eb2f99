import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ProductSchema, type Product } from '../../src/shared/model/schema';
import { sortByRank } from '../../src/shared/model/rank';
import { kendallTau } from '../../src/shared/scoring/agreement';
import { rankBy } from '../../src/shared/scoring/frameworks';
import { prioritizationItems } from '../../src/shared/scoring/items';
import { exportAndRead } from './exports';
import { expect, SAMPLES_DIR, test, waitForSaved, docScreenshot, expectNoSeriousAxeViolations, openSample } from './fixtures';

const larder = (): Product => ProductSchema.parse(JSON.parse(readFileSync(join(SAMPLES_DIR, 'larder.product.json'), 'utf8')));

async function openPrioritize(page: Page, sample = 'Larder'): Promise<string> {
  const id = await openSample(page, sample);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Prioritize' }).click();
  await expect(page.getByRole('heading', { name: 'Prioritize', level: 2 })).toBeVisible();
  return id;
}

function tab(page: Page, name: string): Locator {
  return page.getByRole('tablist', { name: 'Prioritization views' }).getByRole('tab', { name });
}

async function openTab(page: Page, name: string): Promise<void> {
  await tab(page, name).click();
  await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
}

/** The table row that holds the input labelled `label`. */
function rowOf(page: Page, label: string): Locator {
  return page.getByRole('row').filter({ has: page.getByLabel(label, { exact: true }) });
}

function productOnDisk(raw: Record<string, unknown>): Product {
  return ProductSchema.parse(raw);
}

function riceOf(p: Product, id: string) {
  const story = p.stories.find((s) => s.id === id);
  if (!story) throw new Error(`no story ${id}`);
  return story.scores.rice;
}

const EXPORT_TITLE = "Export all of my household's data as a file"; // st-125: 400 × 0.25 × 100% ÷ 1 = 100, last

test('edit RICE inputs: the score and rank update, persist after reload, and bad input is refused', async ({ app, shell }) => {
  const id = await openPrioritize(app);
  const reach = app.getByLabel(`Reach for ${EXPORT_TITLE}`, { exact: true });
  const row = rowOf(app, `Reach for ${EXPORT_TITLE}`);
  await expect(reach).toHaveValue('400');
  await expect(row.getByTestId('rice-score')).toHaveText('100');
  const rankBefore = await row.getByRole('cell').first().textContent();
  expect(Number(rankBefore?.replace('#', ''))).toBeGreaterThan(10);

  // Enter commits and moves down, like a spreadsheet.
  await reach.fill('10,000,000');
  await reach.press('Enter');
  await expect(row.getByTestId('rice-score')).toHaveText('2,500,000');
  await expect(row.getByRole('cell').first()).toHaveText('#1');
  await expect(reach).not.toBeFocused();

  // The breakdown shows on focus.
  await row.getByTestId('rice-score').focus();
  await expect(app.getByRole('tooltip').filter({ hasText: '10,000,000 households per quarter × 0.25 (Minimal) × 100% ÷ 1 person-months = 2,500,000' })).toBeVisible();

  // Impact on Intercom's scale, from the select.
  await app.getByLabel(`Impact for ${EXPORT_TITLE}`, { exact: true }).selectOption('0.5');
  await expect(row.getByTestId('rice-score')).toHaveText('5,000,000');

  // An effort of 0 is refused with a clear message and not saved; Escape restores the saved value.
  const effort = app.getByLabel(`Effort for ${EXPORT_TITLE}`, { exact: true });
  await effort.fill('0');
  await effort.press('Enter');
  await expect(row.getByRole('alert')).toHaveText(/Effort must be more than 0 person-months/);
  await expect(effort).toBeFocused();
  await effort.press('Escape');
  await expect(effort).toHaveValue('1');
  await expect(row.getByRole('alert')).toHaveCount(0);

  // A confidence below 50% is allowed with the moonshot warning.
  const confidence = app.getByLabel(`Confidence % for ${EXPORT_TITLE}`, { exact: true });
  await confidence.fill('40');
  await confidence.press('Tab');
  await expect(row.getByText('Moonshot', { exact: true })).toBeVisible();
  await expect(confidence).toHaveAccessibleDescription(/Below 50% confidence is a moonshot/);
  await expect(row.getByTestId('rice-score')).toHaveText('2,000,000');

  await waitForSaved(app);
  const onDisk = productOnDisk(shell.readProduct(id));
  expect(riceOf(onDisk, 'st-125')).toEqual({ reach: 10_000_000, impact: 0.5, confidence: 40, effort: 1 });

  await app.reload();
  await expect(app.getByRole('heading', { name: 'Prioritize', level: 2 })).toBeVisible();
  await expect(app.getByLabel(`Reach for ${EXPORT_TITLE}`, { exact: true })).toHaveValue('10,000,000');
  await expect(rowOf(app, `Reach for ${EXPORT_TITLE}`).getByRole('cell').first()).toHaveText('#1');

  // Clearing an input makes the score missing, never zero.
  const reachAgain = app.getByLabel(`Reach for ${EXPORT_TITLE}`, { exact: true });
  await reachAgain.fill('');
  await reachAgain.press('Enter');
  const rowAgain = rowOf(app, `Reach for ${EXPORT_TITLE}`);
  await expect(rowAgain.getByTestId('rice-score')).toHaveText('Missing reach');
  await expect(rowAgain.getByRole('cell').first()).toHaveText('—');
  await waitForSaved(app);
  expect(riceOf(productOnDisk(shell.readProduct(id)), 'st-125').reach).toBeNull();
});

test('sort the RICE table by a column, missing values last', async ({ app }) => {
  await openPrioritize(app);
  const table = app.getByRole('table', { name: /RICE inputs/ });
  await table.getByRole('button', { name: /^Effort/ }).click();
  await expect(table.getByRole('columnheader', { name: /^Effort/ })).toHaveAttribute('aria-sort', 'descending');
  const efforts = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => (r.querySelector<HTMLInputElement>('input[data-grid-col="effort"]')?.value ?? '')),
  );
  const filled = efforts.filter((e) => e !== '').map(Number);
  expect(filled).toEqual([...filled].sort((a, b) => b - a));
  expect(efforts.slice(filled.length).every((e) => e === '')).toBe(true);
});

test('scope, framework and the other frameworks’ inputs are kept in the product', async ({ app, shell }) => {
  const id = await openPrioritize(app);
  // ICE inputs for a story, edited like the RICE table.
  await openTab(app, 'ICE · WSJF · MoSCoW');
  const title = 'Set quiet hours for reminders';
  await app.getByLabel(`ICE impact for ${title}`, { exact: true }).fill('8');
  await app.getByLabel(`ICE impact for ${title}`, { exact: true }).press('Tab');
  await app.getByLabel(`ICE confidence for ${title}`, { exact: true }).fill('7');
  await app.getByLabel(`ICE confidence for ${title}`, { exact: true }).press('Tab');
  await app.getByLabel(`ICE ease for ${title}`, { exact: true }).fill('5');
  await app.getByLabel(`ICE ease for ${title}`, { exact: true }).press('Enter');
  await expect(rowOf(app, `ICE ease for ${title}`).getByText('280', { exact: true })).toBeVisible();
  await app.getByRole('radio', { name: 'WSJF' }).check();
  const size = app.getByLabel(`WSJF job size for ${title}`, { exact: true });
  await size.fill('0');
  await size.press('Enter');
  await expect(rowOf(app, `WSJF job size for ${title}`).getByRole('alert')).toHaveText(/Job size must be more than 0/);
  await size.press('Escape');
  await app.getByRole('radio', { name: 'MoSCoW' }).check();
  await app.getByLabel(`MoSCoW bucket for ${title}`, { exact: true }).selectOption('should');
  await waitForSaved(app);
  const story = productOnDisk(shell.readProduct(id)).stories.find((s) => s.title === title);
  expect(story?.scores.ice).toEqual({ impact: 8, confidence: 7, ease: 5 });
  expect(story?.scores.moscow).toBe('should');

  // Scope and framework are product settings.
  await app.getByRole('radio', { name: 'Epics' }).check();
  await app.getByLabel('Framework').selectOption('wsjf');
  await openTab(app, 'RICE table');
  const epic = larder().epics[0];
  await expect(app.getByLabel(`Reach for ${epic?.title ?? '?'}`, { exact: true })).toBeVisible();
  await waitForSaved(app);
  expect(productOnDisk(shell.readProduct(id)).prioritization).toMatchObject({ scope: 'epics', framework: 'wsjf' });
  await app.reload();
  await expect(app.getByRole('radio', { name: 'Epics' })).toBeChecked();
  await expect(app.getByLabel('Framework')).toHaveValue('wsjf');
});

test('drag a point on the matrix to change impact (one undoable edit), and move one with the keyboard', async ({ app, shell }) => {
  const id = await openPrioritize(app);
  await openTab(app, 'Matrix');
  const title = 'Set quiet hours for reminders'; // st-116: impact 1, effort 0.5
  const point = app.getByRole('button', { name: new RegExp(`^${title}: impact 1 \\(Medium\\), effort 0\\.5 person-months — Quick wins`) });
  await expect(point).toBeVisible();
  const box = await point.boundingBox();
  if (!box) throw new Error('no point');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await app.mouse.move(x, y);
  await app.mouse.down();
  await app.mouse.move(x, y - 150, { steps: 4 });
  await app.mouse.move(x, y - 600, { steps: 4 });
  await app.mouse.up();

  await expect(app.getByRole('button', { name: new RegExp(`^${title}: impact 3 \\(Massive\\), effort 0\\.5 person-months — Quick wins`) })).toBeVisible();
  await waitForSaved(app);
  expect(riceOf(productOnDisk(shell.readProduct(id)), 'st-116')).toMatchObject({ impact: 3, effort: 0.5 });

  // The RICE table shows the new input.
  await openTab(app, 'RICE table');
  await expect(app.getByLabel(`Impact for ${title}`, { exact: true })).toHaveValue('3');

  // One undo restores the old input.
  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByLabel(`Impact for ${title}`, { exact: true })).toHaveValue('1');
  await waitForSaved(app);
  expect(riceOf(productOnDisk(shell.readProduct(id)), 'st-116')).toMatchObject({ impact: 1, effort: 0.5 });

  // Keyboard: Enter picks up, arrows move (right: +0.5 month, right: +0.5, up: next impact), Enter drops.
  await openTab(app, 'Matrix');
  const again = app.getByRole('button', { name: new RegExp(`^${title}:`) });
  await again.focus();
  await app.keyboard.press('Enter');
  await app.keyboard.press('ArrowRight');
  await app.keyboard.press('ArrowRight');
  await app.keyboard.press('ArrowUp');
  await expect(app.getByRole('status').filter({ hasText: /^impact 2 \(High\), effort 1\.5 person-months/ })).toHaveCount(1);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('button', { name: new RegExp(`^${title}: impact 2 \\(High\\), effort 1\\.5 person-months`) })).toBeVisible();
  await waitForSaved(app);
  expect(riceOf(productOnDisk(shell.readProduct(id)), 'st-116')).toMatchObject({ impact: 2, effort: 1.5 });

  // Escape cancels a keyboard move.
  const moved = app.getByRole('button', { name: new RegExp(`^${title}:`) });
  await moved.focus();
  await app.keyboard.press('Enter');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('button', { name: new RegExp(`^${title}: impact 2 \\(High\\)`) })).toBeVisible();
});

test('apply the RICE ranking to the backlog, then undo it in one step', async ({ app, shell }) => {
  const id = await openPrioritize(app);
  await openTab(app, 'Apply & export');
  const expected = (() => {
    const p = larder();
    const items = prioritizationItems(p, 'stories', false);
    return rankBy('rice', items).ordered.map((e) => e.id);
  })();
  const preview = app.getByRole('table', { name: /stories would move/ });
  await expect(preview).toBeVisible();
  // The top of the preview is RICE's #1.
  const top = larder().stories.find((s) => s.id === expected[0]);
  await expect(preview.getByRole('row').nth(1)).toContainText(top?.title ?? '?');

  const before = productOnDisk(shell.readProduct(id));
  await app.getByRole('button', { name: 'Apply RICE ranking to backlog' }).click();
  await expect(app.getByText(/Applied: \d+ stories moved/)).toBeVisible();
  await expect(app.getByText('The backlog already follows the RICE ranking.')).toBeVisible();
  await waitForSaved(app);

  const after = productOnDisk(shell.readProduct(id));
  const doneColumns = new Set(after.board.columns.filter((c) => c.category === 'done').map((c) => c.id));
  const openOrder = sortByRank(after.stories.filter((s) => !doneColumns.has(s.status))).map((s) => s.id);
  expect(openOrder.slice(0, expected.length)).toEqual(expected);
  // Columns are kept.
  expect(after.stories.map((s) => [s.id, s.status])).toEqual(before.stories.map((s) => [s.id, s.status]));

  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(preview).toBeVisible();
  await waitForSaved(app);
  const undone = productOnDisk(shell.readProduct(id));
  expect(undone.stories.map((s) => [s.id, s.rank])).toEqual(before.stories.map((s) => [s.id, s.rank]));
});

test('ranking exercise: order a sample, reveal RICE, see agreement and the largest disagreements', async ({ app, shell }) => {
  const id = await openPrioritize(app);
  await openTab(app, 'Ranking exercise');
  const list = app.getByRole('list', { name: 'Your ranking' });
  await expect(list.getByRole('listitem')).toHaveCount(8);

  // Move the first item down with its button, then the (new) first one down with the keyboard drag.
  const firstTitle = (await list.getByRole('listitem').first().locator('.pz-exercise-title').textContent()) ?? '';
  await list.getByRole('button', { name: `Move ${firstTitle} down` }).click();
  await expect(list.getByRole('listitem').nth(1)).toContainText(firstTitle);
  const newFirst = (await list.getByRole('listitem').first().locator('.pz-exercise-title').textContent()) ?? '';
  await list.getByRole('button', { name: new RegExp(`^Reorder ${newFirst.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).focus();
  const announced = (text: string) => expect(app.getByRole('status').filter({ hasText: text })).toHaveCount(1);
  await app.keyboard.press('Space');
  await announced(`${newFirst} is at place 1.`);
  // dnd-kit's keyboard sensor starts listening for the arrow keys in a zero-delay timeout: let it run.
  await app.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await app.keyboard.press('ArrowDown');
  await announced(`${newFirst} is at place 2.`);
  await app.keyboard.press('ArrowDown');
  await announced(`${newFirst} is at place 3.`);
  await app.keyboard.press('Space');
  await announced(`Dropped ${newFirst} at place 3.`);
  await expect(list.getByRole('listitem').nth(2)).toContainText(newFirst);

  await waitForSaved(app);
  const saved = productOnDisk(shell.readProduct(id)).prioritization.learnerRanking;
  expect(saved).toHaveLength(8);
  const shown = await list.locator('.pz-exercise-title').allTextContents();
  const titleOf = new Map(larder().stories.map((s) => [s.id, s.title]));
  expect(saved?.map((s) => titleOf.get(s))).toEqual(shown);

  await app.getByRole('button', { name: 'Reveal the RICE ranking' }).click();
  const result = app.getByRole('region', { name: 'How your ranking compares' });
  await expect(result).toBeVisible();
  // Kendall's tau shown equals the one computed from the saved order.
  const p = larder();
  const ranking = rankBy('rice', prioritizationItems(p, 'stories', false));
  const learner = (saved ?? []).map((_, i) => i + 1);
  const rice = (saved ?? []).map((sid) => ranking.byId.get(sid)?.position ?? 0);
  const tau = kendallTau(learner, rice);
  await expect(result.getByTestId('kendall-tau')).toHaveText((tau ?? 0).toFixed(2));
  await expect(result.getByRole('list', { name: 'RICE ranking of the sample' }).getByRole('listitem')).toHaveCount(8);
  const disagreements = result.getByRole('list', { name: 'Largest disagreements' }).getByRole('listitem');
  await expect(disagreements).toHaveCount(3);
  await expect(disagreements.first()).toContainText(/You put it \d+ places? (higher|lower) than RICE .*: its (reach|impact|confidence|effort) /);

  // The learner's ranking is kept in the product and shown again after a reload.
  await app.reload();
  await openTab(app, 'Ranking exercise');
  await expect(app.getByRole('list', { name: 'Your ranking' }).locator('.pz-exercise-title')).toHaveText(shown);
});

test('sensitivity: what would change a rank, and what-if sliders that change nothing until applied', async ({ app, shell }) => {
  const id = await openPrioritize(app);
  await openTab(app, 'Sensitivity');
  const detail = app.getByRole('region', { name: /^#1 / });
  await expect(detail).toBeVisible();
  await expect(detail.getByText(/^It drops to #\d+ if (reach|impact|confidence) falls below /).first()).toBeVisible();
  await expect(detail.getByText(/^With .* it drops from #1 to #\d+\.$/).first()).toBeVisible();
  // Choose an item and try a lower confidence in the what-if.
  await app.getByRole('button', { name: 'Set quiet hours for reminders' }).click();
  const chosen = app.getByRole('region', { name: /Set quiet hours for reminders/ });
  const slider = chosen.getByRole('slider', { name: /Confidence/ });
  await slider.fill('20');
  await expect(chosen.getByText(/rank #\d+ → #\d+/)).toBeVisible();
  await waitForSaved(app);
  expect(riceOf(productOnDisk(shell.readProduct(id)), 'st-116').confidence).toBe(80);
  await chosen.getByRole('button', { name: 'Apply what-if' }).click();
  await waitForSaved(app);
  expect(riceOf(productOnDisk(shell.readProduct(id)), 'st-116').confidence).toBe(20);
});

test('export the prioritisation as CSV and Markdown into the workspace', async ({ app, shell }) => {
  const id = await openPrioritize(app);
  await openTab(app, 'Apply & export');
  const notes = app.getByLabel('Rationale notes');
  await notes.fill('Retention first, then "growth".');
  await notes.blur();
  const { text: csvText } = await exportAndRead(app, app.getByRole('button', { name: 'Export CSV' }), shell, id, 'larder-prioritisation-rice.csv');
  expect(csvText).toContain('Framework,RICE');
  expect(csvText).toContain('Rationale notes,"Retention first, then ""growth""."');
  expect(csvText).toContain('Rank (RICE),ID,Title,Reach (households per quarter)');
  const { text: mdText } = await exportAndRead(app, app.getByRole('button', { name: 'Export Markdown' }), shell, id, 'larder-prioritisation-rice.md');
  expect(mdText).toContain('# Prioritisation — Larder');
  expect(mdText).toContain('Retention first, then "growth".');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious problems on any sub-view (${scheme})`, async ({ app }) => {
    test.setTimeout(150_000); // seven full axe runs on a busy machine
    await app.emulateMedia({ colorScheme: scheme });
    await openPrioritize(app);
    for (const name of ['RICE table', 'Matrix', 'ICE · WSJF · MoSCoW', 'Compare', 'Sensitivity', 'Ranking exercise', 'Apply & export']) {
      await openTab(app, name);
      if (name === 'Ranking exercise') await app.getByRole('button', { name: 'Reveal the RICE ranking' }).click();
      await expectNoSeriousAxeViolations(app, `${name} (${scheme})`);
    }
  });
}

test('screenshots of the prioritizer, light and dark', async ({ app }) => {
  await openPrioritize(app);
  const shots = join(__dirname, '../../docs/screenshots');
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await openTab(app, 'RICE table');
    await docScreenshot(app, join(shots, `prioritize-${scheme}.png`));
    await openTab(app, 'Matrix');
    await docScreenshot(app, join(shots, `prioritize-matrix-${scheme}.png`));
    await openTab(app, 'Compare');
    await docScreenshot(app, join(shots, `prioritize-compare-${scheme}.png`));
    await openTab(app, 'Ranking exercise');
    await app.getByRole('button', { name: 'Reveal the RICE ranking' }).click();
    await docScreenshot(app, join(shots, `prioritize-exercise-${scheme}.png`));
    await openTab(app, 'Sensitivity');
    await docScreenshot(app, join(shots, `prioritize-sensitivity-${scheme}.png`));
  }
});
