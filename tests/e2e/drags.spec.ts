/**
 * Drags that cannot crash (issue #14): every board scrolls its own area during a drag, never the
 * window; a drag to the window's bottom edge leaves no page error (the `app` fixture fails on one);
 * a drop is one undoable edit and a cancelled drag commits nothing.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openSample, test, waitForSaved, type WebShell } from './fixtures';

/**
 * Records, on every scroll event and every frame, the furthest the window (the document's
 * scrolling element) has ever been scrolled, on `<html data-max-window-scroll>`.
 */
async function watchWindowScroll(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.documentElement;
    root.dataset['maxWindowScroll'] = '0';
    const sample = () => {
      const scroller = document.scrollingElement;
      const now = Math.max(window.scrollY, window.scrollX, scroller?.scrollTop ?? 0, scroller?.scrollLeft ?? 0);
      if (now > Number(root.dataset['maxWindowScroll'])) root.dataset['maxWindowScroll'] = String(now);
    };
    window.addEventListener('scroll', sample, { capture: true, passive: true });
    const tick = () => {
      sample();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function expectWindowNeverScrolled(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => {
      const scroller = document.scrollingElement;
      return {
        scrollY: window.scrollY,
        scrollTop: scroller?.scrollTop ?? 0,
        max: document.documentElement.dataset['maxWindowScroll'],
        // Nothing could scroll it either: the document is no taller than the window.
        overflow: (scroller?.scrollHeight ?? 0) - (scroller?.clientHeight ?? 0),
      };
    }),
  ).toEqual({ scrollY: 0, scrollTop: 0, max: '0', overflow: 0 });
  // The top bar is where it was, at the top of the window.
  const bar = await page.getByRole('navigation', { name: 'Views' }).boundingBox();
  expect(bar?.y).toBeGreaterThanOrEqual(0);
  expect(bar?.y).toBeLessThan(40);
}

/** Two painted frames: what the last pointer move changed has been laid out, measured and drawn. */
async function frames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(n);
      }),
    count,
  );
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 20) };
}

/** Press on `source` and drag the pointer down to the window's bottom edge, step by step, and keep it there. */
async function dragToBottomEdge(page: Page, source: Locator): Promise<{ x: number; edge: number }> {
  const start = await centre(source);
  const edge = (page.viewportSize()?.height ?? 900) - 2;
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 4, start.y + 8, { steps: 3 });
  for (let y = start.y + 8; y < edge; y += 24) await page.mouse.move(start.x, y, { steps: 2 });
  await page.mouse.move(start.x, edge, { steps: 2 });
  // Wiggle along the edge: every move is a new collision check, the case that used to loop.
  for (let i = 0; i < 12; i++) {
    await page.mouse.move(start.x + (i % 2 === 0 ? 6 : -6), edge - (i % 3), { steps: 1 });
    await frames(page, 1);
  }
  return { x: start.x, edge };
}

type DiskItem = { id: string; horizon: string; laneId: string | null; goalId: string | null; rank: string };

function roadmapOnDisk(shell: WebShell, id: string): DiskItem[] {
  const product = shell.readProduct(id) as unknown as { roadmap: { items: DiskItem[] } };
  return product.roadmap.items.map(({ id: itemId, horizon, laneId, goalId, rank }) => ({ id: itemId, horizon, laneId, goalId, rank }));
}

async function openRoadmap(page: Page): Promise<string> {
  const id = await openSample(page, 'Larder');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Roadmap' }).click();
  await expect(page.getByRole('tab', { name: 'Now / Next / Later' })).toBeVisible();
  return id;
}

const SWIMLANES = [
  { mode: 'none', label: 'no swimlanes' },
  { mode: 'lane', label: 'swimlanes by theme' },
  { mode: 'goal', label: 'swimlanes by goal' },
] as const;

