/**
 * Measurements of the real app in headless Chromium, through the loopback web shell: opening a
 * product, moving a card, typing, scrolling, and the JS heap. A measurement whose view is not
 * there (yet) is skipped with the reason.
 */
import type { Browser } from 'playwright';
import { afterPaint, collectGarbage, measureInPage, openAppPage, recordFrames, showStartScreen, usedHeapBytes, waitSaved, type AppPage } from '../lib/browser';
import type { ArmResult } from '../lib/pageProbes';
import { SPECS, type FigureSpec } from '../figureSpecs';
import { measured, skipped, type Figure } from '../lib/results';
import { median, percentile } from '../lib/stats';
import type { RunningHost } from '../lib/webHost';

/** Opening a product may take this long before the bench calls it failed. */
const OPEN_TIMEOUT_MS = 180_000;
/** After this much time on one size, no further runs are started (at least one is measured). */
const TIME_PER_SIZE_MS = 90_000;

const fmt = (ms: number) => (ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

function failure(result: ArmResult): string {
  return result.ok ? '' : result.reason;
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 240) ?? 'unknown error';
}

/** Navigate to a product's board and wait until it is interactive (not timed); nothing if it is shown. */
async function ensureBoard(app: AppPage, productId: string): Promise<void> {
  const hash = `#/p/${productId}/backlog`;
  const shown = await app.page.evaluate((h) => window.location.hash === h && document.querySelector('section[aria-label="Board"] [data-story-id]') !== null, hash);
  if (shown) return;
  const result = await measureInPage(app, { kind: 'open-board', hash, timeoutMs: OPEN_TIMEOUT_MS }, async () => undefined);
  if (!result.ok) throw new Error(`the board of ${productId} did not open: ${result.reason}`);
  await waitSaved(app, OPEN_TIMEOUT_MS);
}

async function showView(app: AppPage, productId: string, view: 'roadmap' | 'spec'): Promise<void> {
  await app.page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/p/${productId}/${view}`);
  await app.page.waitForFunction(() => document.querySelector('[data-save-state]') !== null && document.querySelector('main') !== null, undefined, { timeout: 60_000 });
}

// ---- open -----------------------------------------------------------------------------------

/**
 * Time from the route change of the last opening until the coach lists "Possible duplicate" among
 * the backlog's problems (the duplicate search may finish after the board is interactive), or null
 * when it does not within the timeout (a backlog without duplicates, or no coach).
 */
async function coachCompleteMs(app: AppPage): Promise<number | null> {
  try {
    const handle = await app.page.waitForFunction(
      () => {
        const found = [...document.querySelectorAll('ul[aria-label="Top problems"] button')].some((b) => (b.textContent ?? '').startsWith('Possible duplicate'));
        const start = window.__bench?.lastOpenStart;
        return found && start !== null && start !== undefined ? performance.now() - start : false;
      },
      undefined,
      { timeout: OPEN_TIMEOUT_MS, polling: 'raf' },
    );
    const value: unknown = await handle.jsonValue();
    return typeof value === 'number' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Open copies of the n-story product one after another from the start screen; the first copy is a
 * warm-up (it pays for compiling the board's code). Each copy is a file the host has not opened.
 */
export async function measureOpen(browser: Browser, host: RunningHost, stories: number, copyIds: readonly string[], floorMs: number | null): Promise<Figure[]> {
  const openFigure = SPECS.open(stories);
  const ratioFigure = SPECS.openRatio(stories);
  const app = await openAppPage(browser, host);
  try {
    await showStartScreen(app, copyIds.length);
    const times: number[] = [];
    const started = performance.now();
    let cut = false;
    let coachMs: number | null = null;
    for (const [index, id] of copyIds.entries()) {
      if (index > 1 && performance.now() - started > TIME_PER_SIZE_MS) {
        cut = true;
        break;
      }
      await showStartScreen(app, copyIds.length);
      await collectGarbage(app);
      await afterPaint(app);
      const result = await measureInPage(app, { kind: 'open-board', hash: `#/p/${id}/backlog`, timeoutMs: OPEN_TIMEOUT_MS }, async () => undefined);
      if (!result.ok) throw new Error(result.reason);
      if (index > 0) times.push(result.ms);
      if (index === 1) coachMs = await coachCompleteMs(app);
      await waitSaved(app, OPEN_TIMEOUT_MS);
    }
    const openMs = median(times);
    const errors = app.errors.length > 0 ? `; page errors: ${app.errors.join(' | ')}` : '';
    const spread = times.length > 1 ? `range ${fmt(Math.min(...times))}–${fmt(Math.max(...times))} ms` : 'one run';
    const runsNote = `${times.length} run${times.length === 1 ? '' : 's'} after 1 warm-up${cut ? ` (stopped after ${TIME_PER_SIZE_MS / 1000} s)` : ''}`;
    const coach = coachMs === null ? '' : `; the coach's duplicate badges followed after ${fmt(coachMs)} ms`;
    const detail = `${runsNote}, ${spread}; from the route change to a painted board whose first card takes focus${coach}${errors}`;
    const figures = [measured({ ...openFigure, value: openMs, runs: times, detail })];
    if (floorMs !== null && floorMs > 0) {
      figures.push(measured({ ...ratioFigure, value: openMs / floorMs, runs: times.map((t) => t / floorMs), detail: `floor ${fmt(floorMs)} ms, measured in Node (the page has no separate parser to time)` }));
    } else {
      figures.push(skipped(ratioFigure, 'no floor measured'));
    }
    return figures;
  } catch (error) {
    return [skipped(openFigure, errorText(error)), skipped(ratioFigure, errorText(error))];
  } finally {
    await app.close();
  }
}

