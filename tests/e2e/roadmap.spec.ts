import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addDays, formatRange, todayIso } from '../../src/shared/roadmap/dates';
import { dragEnd, dragMove, placeAt, PX_PER_DAY } from '../../src/shared/roadmap/timeline';
import { exportAndRead, pdfTextOf } from './exports';
import { expect, SAMPLES_DIR, test, waitForSaved, type WebShell, docScreenshot, expectNoSeriousAxeViolations, openSample } from './fixtures';

interface DiskItem {
  id: string;
  title: string;
  horizon: string;
  laneId: string | null;
  start: string | null;
  end: string | null;
  dependsOn: string[];
}

function diskItems(shell: WebShell, id: string): DiskItem[] {
  const product = shell.readProduct(id) as unknown as { roadmap: { items: DiskItem[] } };
  return product.roadmap.items;
}

function diskItem(shell: WebShell, productId: string, itemId: string): DiskItem {
  const item = diskItems(shell, productId).find((i) => i.id === itemId);
  if (!item) throw new Error(`no item ${itemId} on disk`);
  return item;
}

async function openSampleRoadmap(page: Page, sample = 'Larder'): Promise<string> {
  const id = await openSample(page, sample);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Roadmap' }).click();
  await expect(page.getByRole('tab', { name: 'Now / Next / Later' })).toBeVisible();
  return id;
}

/** The item titles of a board list, in order (each card is a button named by its title). */
async function titlesIn(list: Locator): Promise<(string | null)[]> {
  return list.getByRole('button').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));
}

/**
 * dnd-kit's keyboard sensor starts listening for arrow keys in a `setTimeout` after the pick-up:
 * let that task run before pressing the next key.
 */
async function afterPickUp(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}

