/**
 * The child process of the kill test (bundled with Vite by `killHarness.ts`, run with plain Node).
 *
 *   node kill-child.mjs <workspace folder> <product id> <seed> <log file> [unsafe]
 *
 * It starts the real workspace service on the folder, opens the product and edits it forever in
 * seeded batches (story adds, updates, moves, deletes, long summaries, epics), with a tiny write
 * delay so that coalesced writes happen back to back, and `product.flush` now and then.
 *
 * What it writes to the log (a regular file, written with `writeSync`, so a line is in the page
 * cache — and survives SIGKILL — as soon as the call returns):
 *   writing <sha256>        just before the temp file is renamed over the product file
 *   renamed <sha256>        just after that rename returned
 *   flushed <rev> <sha256>  `product.flush` resolved; the hash is of the product as the child has it
 * The parent kills the child at a random moment and then checks the file against these lines.
 * stdout only carries "ready" (after the product is open), which the parent uses for timing.
 *
 * With `unsafe`, the final rename is replaced by copying the new content over the product file in
 * place, 16 KB at a time with a pause between pieces — the way a naive writer saves, slowed down. The harness's self-test runs this mode to
 * show that the checks catch a writer that is not crash-safe.
 */
import { createHash, type Hash } from 'node:crypto';
import { openSync, promises as fsp, writeSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../../src/shared/edits/applyEdit';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { serializeProduct } from '../../../src/shared/model/productFile';
import { compareRanks, rankBetween } from '../../../src/shared/model/rank';
import type { Product } from '../../../src/shared/model/schema';
import { nodeFs, type FsAdapter } from '../../../src/main/core/fsAdapter';
import { createWorkspaceService } from '../../../src/main/core/workspaceService';
import { mulberry32, pick, randInt, randText, type Rng } from './prng';

const [folder, productId, seedText, logPath, mode] = process.argv.slice(2);
if (!folder || !productId || !seedText || !logPath) {
  process.stderr.write('usage: kill-child <folder> <product id> <seed> <log file>\n');
  process.exit(2);
}
const seed = Number(seedText);
const logFd = openSync(logPath, 'a');
const log = (line: string): void => {
  writeSync(logFd, `${line}\n`);
};
const productPath = join(folder, `${productId}.product.json`);
const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Node's fs, logging every replacement of the product file (and hashing what the temp file holds). */
function loggingFs(): FsAdapter {
  const hashes = new Map<string, Hash>();
  return {
    ...nodeFs,
    async write(handle, data) {
      let hash = hashes.get(handle.path);
      if (!hash) {
        hash = createHash('sha256');
        hashes.set(handle.path, hash);
      }
      hash.update(data);
      await nodeFs.write(handle, data);
    },
    async rename(from, to) {
      const hash = hashes.get(from);
      hashes.delete(from);
      if (to !== productPath) return nodeFs.rename(from, to);
      const digest = hash ? hash.digest('hex') : 'unknown';
      log(`writing ${digest}`);
      if (mode === 'unsafe') await copyInPlace(from, to);
      else await nodeFs.rename(from, to);
      log(`renamed ${digest}`);
    },
    async unlink(path) {
      hashes.delete(path);
      await nodeFs.unlink(path);
    },
  };
}

/** The naive save the self-test expects to be caught: truncate, then write in pieces. */
async function copyInPlace(from: string, to: string): Promise<void> {
  const data = await fsp.readFile(from);
  await fsp.unlink(from);
  const file = await fsp.open(to, 'w');
  try {
    for (let offset = 0; offset < data.length; offset += 16 * 1024) {
      await file.write(data, offset, Math.min(16 * 1024, data.length - offset));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  } finally {
    await file.close();
  }
}

function maxRank(items: readonly { rank: string }[]): string | null {
  let max: string | null = null;
  for (const item of items) if (max === null || compareRanks(item.rank, max) > 0) max = item.rank;
  return max;
}

let counter = 0;
const newId = (prefix: string): string => `${prefix}-${seed.toString(36)}-${(counter += 1).toString(36)}`;

/** One edit that applies to `product`. */
function randomEdit(product: Product, rng: Rng): Edit {
  const stories = product.stories;
  const columns = product.board.columns.map((c) => c.id);
  const epics = product.epics.map((e) => e.id);
  const roll = rng();
  if (roll < 0.15 || stories.length < 5) {
    return {
      type: 'story.add',
      story: {
        id: newId('st'),
        title: randText(rng, randInt(rng, 5, 120)),
        asA: 'learner',
        iWant: randText(rng, randInt(rng, 0, 400)),
        soThat: randText(rng, randInt(rng, 0, 200)),
        description: randText(rng, randInt(rng, 0, 2000)),
        acceptanceCriteria: Array.from({ length: randInt(rng, 0, 3) }, () => ({ id: newId('ac'), text: randText(rng, randInt(rng, 10, 200)) })),
        estimate: pick(rng, [null, 1, 2, 3, 5, 8, 13]),
        status: pick(rng, columns),
        rank: rankBetween(maxRank(stories), null),
        epicId: epics.length > 0 && rng() < 0.7 ? pick(rng, epics) : null,
        labels: rng() < 0.5 ? ['kill-test'] : [],
        scores: { rice: { reach: null, impact: null, confidence: null, effort: null }, ice: { impact: null, confidence: null, ease: null }, wsjf: { businessValue: null, timeCriticality: null, riskReduction: null, jobSize: null }, moscow: null },
        splitFrom: null,
        splitInto: [],
        notes: '',
      },
      index: randInt(rng, 0, stories.length),
    };
  }
  const story = pick(rng, stories);
  if (roll < 0.45) return { type: 'story.update', id: story.id, patch: { title: randText(rng, randInt(rng, 1, 200)), description: randText(rng, randInt(rng, 0, 5000)) } };
  if (roll < 0.6) return { type: 'story.move', id: story.id, status: pick(rng, columns), rank: rankBetween(maxRank(stories), null) };
  if (roll < 0.7 && stories.length > 40) return { type: 'story.delete', id: story.id };
  if (roll < 0.8) return { type: 'product.update', patch: { summary: randText(rng, randInt(rng, 0, 8000)) } };
  if (roll < 0.85 && epics.length < 12) {
    return {
      type: 'epic.add',
      epic: { id: newId('ep'), title: randText(rng, 30), description: '', color: '#336699', goalId: null, status: 'open', rank: rankBetween(maxRank(product.epics), null), scores: story.scores },
      index: 0,
    };
  }
  if (roll < 0.9 && stories.length > 120) {
    // Shrink: delete several stories at once so the file size moves both ways.
    return { type: 'batch', label: 'shrink', edits: stories.slice(0, 20).map((s) => ({ type: 'story.delete' as const, id: s.id })) };
  }
  return { type: 'vision.update', patch: { value: randText(rng, randInt(rng, 0, 3000)) } };
}

async function main(): Promise<void> {
  const rng = mulberry32(seed);
  const service = await createWorkspaceService(
    { folder: folder ?? '', samplesFolder: join(folder ?? '', '..', 'no-samples'), writeDelayMs: randInt(rng, 0, 4) },
    { fs: loggingFs(), maxWriteDelayMs: 8, backupIntervalMs: randInt(rng, 5, 60), pollIntervalMs: 0, useFsWatch: false, retryDelaysMs: [5] },
  );
  const opened = await service['product.open']({ id: productId ?? '' });
  let product = opened.product;
  let revision = opened.revision;
  process.stdout.write('ready\n');
  for (;;) {
    const edits: Edit[] = [];
    let next = product;
    for (let i = randInt(rng, 1, 4); i > 0; i -= 1) {
      const edit = randomEdit(next, rng);
      next = applyEdits(next, [edit]).product;
      edits.push(edit);
    }
    ({ revision } = await service['product.applyEdits']({ id: productId ?? '', baseRevision: revision, edits }));
    product = next;
    if (rng() < 0.08) {
      const flushed = await service['product.flush']({ id: productId ?? '' });
      log(`flushed ${flushed.revision} ${sha256(serializeProduct(product))}`);
    }
    // Let the coalescing timers run between batches, as between IPC messages.
    if (rng() < 0.5) await new Promise((resolve) => setImmediate(resolve));
    else await new Promise((resolve) => setTimeout(resolve, randInt(rng, 0, 3)));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`kill-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
