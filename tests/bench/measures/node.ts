/**
 * Measurements in Node: the parse-and-validate floor for opening a product, RICE over 10,000
 * items, and how the real workspace service writes a burst of edits to disk.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFs, type FsAdapter } from '../../../src/main/core/fsAdapter';
import type { WorkspaceService } from '../../../src/main/core/service';
import { createWorkspaceService, DEFAULT_WRITE_DELAY_MS } from '../../../src/main/core/workspaceService';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import { serializeProduct } from '../../../src/shared/model/productFile';
import { createProductSerializer } from '../../../src/shared/model/productSerializer';
import { ProductSchema, type Product } from '../../../src/shared/model/schema';
import { prioritizationItems } from '../../../src/shared/scoring/items';
import { rankItems } from '../../../src/shared/scoring/ranking';
import { riceScore } from '../../../src/shared/scoring/rice';
import { SPECS } from '../figureSpecs';
import { measured, type Figure } from '../lib/results';
import { median, percentile, repeat } from '../lib/stats';
import { productFileName, type BenchProduct } from '../lib/workspace';
import { ROOT } from '../lib/webHost';

const fmt = (ms: number) => (ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

/** `JSON.parse` + `ProductSchema.safeParse` of the file text: what opening can never beat. */
export async function measureFloor(product: BenchProduct, runs: number): Promise<{ figure: Figure; medianMs: number }> {
  const times = await repeat(runs, 1, () => {
    const started = performance.now();
    const result = ProductSchema.safeParse(JSON.parse(product.text));
    const ms = performance.now() - started;
    if (!result.success) throw new Error(`The generated product ${product.id} does not validate.`);
    return ms;
  });
  const medianMs = median(times);
  return {
    medianMs,
    figure: measured({
      ...SPECS.floor(product.stories),
      value: medianMs,
      runs: times,
      detail: `${(product.text.length / 1e6).toFixed(1)} MB file; range ${fmt(Math.min(...times))}–${fmt(Math.max(...times))} ms`,
    }),
  };
}

/** Score and sort 10,000 items by RICE (what the prioritizer recomputes after an edit). */
export async function measureRice(product: BenchProduct, runs: number): Promise<Figure> {
  const parsed: Product = ProductSchema.parse(JSON.parse(product.text));
  const items = prioritizationItems(parsed, 'stories', true);
  const rank = () => rankItems(items, (item) => riceScore(item.scores.rice));
  const times = await repeat(runs, 5, () => {
    const started = performance.now();
    const ranking = rank();
    const ms = performance.now() - started;
    if (ranking.ordered.length + ranking.unscored.length !== items.length) throw new Error('RICE ranking lost items');
    return ms;
  });
  const withItems = await repeat(Math.max(5, Math.floor(runs / 2)), 2, () => {
    const started = performance.now();
    rankItems(prioritizationItems(parsed, 'stories', true), (item) => riceScore(item.scores.rice));
    return performance.now() - started;
  });
  return measured({
    ...SPECS.rice(items.length),
    value: median(times),
    runs: times,
    detail: `p90 ${fmt(percentile(times, 90))} ms; with deriving the items from the product (sort by rank) ${fmt(median(withItems))} ms`,
  });
}

interface BurstOutcome {
  writes: number;
  backups: number;
  /** From the last edit being accepted to the end of the last write (after the folder sync). */
  lastWriteDelayMs: number;
  /** From the first to the last edit. */
  editSpanMs: number;
  /** Median time the service took to accept one edit. */
  applyMs: number;
}

/** An fs adapter that records when the product file (and its backup) was replaced. */
function countingFs(productPath: string, onWrite: (kind: 'product' | 'backup') => void): FsAdapter {
  return {
    ...nodeFs,
    rename: async (from, to) => {
      await nodeFs.rename(from, to);
      if (to === productPath) onWrite('product');
      else if (to.endsWith('.bak')) onWrite('backup');
    },
  };
}

function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const started = performance.now();
    const tick = () => {
      if (condition()) return resolve(true);
      if (performance.now() - started > timeoutMs) return resolve(false);
      setTimeout(tick, 2);
    };
    tick();
  });
}

const sleepUntil = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

/**
 * Open the product in a fresh service (the app's own write timing), make `edits` title edits spread
 * evenly over `windowMs`, then wait until everything is on disk.
 */
