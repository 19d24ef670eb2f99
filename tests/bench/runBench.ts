/**
 * `npm run bench`: generate large products, measure the store and the real app, print the table
 * and write `bench-results/latest.json` (and `latest.md`, the table for the README).
 *
 * Budgets are printed as pass / falls short; nothing here fails because a budget is missed. A
 * measurement whose view or service is not available is skipped with the reason, so the bench
 * runs (and says what it could not measure) at any stage of the app.
 *
 * `BENCH_ONLY=node,open,move,typing,scroll,heap` runs a subset (for working on one figure), and
 * `BENCH_STATIC_DIR=<dir>` serves another build of the renderer (to compare a change with the app).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { SPECS, type FigureSpec } from './figureSpecs';
import { launchBrowser, openAppPage, showStartScreen, usedHeapBytes } from './lib/browser';
import { describeMachine, machineInfo, type MachineInfo } from './lib/machine';
import { formatMarkdownTable, formatTable, skipped, summary, verdictOf, type Figure } from './lib/results';
import { ROOT, startHost, WEB_HOST_ENTRY, type RunningHost } from './lib/webHost';
import { BENCH_SEED, createBenchWorkspace, type BenchWorkspace } from './lib/workspace';
import { measureBoardScroll, measureHeap, measureMove, measureOpen, measureSpecTyping, measureTimelineScroll, measureTitleTyping } from './measures/browser';
import { measureFloor, measureRice, measureWrites } from './measures/node';

const SIZES = [1000, 5000, 10_000] as const;
const LARGEST = 10_000;
const ROADMAP_ITEMS = 300;
const RUNS = { open: 5, floor: 7, rice: 30, writes: 3, move: 7, keystrokes: 15 } as const;
const WRITE_SIZES = [1000, 10_000] as const;
const MOVE_SIZES = [1000, 5000] as const;

type Group = 'node' | 'open' | 'move' | 'typing' | 'scroll' | 'heap';
const GROUPS: readonly Group[] = ['node', 'open', 'move', 'typing', 'scroll', 'heap'];

function selectedGroups(): Set<Group> {
  const only = process.env['BENCH_ONLY'];
  if (!only) return new Set(GROUPS);
  const wanted = only.split(',').map((s) => s.trim());
  return new Set(GROUPS.filter((g) => wanted.includes(g)));
}

export interface BenchReport {
  generatedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  settings: { seed: number; sizes: readonly number[]; roadmapItems: number; runs: typeof RUNS };
  figures: (Figure & { verdict: string })[];
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Run `measure`, or give each of `specs` a row saying why not. */
async function guarded(specs: readonly FigureSpec[], measure: () => Promise<Figure[]>): Promise<Figure[]> {
  try {
    return await measure();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'failed';
    return specs.map((s) => skipped(s, reason));
  }
}

async function nodeFigures(ws: BenchWorkspace, floors: Map<number, number>): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const n of SIZES) {
    const product = ws.products.get(n);
    if (!product) continue;
    log(`  floor: ${n} stories`);
    const floor = await guarded([SPECS.floor(n)], async () => {
      const { figure, medianMs } = await measureFloor(product, RUNS.floor);
      floors.set(n, medianMs);
      return [figure];
    });
    figures.push(...floor);
  }
  const largest = ws.products.get(LARGEST);
  if (largest) {
    log('  RICE');
    figures.push(...(await guarded([SPECS.rice(LARGEST)], async () => [await measureRice(largest, RUNS.rice)])));
  }
  for (const n of WRITE_SIZES) {
    const product = ws.products.get(n);
    if (!product) continue;
    log(`  disk writes: ${n} stories`);
    figures.push(...(await guarded([SPECS.writes(n), SPECS.lastWrite(n), SPECS.singleWrite(n)], () => measureWrites(product, RUNS.writes))));
  }
  return figures;
}

function browserSpecs(groups: Set<Group>): FigureSpec[] {
  const specs: FigureSpec[] = [];
  if (groups.has('open')) for (const n of SIZES) specs.push(SPECS.open(n), SPECS.openRatio(n));
  if (groups.has('heap')) specs.push(SPECS.heap(LARGEST));
  if (groups.has('move')) for (const n of MOVE_SIZES) specs.push(SPECS.move(n));
  if (groups.has('typing')) specs.push(SPECS.typeTitle(LARGEST), SPECS.typeSpec(LARGEST));
  if (groups.has('scroll')) specs.push(SPECS.scrollBoard(LARGEST), SPECS.scrollTimeline(ROADMAP_ITEMS));
  return specs;
}

async function withHost<T>(folder: string, use: (host: RunningHost) => Promise<T>): Promise<T> {
  const host = await startHost(folder);
  try {
    return await use(host);
  } finally {
    await host.stop();
  }
}