// ---- move a card ------------------------------------------------------------------------------

const storyCard = (id: string) => `[data-story-id="${id}"]`;

/** Keyboard drag of the Backlog column's first card one place down and back, timing each drop. */
export async function measureMove(app: AppPage, productId: string, stories: number, runs: number): Promise<Figure> {
  const spec = SPECS.move(stories);
  try {
    await ensureBoard(app, productId);
    const storyId = await app.page.evaluate(() => {
      const column = document.querySelector('section[data-column-id="backlog"]') ?? document.querySelector('section[aria-label="Board"] [data-column-id]');
      const card = column?.querySelector('li[data-index="0"] [data-story-id]') ?? column?.querySelector('[data-story-id]');
      return card?.getAttribute('data-story-id') ?? null;
    });
    if (storyId === null) return skipped(spec, 'the board shows no story card');
    const times: number[] = [];
    const delays: number[] = [];
    const warmup = 2;
    let planned = runs;
    for (let run = 0; run < warmup + planned; run += 1) {
      await app.page.evaluate((selector) => document.querySelector<HTMLElement>(selector)?.focus(), storyCard(storyId));
      await app.page.keyboard.press('Space');
      await app.page
        .waitForFunction((selector) => {
          const card = document.querySelector(selector);
          return card?.getAttribute('aria-pressed') === 'true' || card?.classList.contains('dragging') === true;
        }, storyCard(storyId), { timeout: 5000 })
        .catch(() => {
          throw new Error('Space did not pick the card up (no keyboard drag on the board?)');
        });
      await app.page.keyboard.press(run % 2 === 0 ? 'ArrowDown' : 'ArrowUp');
      await afterPaint(app);
      await afterPaint(app);
      // The drop key goes down, and comes up once the drop is painted: a person holds a key for
      // about 100 ms, whereas Playwright's press releases it at once, inside the drop's frame.
      const result = await measureInPage(app, { kind: 'key-moved', key: ' ', storyId, timeoutMs: OPEN_TIMEOUT_MS }, () => app.page.keyboard.down('Space'));
      await app.page.keyboard.up('Space');
      if (!result.ok) throw new Error(`the dropped card did not move: ${failure(result)}`);
      if (run >= warmup) {
        times.push(result.ms);
        delays.push(result.inputDelayMs);
      }
      // A drop that takes seconds is measured twice, not seven times: the bench must end in minutes.
      if (result.ms > 2000) planned = Math.min(planned, 2);
      await waitSaved(app, OPEN_TIMEOUT_MS);
    }
    return measured({
      ...spec,
      value: median(times),
      runs: times,
      detail: `keyboard drag (Space, arrow, Space held until the paint); ${times.length} drops after ${warmup} warm-ups, p90 ${fmt(percentile(times, 90))} ms, of which waiting for the main thread ${fmt(median(delays))} ms`,
    });
  } catch (error) {
    return skipped(spec, errorText(error));
  }
}