async function editBurst(product: BenchProduct, edits: number, windowMs: number): Promise<BurstOutcome> {
  const folder = mkdtempSync(join(tmpdir(), 'pm-bench-store-'));
  const path = join(folder, productFileName(product.id));
  writeFileSync(path, product.text);
  let writes = 0;
  let backups = 0;
  let savedAt = 0;
  let savedRevision = -1;
  const fs = countingFs(path, (kind) => {
    if (kind === 'product') writes += 1;
    else backups += 1;
  });
  let service: WorkspaceService | null = null;
  try {
    service = await createWorkspaceService({ folder, samplesFolder: join(ROOT, 'resources/samples') }, { fs });
    service.subscribe((event) => {
      if (event.type === 'product.saveState' && event.state === 'saved') {
        savedAt = performance.now();
        savedRevision = Math.max(savedRevision, event.revision);
      }
    });
    const opened = await service['product.open']({ id: product.id });
    const stories = opened.product.stories;
    let revision = opened.revision;
    const applyTimes: number[] = [];
    const started = performance.now();
    let lastEditAt = started;
    for (let k = 0; k < edits; k += 1) {
      await sleepUntil(started + (k * windowMs) / edits);
      const story = stories[k % Math.min(5, stories.length)];
      if (!story) throw new Error('The product has no stories to edit.');
      const before = performance.now();
      ({ revision } = await service['product.applyEdits']({
        id: product.id,
        baseRevision: revision,
        edits: [{ type: 'story.update', id: story.id, patch: { title: `${story.title.slice(0, 200)} ${'x'.repeat(1 + (k % 9))}` } }],
      }));
      lastEditAt = performance.now();
      applyTimes.push(lastEditAt - before);
    }
    const finalRevision = revision;
    const done = await waitFor(() => savedRevision >= finalRevision, 30_000);
    if (!done) throw new Error('The edits did not reach the disk within 30 s.');
    return { writes, backups, lastWriteDelayMs: savedAt - lastEditAt, editSpanMs: lastEditAt - started, applyMs: median(applyTimes) };
  } finally {
    await service?.close().catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Time to serialise the product as the store does before a write: after a one-story edit, with the
 * store's incremental serialiser (which re-does only the edited story), and from scratch with
 * `serializeProduct` (validate + stringify + encode everything), for comparison.
 */
function serializeMs(product: BenchProduct): { incremental: number; full: number } {
  let current = ProductSchema.parse(JSON.parse(product.text));
  const serializer = createProductSerializer();
  serializer.adopt(current).step(Number.POSITIVE_INFINITY);
  const incremental: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const story = current.stories[i];
    if (!story) break;
    current = applyEdit(current, { type: 'story.update', id: story.id, patch: { title: `${story.title.slice(0, 200)} ${i}` } }).product;
    let started = performance.now();
    const bytes = serializer.serialize(current);
    incremental.push(performance.now() - started);
    started = performance.now();
    const text = serializeProduct(current);
    const encoded = Buffer.from(text, 'utf8');
    full.push(performance.now() - started);
    if (!encoded.equals(bytes)) throw new Error('The incremental serialiser wrote something else than serializeProduct.');
  }
  return { incremental: median(incremental), full: median(full) };
}

export async function measureWrites(product: BenchProduct, runs: number): Promise<Figure[]> {
  const n = product.stories;
  const bursts = await repeat(runs, 0, () => editBurst(product, 100, 1000));
  const single = await repeat(Math.max(1, Math.min(3, runs)), 0, () => editBurst(product, 1, 1));
  const writes = bursts.map((b) => b.writes);
  const delays = bursts.map((b) => b.lastWriteDelayMs);
  const serialise = serializeMs(product);
  return [
    measured({
      ...SPECS.writes(n),
      value: median(writes),
      runs: writes,
      detail: `edits over ${fmt(median(bursts.map((b) => b.editSpanMs)))} ms, ${fmt(median(bursts.map((b) => b.applyMs)))} ms each in the service; plus ${median(bursts.map((b) => b.backups))} backup copy (.bak) per session, made on the first edit while the write waits`,
    }),
    measured({
      ...SPECS.lastWrite(n),
      value: median(delays),
      runs: delays,
      detail: `range ${fmt(Math.min(...delays))}–${fmt(Math.max(...delays))} ms; serialising the file after an edit takes ${fmt(serialise.incremental)} ms of it (from scratch: ${fmt(serialise.full)} ms)`,
    }),
    measured({
      ...SPECS.singleWrite(n),
      value: median(single.map((s) => s.lastWriteDelayMs)),
      runs: single.map((s) => s.lastWriteDelayMs),
      detail: `the store waits ${DEFAULT_WRITE_DELAY_MS} ms (its write delay) for more edits before writing`,
    }),
  ];
}