async function browserFigures(browser: Browser, ws: BenchWorkspace, floors: Map<number, number>, groups: Set<Group>): Promise<Figure[]> {
  const figures: Figure[] = [];
  if (groups.has('open')) {
    for (const n of SIZES) {
      const open = ws.openFolders.get(n);
      if (!open) continue;
      log(`  open: ${n} stories`);
      figures.push(...(await guarded([SPECS.open(n), SPECS.openRatio(n)], () => withHost(open.folder, (host) => measureOpen(browser, host, n, open.ids, floors.get(n) ?? null)))));
    }
  }
  const main = [...browserSpecs(groups)].filter((s) => !s.id.startsWith('open'));
  if (main.length === 0) return figures;
  const id = (n: number) => ws.products.get(n)?.id ?? `bench-${n}`;
  figures.push(
    ...(await guarded(main, () =>
      withHost(ws.mainFolder, async (host) => {
        const out: Figure[] = [];
        const app = await openAppPage(browser, host);
        try {
          await showStartScreen(app, ws.products.size);
          const baseline = await usedHeapBytes(app);
          // One opening of the largest board serves the heap, scrolling and typing figures.
          if (groups.has('heap')) {
            log('  heap');
            out.push(await measureHeap(app, id(LARGEST), LARGEST, baseline));
          }
          if (groups.has('scroll')) {
            log('  scroll: board');
            out.push(await measureBoardScroll(app, id(LARGEST), LARGEST));
          }
          if (groups.has('typing')) {
            log('  typing: story title');
            out.push(await measureTitleTyping(app, id(LARGEST), LARGEST, RUNS.keystrokes));
          }
          if (groups.has('scroll')) {
            log('  scroll: timeline');
            out.push(await measureTimelineScroll(app, id(LARGEST), ROADMAP_ITEMS));
          }
          if (groups.has('typing')) {
            log('  typing: spec editor');
            out.push(await measureSpecTyping(app, id(LARGEST), LARGEST, RUNS.keystrokes));
          }
          if (groups.has('move')) {
            for (const n of MOVE_SIZES) {
              log(`  move: ${n} stories`);
              out.push(await measureMove(app, id(n), n, RUNS.move));
            }
          }
        } finally {
          await app.close();
        }
        return out;
      }),
    )),
  );
  return figures;
}

/** The table order: open, move, typing, RICE, writes, scrolling, heap (as in issue 8). */
const ORDER = ['open-', 'floor-', 'open-ratio-', 'move-', 'type-title-', 'type-spec-', 'rice-', 'writes-', 'last-write-', 'single-write-', 'scroll-board-', 'scroll-timeline-', 'heap-'];

function sortFigures(figures: Figure[]): Figure[] {
  const key = (f: Figure) => {
    // The longest matching prefix ("open-ratio-" before "open-").
    let group = ORDER.length;
    ORDER.forEach((prefix, i) => {
      if (f.id.startsWith(prefix) && (group === ORDER.length || prefix.length > (ORDER[group]?.length ?? 0))) group = i;
    });
    const size = Number(/(\d+)$/.exec(f.id)?.[1] ?? 0);
    return group * 1e6 + size;
  };
  return [...figures].sort((a, b) => key(a) - key(b));
}

export async function runBench(): Promise<BenchReport> {
  const started = performance.now();
  const groups = selectedGroups();
  log(`PM Practice Workspace — performance bench (${[...groups].join(', ')})`);
  log('Generating products (seeded)…');
  const ws = createBenchWorkspace(SIZES, RUNS.open + 1);
  const floors = new Map<number, number>();
  const figures: Figure[] = [];
  let chromiumVersion: string | null = null;
  try {
    // The open ratio needs the floor, so the floor is measured whenever opening is.
    if (groups.has('node') || groups.has('open')) {
      log('Node: parse floor, RICE, disk writes');
      const node = await nodeFigures(ws, floors);
      figures.push(...(groups.has('node') ? node : node.filter((f) => f.id.startsWith('floor-'))));
    }
    const specs = browserSpecs(groups);
    if (specs.length > 0) {
      log('Browser: the app in headless Chromium through the web shell');
      if (!existsSync(WEB_HOST_ENTRY)) {
        figures.push(...specs.map((s) => skipped(s, 'out/main/web.js is missing: run `npm run build` first')));
      } else {
        let browser: Browser | null = null;
        try {
          browser = await launchBrowser();
          chromiumVersion = browser.version();
        } catch (error) {
          const reason = `Chromium could not start: ${(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''}`;
          figures.push(...specs.map((s) => skipped(s, reason)));
        }
        if (browser) {
          try {
            figures.push(...(await browserFigures(browser, ws, floors, groups)));
          } finally {
            await browser.close();
          }
        }
      }
    }
  } finally {
    ws.cleanup();
  }

  const machine = machineInfo(chromiumVersion);
  const ordered = sortFigures(figures);
  const durationSeconds = Math.round((performance.now() - started) / 1000);
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    durationSeconds,
    machine,
    settings: { seed: BENCH_SEED, sizes: SIZES, roadmapItems: ROADMAP_ITEMS, runs: RUNS },
    figures: ordered.map((f) => ({ ...f, verdict: verdictOf(f) })),
  };
  const outDir = join(ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outDir, 'latest.md'), `${formatMarkdownTable(ordered)}\n\nMachine: ${describeMachine(machine)}. Bench took ${durationSeconds} s.\n`);

  log('');
  log(formatTable(ordered));
  log('');
  log(`Machine: ${describeMachine(machine)}`);
  log(`Medians of several runs; budgets from issue 8. ${summary(ordered)}. Took ${durationSeconds} s.`);
  log('Written: bench-results/latest.json, bench-results/latest.md');
  return report;
}