// ---- typing -----------------------------------------------------------------------------------

async function typeKeys(app: AppPage, kind: 'key-input' | 'key-mutation', root: string, count: number): Promise<{ times: number[]; delays: number[] }> {
  const letters = 'benchmarkingtyping';
  const times: number[] = [];
  const delays: number[] = [];
  const warmup = 3;
  for (let i = 0; i < warmup + count; i += 1) {
    const key = letters[i % letters.length] ?? 'x';
    const spec = kind === 'key-input' ? { kind, key, timeoutMs: 30_000 } : { kind, key, root, timeoutMs: 30_000 };
    const result = await measureInPage(app, spec, () => app.page.keyboard.press(key));
    if (!result.ok) throw new Error(`typing "${key}" changed nothing: ${result.reason}`);
    if (result.ms > 2000) throw new Error(`one keystroke took ${Math.round(result.ms)} ms; stopped typing`);
    if (i >= warmup) {
      times.push(result.ms);
      delays.push(result.inputDelayMs);
    }
    // About 10 characters a second, a quick typist: work a keystroke leaves behind shows in the next.
    await app.page.waitForTimeout(60);
  }
  return { times, delays };
}

export async function measureTitleTyping(app: AppPage, productId: string, stories: number, count: number): Promise<Figure> {
  const spec = SPECS.typeTitle(stories);
  try {
    await ensureBoard(app, productId);
    const card = app.page.locator('section[data-column-id="ready"] [data-story-id]').first();
    await card.click();
    const title = app.page.getByRole('complementary', { name: 'Story' }).getByLabel('Title', { exact: true });
    await title.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
      throw new Error('clicking a card opened no story editor with a Title field');
    });
    await title.focus();
    await app.page.keyboard.press('End');
    const { times, delays } = await typeKeys(app, 'key-input', '', count);
    await app.page.keyboard.press('Escape');
    return measured({ ...spec, value: median(times), runs: times, detail: `${count} keystrokes, p90 ${fmt(percentile(times, 90))} ms, max ${fmt(Math.max(...times))} ms; input delay ${fmt(median(delays))} ms` });
  } catch (error) {
    return skipped(spec, errorText(error));
  }
}

export async function measureSpecTyping(app: AppPage, productId: string, stories: number, count: number): Promise<Figure> {
  const spec = SPECS.typeSpec(stories);
  const editorSelector = 'main [contenteditable="true"]';
  try {
    await showView(app, productId, 'spec');
    const editor = app.page.locator(editorSelector).first();
    const present = await editor.waitFor({ state: 'visible', timeout: 15_000 }).then(
      () => true,
      () => false,
    );
    if (!present) return skipped(spec, 'the Spec view shows no editable document (no contenteditable editor yet)');
    const paragraph = editor.locator('p').nth(2);
    if ((await paragraph.count()) > 0) await paragraph.click();
    else await editor.click();
    await app.page.keyboard.press('End');
    const { times, delays } = await typeKeys(app, 'key-mutation', editorSelector, count);
    return measured({ ...spec, value: median(times), runs: times, detail: `${count} keystrokes in a generated PRD, p90 ${fmt(percentile(times, 90))} ms, max ${fmt(Math.max(...times))} ms; input delay ${fmt(median(delays))} ms` });
  } catch (error) {
    return skipped(spec, errorText(error));
  }
}

// ---- scrolling --------------------------------------------------------------------------------

