/**
 * The kill test, scaled-down SQLite crash testing: a child process edits and saves one product as
 * fast as it can and is killed with SIGKILL at a seeded random moment, again and again on the same
 * folder. After every kill:
 *   - the product file parses, validates and is canonical (never empty, never a mix of versions);
 *   - it is exactly (by sha256) the last version whose rename the child saw complete, or the one
 *     whose rename it had started (a rename in flight at the kill may or may not have landed);
 *   - every `product.flush` the child saw resolve had written exactly the child's product;
 *   - the backup in `.backups/`, if any, is whole and valid;
 *   - a fresh service on the folder lists the product (nothing broken) and opens it without help,
 *     and its start-up removes the temp files the kills left behind.
 * The child is bundled from TypeScript with Vite's JS API (Node 20 cannot run .ts).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { isTempFileName } from '../../../src/main/core/atomicWrite';
import { createWorkspaceService } from '../../../src/main/core/workspaceService';
import { parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import { ranksBetween } from '../../../src/shared/model/rank';
import { ProductSchema, type Product } from '../../../src/shared/model/schema';
import { mulberry32, randInt } from './prng';

const PRODUCT_ID = 'kill-target';
const CHILD_ENTRY = resolve(__dirname, 'killChild.ts');

export interface KillRunOptions {
  kills: number;
  seed: number;
  /** Longest wait after the child is ready before the kill, in ms. */
  maxDelayMs?: number;
  /** Share of kills made at a random moment after spawning, without waiting for "ready" (start-up). */
  earlyKillShare?: number;
  /** Run the child's naive in-place writer instead of the store's (the harness's self-test). */
  unsafeWriter?: boolean;
}

export interface KillRunStats {
  kills: number;
  /** Kills after which the file held the version whose rename was in flight (it had landed). */
  landedInFlight: number;
  /** Kills that caught a rename in flight (either outcome). */
  inFlightAtKill: number;
  /** Kills that left a half-written or unrenamed temp file behind. */
  tempFilesLeft: number;
  /** Completed replacements of the product file seen across all children. */
  writesCompleted: number;
  /** `product.flush` calls that resolved, across all children. */
  flushes: number;
  /** Kills before the child was ready (during start-up or opening). */
  earlyKills: number;
  /** Milliseconds for the whole run, bundling excluded. */
  elapsedMs: number;
  /** Of which: running children (spawn to death), and checking after the kills. */
  childMs: number;
  checkMs: number;
}

/** Build the child entry into a temp folder; returns the bundle path and a clean-up. */
export async function buildKillChild(): Promise<{ bundle: string; cleanup: () => void }> {
  const outDir = mkdtempSync(join(tmpdir(), 'pm-kill-child-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve(__dirname, '../../..'),
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: CHILD_ENTRY,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'kill-child.mjs' } },
    },
  });
  const bundle = join(outDir, 'kill-child.mjs');
  if (!existsSync(bundle)) throw new Error(`Vite did not write ${bundle}`);
  return { bundle, cleanup: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** The starting product: a few stories in three columns. */
function startProduct(): Product {
  const ranks = ranksBetween(null, null, 5);
  return ProductSchema.parse({
    schemaVersion: 2,
    id: PRODUCT_ID,
    name: 'Kill target',
    summary: 'Edited and killed, over and over.',
    epics: [{ id: 'ep-start', title: 'Start', rank: 'a0' }],
    stories: ranks.map((rank, i) => ({ id: `st-start-${i}`, title: `Story ${i}`, status: 'todo', rank, epicId: 'ep-start' })),
    board: {
      columns: [
        { id: 'todo', name: 'To do', category: 'todo' },
        { id: 'doing', name: 'Doing', category: 'in-progress' },
        { id: 'done', name: 'Done', category: 'done' },
      ],
    },
  });
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

interface ChildRun {
  exitedOnItsOwn: { code: number | null; stderr: string } | null;
  wasReady: boolean;
}

function runAndKill(bundle: string, args: readonly string[], delayMs: number, early: boolean): Promise<ChildRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let ready = false;
    let killed = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const kill = (): void => {
      killed = true;
      child.kill('SIGKILL');
    };
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (ready || !chunk.includes('ready')) return;
      ready = true;
      if (!early) timer = setTimeout(kill, delayMs);
    });
    if (early) timer = setTimeout(kill, delayMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ exitedOnItsOwn: killed ? null : { code, stderr }, wasReady: ready });
    });
  });
}