test.describe('Now / Next / Later', () => {
  test('moves an item from Next to Now with the mouse, as one undoable edit', async ({ app, shell }) => {
    const id = await openSampleRoadmap(app);
    const now = app.getByRole('list', { name: 'Now items' });
    const next = app.getByRole('list', { name: 'Next items' });
    const title = 'Receipt scanning as the headline Plus feature';
    expect(await titlesIn(now)).toEqual([
      'Barcode scanning for everyone',
      'One daily digest, quiet hours by default',
      'First plan in one sitting',
      'Allergen-safe plans for every household member',
    ]);

    const card = next.getByRole('button', { name: title });
    const from = await box(card);
    const to = await box(now.getByRole('button', { name: 'One daily digest, quiet hours by default' }));
    await app.mouse.move(from.x + from.width / 2, from.y + 20);
    await app.mouse.down();
    await app.mouse.move(from.x + from.width / 2 - 10, from.y + 24, { steps: 4 });
    await app.mouse.move(to.x + to.width / 2, to.y + 12, { steps: 20 });
    await app.mouse.up();

    await expect(now.getByRole('button', { name: title })).toBeVisible();
    expect(await titlesIn(now)).toEqual([
      'Barcode scanning for everyone',
      title,
      'One daily digest, quiet hours by default',
      'First plan in one sitting',
      'Allergen-safe plans for every household member',
    ]);
    await expect(next.getByRole('button', { name: title })).toHaveCount(0);
    await waitForSaved(app);
    expect(diskItem(shell, id, 'rm-receipt').horizon).toBe('now');

    await app.getByRole('button', { name: 'Undo' }).click();
    await expect(next.getByRole('button', { name: title })).toBeVisible();
    await waitForSaved(app);
    expect(diskItem(shell, id, 'rm-receipt').horizon).toBe('next');
  });

  test('moves an item from Next to Now with the keyboard', async ({ app, shell }) => {
    const id = await openSampleRoadmap(app);
    const now = app.getByRole('list', { name: 'Now items' });
    const title = 'A live shared list for the whole household';
    const card = app.getByRole('list', { name: 'Next items' }).getByRole('button', { name: title });

    await card.focus();
    await app.keyboard.press('Space');
    await expect(card).toHaveAttribute('aria-pressed', 'true'); // picked up
    await afterPickUp(app);
    await app.keyboard.press('ArrowLeft');
    await expect(now.getByRole('button', { name: title })).toBeAttached(); // previewed in Now
    await expect(app.getByText(new RegExp(`^${title} is now in Now, position \\d of 5\\.$`))).toBeAttached();
    await app.keyboard.press('Space');
    await expect(app.getByText(new RegExp(`^Dropped ${title} in Now, position \\d of 5\\.$`))).toBeAttached();

    await expect(now.getByRole('button', { name: title })).toBeVisible();
    await expect(now.getByRole('button', { name: title })).toBeFocused();
    await waitForSaved(app);
    expect(diskItem(shell, id, 'rm-live-list').horizon).toBe('now');

    // Reorder inside the column: one place up.
    const before = await titlesIn(now);
    const index = before.indexOf(title);
    expect(index).toBeGreaterThan(0);
    await app.keyboard.press('Space');
    await expect(now.getByRole('button', { name: title })).toHaveAttribute('aria-pressed', 'true');
    await afterPickUp(app);
    await app.keyboard.press('ArrowUp');
    await expect(app.getByText(new RegExp(`^${title} is now in Now, position ${index} of 5\\.$`))).toBeAttached();
    await app.keyboard.press('Space');
    await expect.poll(() => titlesIn(now)).toEqual([...before.slice(0, index - 1), title, before[index - 1], ...before.slice(index + 1)]);
    await waitForSaved(app);

    // Escape cancels a move.
    await expect(now.getByRole('button', { name: title })).toBeFocused();
    await app.keyboard.press('Space');
    await expect(now.getByRole('button', { name: title })).toHaveAttribute('aria-pressed', 'true');
    await afterPickUp(app);
    await app.keyboard.press('ArrowRight');
    const next = app.getByRole('list', { name: 'Next items' });
    await expect(next.getByRole('button', { name: title })).toBeAttached();
    await app.keyboard.press('Escape');
    await expect(app.getByText(`Moving cancelled. ${title} is back where it was.`)).toBeAttached();
    await expect(now.getByRole('button', { name: title })).toBeVisible();
    await expect(next.getByRole('button', { name: title })).toHaveCount(0);
    expect(diskItem(shell, id, 'rm-live-list').horizon).toBe('now');
  });

  test('in theme swimlanes, moving a card into another lane changes its lane in the same edit', async ({ app, shell }) => {
    const id = await openSampleRoadmap(app);
    await app.getByLabel('Swimlanes').selectOption('lane');
    const title = 'Barcode scanning for everyone';
    const pantryNow = app.getByRole('list', { name: 'Now items in Pantry & reminders' });
    const activationNow = app.getByRole('list', { name: 'Now items in Activation & onboarding' });
    const card = pantryNow.getByRole('button', { name: title });
    await card.focus();
    await app.keyboard.press('Space');
    await expect(card).toHaveAttribute('aria-pressed', 'true');
    await afterPickUp(app);
    await app.keyboard.press('ArrowUp');
    await expect(activationNow.getByRole('button', { name: title })).toBeAttached();
    await app.keyboard.press('Space');
    await expect(app.getByText(new RegExp(`^Dropped ${title} in Now, swimlane Activation & onboarding`))).toBeAttached();
    await waitForSaved(app);
    expect(diskItem(shell, id, 'rm-barcode')).toMatchObject({ horizon: 'now', laneId: 'lane-activation' });
    await expect(app.getByRole('group', { name: 'Swimlane Activation & onboarding' }).getByText('2 of 2 in Now')).toBeVisible();

    await app.getByRole('button', { name: 'Undo' }).click();
    await expect(pantryNow.getByRole('button', { name: title })).toBeVisible();
    await waitForSaved(app);
    expect(diskItem(shell, id, 'rm-barcode').laneId).toBe('lane-pantry');
  });

  test('a violated dependency shows as a warning on the card, in the editor and in the checks', async ({ app, shell }) => {
    const id = await openSampleRoadmap(app);
    const checks = app.getByRole('complementary', { name: 'Roadmap checks' });
    const finding = /^“First plan in one sitting” starts on 9 Nov 2026, but depends on “A live shared list for the whole household”, which ends on 26 Mar 2027\.$/;
    await expect(checks.getByRole('button', { name: finding })).toHaveCount(0);

    await app.getByRole('button', { name: 'First plan in one sitting' }).click();
    const editor = app.getByRole('complementary', { name: 'Roadmap item' });
    await expect(editor.getByLabel('Title')).toHaveValue('First plan in one sitting');
    await editor.getByRole('group', { name: 'Depends on' }).getByRole('checkbox', { name: /^A live shared list for the whole household/ }).check();

    await expect(editor.getByText(/starts on 9 Nov 2026, but depends on “A live shared list/)).toBeVisible();
    await waitForSaved(app);
    expect(diskItem(shell, id, 'rm-first-plan').dependsOn).toEqual(['rm-live-list']);

    // The card's description carries the warning for screen readers, and a badge shows it.
    const card = app.getByRole('list', { name: 'Now items' }).getByRole('button', { name: 'First plan in one sitting' });
    await expect(card).toHaveAccessibleDescription(/1 warning: “First plan in one sitting” starts on 9 Nov 2026/);
    await expect(card.getByText('Scheduled before what it depends on')).toBeVisible();

    await editor.getByRole('button', { name: 'Close' }).click();
    await checks.getByRole('button', { name: finding }).click();
    await expect(card).toBeFocused();

    // On the timeline the bar carries the same warning.
    await app.getByRole('tab', { name: 'Timeline' }).click();
    await expect(app.getByRole('button', { name: /^First plan in one sitting: / })).toHaveAccessibleDescription(/starts on 9 Nov 2026, but depends on/);
  });

  test('lanes: add, rename, reorder, and delete without losing items', async ({ app, shell }) => {
    const id = await openSampleRoadmap(app);
    await app.getByRole('button', { name: 'Lanes & milestones' }).click();
    const panel = app.getByRole('complementary', { name: 'Lanes and milestones' });

    await panel.getByLabel('New lane').fill('Trust & privacy');
    await panel.getByRole('button', { name: 'Add lane' }).click();
    await expect(panel.getByRole('button', { name: 'Delete lane Trust & privacy' })).toBeVisible();
    await panel.getByRole('button', { name: 'Move Trust & privacy up' }).click();

    const names = panel.getByLabel('Lane name');
    await expect(names).toHaveCount(5);
    await expect(names.nth(3)).toHaveValue('Trust & privacy');
    await names.nth(0).fill('Activation');
    await names.nth(0).press('Enter');

    await panel.getByRole('button', { name: 'Delete lane Plus & partners' }).click();
    await expect(names).toHaveCount(4);
    await waitForSaved(app);
    const onDisk = shell.readProduct(id) as unknown as { roadmap: { lanes: { name: string }[]; items: DiskItem[] } };
    expect(onDisk.roadmap.lanes.map((l) => l.name)).toEqual(['Activation', 'Pantry & reminders', 'Household & meals', 'Trust & privacy']);
    expect(onDisk.roadmap.items).toHaveLength(12);
    expect(onDisk.roadmap.items.filter((i) => i.id === 'rm-trial' || i.id === 'rm-retailer').map((i) => i.laneId)).toEqual([null, null]);

    await app.getByLabel('Swimlanes').selectOption('lane');
    await expect(app.getByRole('list', { name: 'Next items in No lane' }).getByRole('button', { name: 'Trial at the moment of need' })).toBeVisible();
  });
});