test.describe('Now / Next / Later board', () => {
  for (const { mode, label } of SWIMLANES) {
    test(`with ${label}, a card dragged to the window's bottom edge scrolls the board, not the window, and its drop is one undoable edit`, async ({ app, shell }) => {
      const id = await openRoadmap(app);
      await app.getByLabel('Swimlanes').selectOption(mode);
      await waitForSaved(app);
      const before = roadmapOnDisk(shell, id);
      await watchWindowScroll(app);
      const board = app.getByRole('tabpanel');

      await dragToBottomEdge(app, app.locator('.rm-card').first());
      // The board's own area scrolls under the held card.
      await expect.poll(() => board.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      await expectWindowNeverScrolled(app);
      await app.mouse.up();

      await expect(app.getByRole('region', { name: 'Now, Next, Later board' })).toBeVisible();
      await waitForSaved(app);
      await expectWindowNeverScrolled(app);
      // Whatever the drop did, it was at most one edit: one undo brings the file back.
      if (await app.getByRole('button', { name: 'Undo' }).isEnabled()) {
        await app.getByRole('button', { name: 'Undo' }).click();
        await expect(app.getByRole('button', { name: 'Undo' })).toBeDisabled();
        await waitForSaved(app);
      }
      expect(roadmapOnDisk(shell, id)).toEqual(before);
    });
  }

  test('Escape during a mouse drag at the bottom edge commits nothing', async ({ app, shell }) => {
    const id = await openRoadmap(app);
    await app.getByLabel('Swimlanes').selectOption('goal');
    await waitForSaved(app);
    const before = roadmapOnDisk(shell, id);
    await watchWindowScroll(app);
    const card = app.locator('.rm-card').first();
    const title = await card.getAttribute('aria-label');

    await dragToBottomEdge(app, card);
    await app.keyboard.press('Escape');
    await expect(app.getByText(`Moving cancelled. ${title} is back where it was.`)).toBeAttached();
    await app.mouse.up();

    await expect(app.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await waitForSaved(app);
    expect(roadmapOnDisk(shell, id)).toEqual(before);
    await expectWindowNeverScrolled(app);
  });

  test('with goal swimlanes, the keyboard still moves a card into another swimlane, as one edit', async ({ app, shell }) => {
    const id = await openRoadmap(app);
    await app.getByLabel('Swimlanes').selectOption('goal');
    await watchWindowScroll(app);
    const title = 'Barcode scanning for everyone'; // the only Now item of the second goal
    const card = app.getByRole('list', { name: 'Now items in Stocking the pantry takes minutes, not an evening' }).getByRole('button', { name: title });
    const retentionNow = app.getByRole('list', { name: 'Now items in New households are still planning in week 4' });

    await card.focus();
    await app.keyboard.press('Space');
    await expect(card).toHaveAttribute('aria-pressed', 'true');
    // dnd-kit's keyboard sensor listens for arrows from a task after the pick-up.
    await app.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await app.keyboard.press('ArrowUp');
    await expect(retentionNow.getByRole('button', { name: title })).toBeAttached();
    await expect(app.getByText(new RegExp(`^${title} is now in Now, swimlane New households are still planning in week 4, position \\d of 3\\.$`))).toBeAttached();
    await app.keyboard.press('Space');
    await expect(app.getByText(new RegExp(`^Dropped ${title} in Now, swimlane New households are still planning in week 4`))).toBeAttached();
    await waitForSaved(app);
    expect(roadmapOnDisk(shell, id).find((i) => i.id === 'rm-barcode')).toMatchObject({ horizon: 'now', goalId: 'goal-retention' });
    await expectWindowNeverScrolled(app);

    await app.getByRole('button', { name: 'Undo' }).click();
    await expect(app.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await waitForSaved(app);
    expect(roadmapOnDisk(shell, id).find((i) => i.id === 'rm-barcode')?.goalId).toBe('goal-pantry-setup');
  });
});

test('timeline: a bar and an unscheduled item dragged to the bottom edge never scroll the window', async ({ app }) => {
  await openRoadmap(app);
  await app.getByRole('tab', { name: 'Timeline' }).click();
  await watchWindowScroll(app);
  for (const mode of ['none', 'lane', 'goal'] as const) {
    await app.getByLabel('Swimlanes').selectOption(mode);
    const bar = app.locator('.rm-bar').first();
    await expect(bar).toBeVisible();
    await dragToBottomEdge(app, bar);
    await expectWindowNeverScrolled(app);
    await app.mouse.up();
    await expect(app.locator('.rm-bar.dragging')).toHaveCount(0);
    await expectWindowNeverScrolled(app);
  }
  const unscheduled = app.locator('.rm-unscheduled-item').first();
  if ((await unscheduled.count()) > 0) {
    await dragToBottomEdge(app, unscheduled);
    await expectWindowNeverScrolled(app);
    await app.mouse.up();
    await expect(app.locator('.rm-drag-ghost')).toHaveCount(0);
  }
  await expectWindowNeverScrolled(app);
});

test('backlog board: a card dragged to the bottom edge never scrolls the window', async ({ app }) => {
  await openSample(app, 'Larder');
  await watchWindowScroll(app);
  const card = app.getByRole('region', { name: 'Board' }).locator('[data-story-id]').first();
  await expect(card).toBeVisible();
  await dragToBottomEdge(app, card);
  // The column under the card scrolls, inside the board.
  await expect.poll(() => app.getByRole('region', { name: 'Board' }).evaluate((board) => Math.max(...Array.from(board.querySelectorAll('ul')).map((list) => list.scrollTop)))).toBeGreaterThan(0);
  await expectWindowNeverScrolled(app);
  await app.mouse.up();
  await expect(app.locator('.story-card.overlay')).toHaveCount(0);
  await waitForSaved(app);
  await expectWindowNeverScrolled(app);
});

test('prioritize matrix: a point dragged to the bottom edge never scrolls the window', async ({ app }) => {
  await openSample(app, 'Larder');
  await app.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Prioritize' }).click();
  await app.getByRole('tablist', { name: 'Prioritization views' }).getByRole('tab', { name: 'Matrix' }).click();
  await watchWindowScroll(app);
  const point = app.locator('.pz-point').first();
  await expect(point).toBeVisible();
  await dragToBottomEdge(app, point);
  await expectWindowNeverScrolled(app);
  await app.mouse.up();
  await expect(app.locator('.pz-readout')).toHaveCount(0);
  await waitForSaved(app);
  await expectWindowNeverScrolled(app);
});