interface LogFacts {
  lastRenamed: string | null;
  inFlight: string | null;
  renames: number;
  flushes: number;
}

/** Read the child's log and check its flush lines against its rename lines. */
function readLog(logPath: string): LogFacts {
  const text = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
  const lines = text.split('\n');
  // A line cut short by the kill (no newline yet) cannot exist: writeSync writes whole lines, but
  // be strict anyway and ignore only a final empty string.
  if (lines.at(-1) === '') lines.pop();
  let lastRenamed: string | null = null;
  let inFlight: string | null = null;
  let renames = 0;
  let flushes = 0;
  for (const line of lines) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'writing' && a) {
      if (inFlight !== null) throw new Error(`Two renames of the product file overlapped: ${inFlight} and ${a}`);
      inFlight = a;
    } else if (kind === 'renamed' && a) {
      if (a !== inFlight) throw new Error(`"renamed ${a}" without "writing ${a}" before it`);
      inFlight = null;
      lastRenamed = a;
      renames += 1;
    } else if (kind === 'flushed' && a && b) {
      // What a resolved flush reports as saved is exactly what the child holds, and is on disk.
      if (b !== lastRenamed) throw new Error(`flush of revision ${a} resolved, but the last completed write was ${lastRenamed ?? 'none'}, not the product (${b})`);
      flushes += 1;
    } else {
      throw new Error(`Unexpected log line: ${JSON.stringify(line)}`);
    }
  }
  return { lastRenamed, inFlight, renames, flushes };
}

function tempFilesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => isTempFileName(name)) : [];
}