function frameFigure(spec: FigureSpec, idle: number[], busy: number[], what: string): Figure {
  const deltas = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? t));
  const idleDeltas = deltas(idle);
  const busyDeltas = deltas(busy);
  if (busyDeltas.length < 5) return skipped(spec, 'too few frames were recorded');
  const interval = idleDeltas.length > 3 ? median(idleDeltas) : 1000 / 60;
  // A frame that overran its budget shows up as a gap of (at least) two frame intervals.
  const limit = Math.max(16.7, interval * 1.5);
  const long = busyDeltas.filter((d) => d > limit);
  return measured({
    ...spec,
    value: (100 * long.length) / busyDeltas.length,
    runs: busyDeltas.map((d) => Math.round(d * 10) / 10),
    detail: `${long.length} of ${busyDeltas.length} frames over 16 ms (gap > ${fmt(limit)} ms, idle frame interval ${fmt(interval)} ms); worst ${fmt(Math.max(...busyDeltas))} ms; ${what}`,
  });
}

async function wheel(app: AppPage, steps: number, dx: number, dy: number): Promise<void> {
  for (let i = 0; i < steps; i += 1) {
    await app.page.mouse.wheel(dx, dy);
    await app.page.waitForTimeout(16);
  }
}

export async function measureBoardScroll(app: AppPage, productId: string, stories: number): Promise<Figure> {
  const spec = SPECS.scrollBoard(stories);
  try {
    await ensureBoard(app, productId);
    const list = app.page.locator('section[data-column-id="backlog"] ul').first();
    const box = await list.boundingBox();
    if (!box) return skipped(spec, 'the Backlog column has no card list');
    await app.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
    const idle = await recordFrames(app, () => app.page.waitForTimeout(500));
    const before = await list.evaluate((el) => el.scrollTop);
    const busy = await recordFrames(app, () => wheel(app, 90, 0, 120));
    const after = await list.evaluate((el) => el.scrollTop);
    if (after <= before) return skipped(spec, 'the Backlog column did not scroll under the mouse wheel');
    return frameFigure(spec, idle, busy, `90 wheel steps of 120 px, ${Math.round(after - before)} px scrolled`);
  } catch (error) {
    return skipped(spec, errorText(error));
  }
}

export async function measureTimelineScroll(app: AppPage, productId: string, items: number): Promise<Figure> {
  const spec = SPECS.scrollTimeline(items);
  try {
    await showView(app, productId, 'roadmap');
    const tab = app.page.getByRole('tab', { name: 'Timeline' });
    const hasTab = await tab.waitFor({ state: 'visible', timeout: 15_000 }).then(
      () => true,
      () => false,
    );
    if (!hasTab) return skipped(spec, 'the Roadmap view has no Timeline tab yet');
    await tab.click();
    const region = app.page.getByRole('region', { name: 'Timeline' });
    const hasRegion = await region.waitFor({ state: 'visible', timeout: 15_000 }).then(
      () => true,
      () => false,
    );
    if (!hasRegion) return skipped(spec, 'the Timeline tab shows no scrollable "Timeline" region');
    const box = await region.boundingBox();
    if (!box) return skipped(spec, 'the timeline is not laid out');
    await app.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
    const position = () => region.evaluate((el) => el.scrollLeft + el.scrollTop);
    const idle = await recordFrames(app, () => app.page.waitForTimeout(500));
    const before = await position();
    const busy = await recordFrames(app, async () => {
      await wheel(app, 45, 150, 0);
      await wheel(app, 45, 0, 120);
    });
    const after = await position();
    if (after === before) return skipped(spec, 'the timeline did not scroll under the mouse wheel');
    return frameFigure(spec, idle, busy, '45 horizontal and 45 vertical wheel steps');
  } catch (error) {
    return skipped(spec, errorText(error));
  }
}

// ---- memory -----------------------------------------------------------------------------------

/** The used JS heap with the board of `productId` open, after a full GC; `baselineBytes` is the start screen's. */
export async function measureHeap(app: AppPage, productId: string, stories: number, baselineBytes: number | null): Promise<Figure> {
  const spec = SPECS.heap(stories);
  try {
    await ensureBoard(app, productId);
    const used = await usedHeapBytes(app);
    const baseline = baselineBytes === null ? '' : `; the start screen alone: ${(baselineBytes / 1e6).toFixed(1)} MB`;
    return measured({ ...spec, value: used / 1e6, runs: [used / 1e6], detail: `after a full GC (CDP Runtime.getHeapUsage; MB = 10^6 bytes)${baseline}` });
  } catch (error) {
    return skipped(spec, errorText(error));
  }
}