test.describe('Timeline', () => {
  test('drag a bar and resize it; the dates snap to months and are in the file after a reload', async ({ app, shell }) => {
    const id = await openSampleRoadmap(app);
    await app.getByRole('tab', { name: 'Timeline' }).click();
    await app.getByRole('button', { name: 'Checks' }).click(); // more room for the timeline
    await expect(app.getByRole('complementary', { name: 'Roadmap checks' })).toHaveCount(0);

    const px = PX_PER_DAY.months;
    const original = { start: '2026-11-09', end: '2027-01-22' };
    const bar = app.getByRole('button', { name: `First plan in one sitting: ${formatRange(original.start, original.end)}` });
    const b = await box(bar);
    const dx = 30 * px; // 30 days to the right: 9 Dec, nearest month start 1 Dec
    await app.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await app.mouse.down();
    await app.mouse.move(b.x + b.width / 2 + dx / 2, b.y + b.height / 2, { steps: 5 });
    await app.mouse.move(b.x + b.width / 2 + dx, b.y + b.height / 2, { steps: 5 });
    await app.mouse.up();
    const moved = dragMove(original, 30, 'months');
    expect(moved).toEqual({ start: '2026-12-01', end: '2027-02-13' });
    const movedBar = app.getByRole('button', { name: `First plan in one sitting: ${formatRange(moved.start, moved.end)}` });
    await expect(movedBar).toBeVisible();

    // Grab the end edge and pull it 40 days to the right: snaps to the end of March.
    const m = await box(movedBar);
    await app.mouse.move(m.x + m.width - 1, m.y + m.height / 2);
    await app.mouse.down();
    await app.mouse.move(m.x + m.width - 1 + 20 * px, m.y + m.height / 2, { steps: 5 });
    await app.mouse.move(m.x + m.width - 1 + 40 * px, m.y + m.height / 2, { steps: 5 });
    await app.mouse.up();
    const resized = dragEnd(moved, 40, 'months');
    expect(resized).toEqual({ start: '2026-12-01', end: '2027-03-31' });
    await expect(app.getByRole('button', { name: `First plan in one sitting: ${formatRange(resized.start, resized.end)}` })).toBeVisible();

    await waitForSaved(app);
    expect(diskItem(shell, id, 'rm-first-plan')).toMatchObject({ ...resized });

    // Both changes are separate undo steps.
    await app.getByRole('button', { name: 'Undo' }).click();
    await expect(movedBar).toBeVisible();
    await app.getByRole('button', { name: 'Redo' }).click();
    await waitForSaved(app);

    await app.reload();
    await expect(app.getByRole('tab', { name: 'Timeline', selected: true })).toBeVisible();
    await expect(app.getByRole('button', { name: `First plan in one sitting: ${formatRange(resized.start, resized.end)}` })).toBeVisible();
    expect(diskItem(shell, id, 'rm-first-plan')).toMatchObject({ ...resized });
  });

  test('keyboard: arrows move a bar by one unit, Shift changes the end, Alt the start', async ({ app, shell }) => {
    const id = await openSampleRoadmap(app);
    await app.getByRole('tab', { name: 'Timeline' }).click();
    await app.getByLabel('Zoom').selectOption('weeks');
    await expect(app.getByText('move it by a week')).toBeVisible();

    const bar = app.getByRole('button', { name: /^Barcode scanning for everyone: / });
    await bar.focus();
    await app.keyboard.press('ArrowRight');
    await expect(bar).toHaveAccessibleName(`Barcode scanning for everyone: ${formatRange('2026-10-19', '2026-12-25')}`);
    await app.keyboard.press('Shift+ArrowRight');
    await expect(bar).toHaveAccessibleName(`Barcode scanning for everyone: ${formatRange('2026-10-19', '2027-01-01')}`);
    await app.keyboard.press('Alt+ArrowLeft');
    await expect(bar).toHaveAccessibleName(`Barcode scanning for everyone: ${formatRange('2026-10-12', '2027-01-01')}`);
    await expect(bar).toBeFocused();
    await waitForSaved(app);
    expect(diskItem(shell, id, 'rm-barcode')).toMatchObject({ start: '2026-10-12', end: '2027-01-01' });
    expect(app.url()).toContain('/roadmap'); // Alt+← did not navigate back
  });

  test('an unscheduled item is placed on the timeline by dragging it on, or with its Schedule button', async ({ app, shell }) => {
    const id = await openSampleRoadmap(app);
    await app.getByRole('tab', { name: 'Timeline' }).click();
    const list = app.getByRole('complementary', { name: /^Not scheduled/ });
    await expect(list.getByRole('button', { name: /^Send the list to a grocer's basket/ })).toBeVisible();

    // Keyboard path.
    await list.getByRole('button', { name: "Schedule See what your household saved" }).click();
    const placed = app.getByRole('button', { name: /^See what your household saved: / });
    await expect(placed).toBeFocused();
    await waitForSaved(app);
    expect(diskItem(shell, id, 'rm-waste-insights')).toMatchObject({ ...placeAt(todayIso(), 'months') });

    // Mouse path: drop it onto the timeline.
    const chip = await box(list.getByRole('button', { name: /^Send the list to a grocer's basket/ }));
    const timeline = await box(app.getByRole('region', { name: 'Timeline' }));
    await app.mouse.move(chip.x + 20, chip.y + 10);
    await app.mouse.down();
    await app.mouse.move(chip.x - 40, chip.y + 20, { steps: 5 });
    await app.mouse.move(timeline.x + timeline.width - 120, timeline.y + 200, { steps: 10 });
    await app.mouse.up();
    await expect(app.getByRole('button', { name: /^Send the list to a grocer's basket: / })).toBeVisible();
    await expect(list.getByText('Every item has dates.')).toBeVisible();
    await waitForSaved(app);
    expect(diskItem(shell, id, 'rm-retailer').start).toMatch(/^\d{4}-\d{2}-01$/);
  });

  test('stays light with 300 items: rows are virtualised and the scale renders only what is visible', async ({ app, shell }) => {
    const sample = JSON.parse(readFileSync(join(SAMPLES_DIR, 'larder.product.json'), 'utf8')) as {
      id: string;
      name: string;
      roadmap: { lanes: { id: string }[]; items: Record<string, unknown>[]; milestones: unknown[] };
    };
    const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const lanes = sample.roadmap.lanes.map((l) => l.id);
    const template = sample.roadmap.items[0] ?? {};
    sample.id = 'big-roadmap';
    sample.name = 'Big roadmap';
    sample.roadmap.items = Array.from({ length: 300 }, (_, i) => {
      const start = addDays('2026-01-05', (i * 7) % 900);
      return {
        ...template,
        id: `perf-${i}`,
        title: `Perf item ${i}`,
        laneId: lanes[i % lanes.length] ?? null,
        horizon: i < 100 ? 'now' : i < 200 ? 'next' : 'later',
        rank: `b${digits[Math.floor(i / 62)]}${digits[i % 62]}`,
        start: i < 200 ? start : null,
        end: i < 200 ? addDays(start, 20 + (i % 90)) : null,
        storyIds: [],
        epicIds: [],
        dependsOn: i > 0 && i % 10 === 0 ? [`perf-${i - 1}`] : [],
      };
    });
    writeFileSync(join(shell.folder, 'big-roadmap.product.json'), `${JSON.stringify(sample, null, 2)}\n`);
    await app.reload();
    await app.getByRole('link', { name: 'Big roadmap' }).click();
    await app.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Roadmap' }).click();
    await app.getByRole('tab', { name: 'Timeline' }).click();
    await app.getByLabel('Zoom').selectOption('weeks');
    await expect(app.getByText('200 scheduled')).toBeVisible();

    const timeline = app.getByRole('region', { name: 'Timeline' });
    const bars = timeline.getByRole('button', { name: /^Perf item \d+: / });
    const count = await bars.count();
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThan(60);
    const lowerTicks = await timeline.getByTitle(/^W\d+ · /).count();
    expect(lowerTicks).toBeLessThan(40); // of about 140 weeks

    // Scroll across and down: still only a window of bars and ticks, and the far end renders.
    const timing = await timeline.evaluate(async (el) => {
      const frames: number[] = [];
      let last = performance.now();
      for (let x = 0; x <= el.scrollWidth; x += 400) {
        el.scrollLeft = x;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      el.scrollTop = el.scrollHeight;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return { frames: frames.length, worst: Math.max(...frames), mean: frames.reduce((a, b) => a + b, 0) / frames.length };
    });
    test.info().annotations.push({ type: 'scroll frames', description: JSON.stringify(timing) });
    await expect(timeline.getByRole('button', { name: /^Perf item 199: / })).toBeAttached();
    expect(await bars.count()).toBeLessThan(60);
    expect(await timeline.getByTitle(/^W\d+ · /).count()).toBeLessThan(40);

    // A drag still works on a big roadmap.
    await timeline.getByRole('button', { name: /^Perf item 199: / }).focus();
    await app.keyboard.press('ArrowRight');
    await waitForSaved(app);
    const moved = diskItem(shell, 'big-roadmap', 'perf-199');
    expect(moved.start).toBe(addDays(addDays('2026-01-05', (199 * 7) % 900), 7));
  });
});

test('exports the roadmap as standalone HTML and as Markdown into the workspace', async ({ app, shell }) => {
  const id = await openSampleRoadmap(app);
  const { text } = await exportAndRead(app, app.getByRole('button', { name: 'Export roadmap as HTML' }), shell, id, 'larder-roadmap.html');
  expect(text).toMatch(/^<!doctype html>/i);
  for (const title of ['Barcode scanning for everyone', 'Receipt scanning as the headline Plus feature', 'Send the list to a grocer&#39;s basket', 'Home-screen widget on iOS and Android']) {
    expect(text).toContain(title);
  }
  expect(text).toContain('New households are still planning in week 4');
  expect(text).not.toMatch(/<script|https?:\/\//i);

  const { text: markdown } = await exportAndRead(app, app.getByRole('button', { name: 'Export roadmap as Markdown' }), shell, id, 'larder-roadmap.md');
  expect(markdown).toContain('## Now — committed and in flight');
  expect(markdown).toContain('| **Barcode scanning for everyone**');
});

test('PDF: the web shell prints the standalone page through the browser, and Chromium makes a PDF of it', async ({ app, shell }, testInfo) => {
  const id = await openSampleRoadmap(app);
  const printed = app.waitForEvent('frameattached');
  await app.getByRole('button', { name: 'Export roadmap as PDF' }).click();
  const frame = await printed;
  await frame.waitForLoadState();
  await expect(frame.locator('h1')).toHaveText('Larder');
  await expect(frame.getByRole('heading', { name: 'Now, Next, Later' })).toHaveCount(1);
  await expect(frame.getByRole('heading', { name: 'Barcode scanning for everyone' })).toHaveCount(1);
  await expect(app.getByRole('status').filter({ hasText: 'Opened the print dialog for larder-roadmap.pdf' })).toBeVisible();

  // The page's print stylesheet: Chromium prints the exported HTML file (print media); pdftotext reads it.
  const { text: html } = await exportAndRead(app, app.getByRole('button', { name: 'Export roadmap as HTML' }), shell, id, 'larder-roadmap.html');
  const text = await pdfTextOf(app, html, testInfo.outputPath('roadmap.pdf'));
  expect(text).toContain('Now, Next, Later');
  expect(text).toContain('Barcode scanning for everyone');
});

test('both views pass axe', async ({ app }) => {
  await openSampleRoadmap(app);
  await expect(app.getByRole('list', { name: 'Now items' })).toBeVisible();
  await expectNoSeriousAxeViolations(app);

  await app.getByLabel('Swimlanes').selectOption('lane');
  await app.getByRole('button', { name: 'Barcode scanning for everyone' }).click();
  await expect(app.getByRole('complementary', { name: 'Roadmap item' })).toBeVisible();
  await expectNoSeriousAxeViolations(app);

  await app.getByRole('tab', { name: 'Timeline' }).click();
  await expect(app.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expectNoSeriousAxeViolations(app);

  await app.getByRole('button', { name: 'Lanes & milestones' }).click();
  await app.getByLabel('Swimlanes').selectOption('goal');
  await expectNoSeriousAxeViolations(app);

  await app.emulateMedia({ colorScheme: 'dark' });
  await app.getByRole('button', { name: 'Checks' }).click();
  await expectNoSeriousAxeViolations(app);
  await app.getByRole('tab', { name: 'Now / Next / Later' }).click();
  await expect(app.getByRole('list', { name: /^Now items in / }).first()).toBeVisible();
  await expectNoSeriousAxeViolations(app);
});

test('screenshots of both views, light and dark', async ({ app }) => {
  await openSampleRoadmap(app);
  const shots = join(__dirname, '../../docs/screenshots');
  await app.getByLabel('Swimlanes').selectOption('lane');
  await expect(app.getByRole('list', { name: 'Now items in Pantry & reminders' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await expect(app.getByRole('region', { name: 'Now, Next, Later board' })).toBeVisible();
    await docScreenshot(app, join(shots, `roadmap-board-${scheme}.png`));
  }
  // The timeline with the checks panel closed, to show more of the dates.
  await app.getByRole('tab', { name: 'Timeline' }).click();
  await app.getByRole('button', { name: 'Checks' }).click();
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await expect(app.getByRole('button', { name: /^Barcode scanning for everyone: / })).toBeVisible();
    await docScreenshot(app, join(shots, `roadmap-timeline-${scheme}.png`));
  }
});