/** Run `kills` kill-and-check rounds on one folder. Throws with the seed and round on the first failure. */
export async function runKillTest(bundle: string, options: KillRunOptions): Promise<KillRunStats> {
  const root = mkdtempSync(join(tmpdir(), 'pm-kill-'));
  const folder = join(root, 'workspace');
  mkdirSync(folder);
  const file = join(folder, `${PRODUCT_ID}.product.json`);
  const initial = serializeProduct(startProduct());
  writeFileSync(file, initial);
  let onDisk = sha256(initial);

  const rng = mulberry32(options.seed);
  const maxDelayMs = options.maxDelayMs ?? 200;
  const earlyShare = options.earlyKillShare ?? 0.1;
  const stats: KillRunStats = { kills: 0, landedInFlight: 0, inFlightAtKill: 0, tempFilesLeft: 0, writesCompleted: 0, flushes: 0, earlyKills: 0, elapsedMs: 0, childMs: 0, checkMs: 0 };
  const started = Date.now();
  try {
    for (let round = 0; round < options.kills; round += 1) {
      const childSeed = randInt(rng, 1, 2 ** 31 - 1);
      const early = rng() < earlyShare;
      const delayMs = early ? randInt(rng, 0, 250) : randInt(rng, 0, maxDelayMs);
      const logPath = join(root, `round-${round}.log`);
      const where = `kill round ${round} (seed ${options.seed}, child seed ${childSeed}, ${early ? 'early ' : ''}delay ${delayMs} ms)`;

      const childStart = Date.now();
      const args = [folder, PRODUCT_ID, String(childSeed), logPath, ...(options.unsafeWriter ? ['unsafe'] : [])];
      const run = await runAndKill(bundle, args, delayMs, early);
      stats.childMs += Date.now() - childStart;
      const checkStart = Date.now();
      if (run.exitedOnItsOwn) {
        throw new Error(`${where}: the child exited by itself with code ${String(run.exitedOnItsOwn.code)}: ${run.exitedOnItsOwn.stderr}`);
      }
      if (!run.wasReady) stats.earlyKills += 1;

      let facts: LogFacts;
      try {
        facts = readLog(logPath);
      } catch (error) {
        throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      rmSync(logPath, { force: true });
      const lastComplete = facts.lastRenamed ?? onDisk;
      const bytes = readFileSync(file);
      const hash = sha256(bytes);
      const accepted = [lastComplete, ...(facts.inFlight ? [facts.inFlight] : [])];
      if (!accepted.includes(hash)) {
        throw new Error(`${where}: the file (${bytes.length} bytes, sha256 ${hash}) is neither the last completed version ${lastComplete} nor the one in flight ${facts.inFlight ?? '(none)'}`);
      }
      const text = bytes.toString('utf8');
      const parsed = parseProductText(text);
      if (!parsed.ok) throw new Error(`${where}: the file does not parse: ${parsed.reason}`);
      if (serializeProduct(parsed.product) !== text) throw new Error(`${where}: the file is valid but not canonical`);
      const backup = join(folder, '.backups', `${PRODUCT_ID}.product.json.bak`);
      if (existsSync(backup)) {
        const backupParsed = parseProductText(readFileSync(backup, 'utf8'));
        if (!backupParsed.ok) throw new Error(`${where}: the backup does not parse: ${backupParsed.reason}`);
      }

      if (facts.inFlight) stats.inFlightAtKill += 1;
      if (facts.inFlight && hash === facts.inFlight) stats.landedInFlight += 1;
      stats.writesCompleted += facts.renames;
      stats.flushes += facts.flushes;
      const temps = tempFilesIn(folder).length + tempFilesIn(join(folder, '.backups')).length;
      if (temps > 0) stats.tempFilesLeft += 1;

      // The next start opens it without help, and clears the kills' temp files at once: the
      // process named in their names is gone.
      const service = await createWorkspaceService({ folder, samplesFolder: join(root, 'no-samples') }, { pollIntervalMs: 0, useFsWatch: false });
      try {
        const { products } = await service['products.list']({});
        if (products.length !== 1 || products[0]?.status !== 'ok') throw new Error(`${where}: the fresh start lists ${JSON.stringify(products)}`);
        const opened = await service['product.open']({ id: PRODUCT_ID });
        if (serializeProduct(opened.product) !== text) throw new Error(`${where}: the fresh start opened something other than the file`);
      } finally {
        await service.close();
      }
      const leftover = [...tempFilesIn(folder), ...tempFilesIn(join(folder, '.backups'))];
      if (leftover.length > 0) throw new Error(`${where}: start-up left stale temp files: ${leftover.join(', ')}`);
      if (!readFileSync(file).equals(bytes)) throw new Error(`${where}: opening and closing changed the file`);
      onDisk = hash;
      stats.kills += 1;
      stats.checkMs += Date.now() - checkStart;
    }
  } finally {
    stats.elapsedMs = Date.now() - started;
    rmSync(root, { recursive: true, force: true });
  }
  return stats;
}

/** One line for the test output and the README figures. */
export function describeKillStats(stats: KillRunStats): string {
  return (
    `${stats.kills} SIGKILLs survived in ${(stats.elapsedMs / 1000).toFixed(1)} s ` +
    `(children ${(stats.childMs / 1000).toFixed(1)} s, checks ${(stats.checkMs / 1000).toFixed(1)} s) ` +
    `(${stats.writesCompleted} completed writes, ${stats.flushes} flushes, ${stats.inFlightAtKill} kills during a rename ` +
    `[${stats.landedInFlight} landed], ${stats.tempFilesLeft} kills left a temp file behind, ${stats.earlyKills} during start-up); nothing lost`
  );
}
