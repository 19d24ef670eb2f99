/**
 * Versions of a product the app set aside rather than lose: the learner's unsaved edits when they
 * took the version on disk during a conflict, or when the service closed with a product in
 * conflict. They stay in `<workspace>/.backups/recovered/` until the learner deletes them; nothing
 * here ever removes one on its own, and a file that no longer reads is listed as broken, not
 * dropped.
 *
 *   <id>.<13-digit ms>.product.json   the version: a plain product file (diff it, check it with
 *                                     the command line, open it in an editor)
 *   <id>.<13-digit ms>.reason.json    `{ "reason", "savedAt" }`: why and when
 *
 * The reason is a sidecar rather than a field in the product so the version stays exactly a
 * product file. The sidecar is written first: a crash in between leaves a sidecar without a
 * version (ignored) rather than a version without its reason. A version whose sidecar is missing
 * or unreadable is still listed, with a general reason and the time in its name.
 *
 * Older versions of the app kept one `.backups/<id>.discarded.product.json.bak` per product (each
 * discard replaced the last); those are listed too, as `<id>.discarded`, and can be restored and
 * deleted, but are never written.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ApiError, type RecoveredVersionSchema } from '../../shared/api/contract';
import { serializeProduct } from '../../shared/model/productFile';
import { LIMITS, ProductIdSchema, type Product } from '../../shared/model/schema';
import { atomicWrite } from './atomicWrite';
import { readDiskProduct } from './diskProduct';
import { ensureRealFolder } from './ensureFolder';
import { errorCode, type FsAdapter } from './fsAdapter';
import { describeFsError, toApiError } from './fsErrors';
import { Mutex } from './mutex';
import { BACKUP_DIR, childPath, PRODUCT_SUFFIX, RECOVERED_DIR, trashTimestamp } from './paths';
import { lstatOrNull, readFolder } from './workspaceListing';

export type RecoveredVersion = z.infer<typeof RecoveredVersionSchema>;

/** The sentences the app gives as reasons (the learner reads them on the start screen). */
export const RECOVERY_REASONS = {
  tookDiskVersion: 'Set aside when you took the version on disk',
  serviceClosed: 'Unsaved edits kept when the workspace service closed while the file had been changed on disk',
  legacy: 'Set aside when you took the version on disk (kept by an earlier version of the app)',
  unknown: 'Set aside by the app (the note saying why could not be read)',
} as const;

const REASON_SUFFIX = '.reason.json';
const LEGACY_SUFFIX = '.discarded.product.json.bak';
const LEGACY_STAMP = 'discarded';
const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const RECOVERY_ID = new RegExp(`^(${ID})\\.(\\d{13}|${LEGACY_STAMP})$`);
const VERSION_NAME = new RegExp(`^(${ID})\\.(\\d{13})\\.product\\.json$`);
const LEGACY_NAME = new RegExp(`^(${ID})\\.discarded\\.product\\.json\\.bak$`);

const SidecarSchema = z.object({ reason: z.string().min(1).max(LIMITS.shortText), savedAt: z.number().finite() });

/** `<workspace>/.backups/recovered`. */
export function recoveredFolder(folder: string): string {
  return join(resolve(folder), BACKUP_DIR, RECOVERED_DIR);
}

interface ParsedId {
  productId: string;
  /** The 13-digit time, or null for a legacy `.discarded` file. */
  stamp: string | null;
}

/** The parts of a recovery id; `bad-request` for anything else (the only thing paths come from). */
function parseRecoveryId(recoveryId: string): ParsedId {
  const match = typeof recoveryId === 'string' ? RECOVERY_ID.exec(recoveryId) : null;
  if (!match?.[1] || !match[2] || !ProductIdSchema.safeParse(match[1]).success) {
    throw new ApiError('bad-request', 'That is not a recovered version id.');
  }
  return { productId: match[1], stamp: match[2] === LEGACY_STAMP ? null : match[2] };
}

/** The file of a recovered version (built by `childPath`, so it sits directly in its folder). */
export function recoveredVersionPath(folder: string, recoveryId: string): string {
  const { productId, stamp } = parseRecoveryId(recoveryId);
  if (stamp === null) return childPath(join(resolve(folder), BACKUP_DIR), productId, LEGACY_SUFFIX);
  return childPath(recoveredFolder(folder), productId, `.${stamp}${PRODUCT_SUFFIX}`);
}

function sidecarPath(folder: string, productId: string, stamp: string): string {
  return childPath(recoveredFolder(folder), productId, `.${stamp}${REASON_SUFFIX}`);
}

/** Saves in this process run one at a time, so two of them never pick the same name. */
const saving = new Mutex();

/**
 * Keep `product` as a set-aside version, crash-safely, under a name no other version has (two in
 * the same millisecond get consecutive times). `now` is the time it is set aside (ms).
 */
export function saveRecoveredVersion(fs: FsAdapter, folder: string, product: Product, reason: string, now: number): Promise<RecoveredVersion> {
  const productId = ProductIdSchema.parse(product.id);
  const text = serializeProduct(product);
  const note = SidecarSchema.parse({ reason: reason.slice(0, LIMITS.shortText), savedAt: now });
  return saving.run(async () => {
    const dir = recoveredFolder(folder);
    await ensureRealFolder(fs, join(resolve(folder), BACKUP_DIR));
    await ensureRealFolder(fs, dir);
    let ms = Math.trunc(now);
    const free = async (stamp: string): Promise<boolean> =>
      (await lstatOrNull(fs, recoveredVersionPath(folder, `${productId}.${stamp}`))) === null && (await lstatOrNull(fs, sidecarPath(folder, productId, stamp))) === null;
    while (!(await free(trashTimestamp(ms)))) ms += 1;
    const stamp = trashTimestamp(ms);
    const recoveryId = `${productId}.${stamp}`;
    const target = recoveredVersionPath(folder, recoveryId);
    const sidecar = sidecarPath(folder, productId, stamp);
    await atomicWrite(fs, sidecar, Buffer.from(`${JSON.stringify(note, null, 2)}\n`, 'utf8'));
    try {
      // Another copy of the app may have taken the name meanwhile: never replace a version.
      await atomicWrite(fs, target, Buffer.from(text, 'utf8'), {
        beforeReplace: async () => {
          if ((await lstatOrNull(fs, target)) !== null) throw new ApiError('exists', `A recovered version named "${recoveryId}" already exists.`);
        },
      });
    } catch (error) {
      await fs.unlink(sidecar).catch(() => undefined);
      throw error;
    }
    return { status: 'ok', recoveryId, productId, name: product.name, storyCount: product.stories.length, savedAt: note.savedAt, reason: note.reason };
  });
}

/** True when `dir` is a real folder (not a link, not a file): only then is it listed or read from. */
async function isRealFolder(fs: FsAdapter, dir: string): Promise<boolean> {
  const stats = await lstatOrNull(fs, dir).catch(() => null);
  return stats !== null && stats.isDirectory && !stats.isSymbolicLink;
}

async function namesIn(fs: FsAdapter, dir: string): Promise<string[]> {
  if (!(await isRealFolder(fs, dir))) return [];
  return (await readFolder(fs, dir)).map((d) => d.name);
}

async function readSidecar(fs: FsAdapter, path: string): Promise<z.infer<typeof SidecarSchema> | null> {
  try {
    const stats = await fs.lstat(path);
    if (!stats.isFile || stats.size > 64 * 1024) return null;
    const parsed = SidecarSchema.safeParse(JSON.parse((await fs.readFile(path)).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One listed version: its summary, or broken with what is wrong. Never throws. */
async function describeVersion(fs: FsAdapter, path: string, recoveryId: string, productId: string, savedAt: number, reason: string): Promise<RecoveredVersion | null> {
  const broken = (problem: string): RecoveredVersion => ({ status: 'broken', recoveryId, productId, savedAt, reason, problem, path });
  try {
    const disk = await readDiskProduct(fs, path, productId);
    if (disk.kind === 'missing') return null;
    if (disk.kind === 'broken') return broken(disk.reason);
    return { status: 'ok', recoveryId, productId, name: disk.product.name, storyCount: disk.product.stories.length, savedAt, reason };
  } catch (error) {
    return broken(`The file could not be read: ${describeFsError(error)}.`);
  }
}

/**
 * Every set-aside version, newest first: those in `.backups/recovered/` and the legacy
 * `.discarded` files. Files that do not read are listed as broken and left as they are.
 */
export async function listRecoveredVersions(fs: FsAdapter, folder: string): Promise<RecoveredVersion[]> {
  const out: (RecoveredVersion | null)[] = [];
  const dir = recoveredFolder(folder);
  for (const name of await namesIn(fs, dir)) {
    const match = VERSION_NAME.exec(name);
    if (!match?.[1] || !match[2] || !ProductIdSchema.safeParse(match[1]).success) continue;
    const [productId, stamp] = [match[1], match[2]];
    const note = await readSidecar(fs, sidecarPath(folder, productId, stamp));
    out.push(await describeVersion(fs, join(dir, name), `${productId}.${stamp}`, productId, note?.savedAt ?? Number(stamp), note?.reason ?? RECOVERY_REASONS.unknown));
  }
  const backups = join(resolve(folder), BACKUP_DIR);
  for (const name of await namesIn(fs, backups)) {
    const productId = LEGACY_NAME.exec(name)?.[1];
    if (!productId || !ProductIdSchema.safeParse(productId).success) continue;
    const path = join(backups, name);
    const stats = await lstatOrNull(fs, path).catch(() => null);
    if (stats === null) continue;
    out.push(await describeVersion(fs, path, `${productId}.${LEGACY_STAMP}`, productId, stats.mtimeMs, RECOVERY_REASONS.legacy));
  }
  return out.filter((e): e is RecoveredVersion => e !== null).sort((a, b) => b.savedAt - a.savedAt || (a.recoveryId < b.recoveryId ? 1 : -1));
}

/** The folder a recovered version's file is in, if it is a real folder; otherwise the version is not there. */
async function assertFolderOf(fs: FsAdapter, folder: string, stamp: string | null): Promise<void> {
  const backups = join(resolve(folder), BACKUP_DIR);
  const ok = (await isRealFolder(fs, backups)) && (stamp === null || (await isRealFolder(fs, recoveredFolder(folder))));
  if (!ok) throw new ApiError('not-found', 'That recovered version is no longer there.');
}

/** The product of a recovered version; `not-found` if it is gone, `broken-file` if it does not read. */
export async function readRecoveredVersion(fs: FsAdapter, folder: string, recoveryId: string): Promise<Product> {
  const { productId, stamp } = parseRecoveryId(recoveryId);
  const path = recoveredVersionPath(folder, recoveryId);
  await assertFolderOf(fs, folder, stamp);
  let disk;
  try {
    disk = await readDiskProduct(fs, path, productId);
  } catch (error) {
    throw toApiError(error, 'reading the recovered version');
  }
  if (disk.kind === 'missing') throw new ApiError('not-found', 'That recovered version is no longer there.');
  if (disk.kind === 'broken') throw new ApiError('broken-file', `The recovered version cannot be restored: ${disk.reason}`);
  return disk.product;
}

/** Delete one recovered version (and its note) for good; `not-found` if it is already gone. */
export async function deleteRecoveredVersion(fs: FsAdapter, folder: string, recoveryId: string): Promise<void> {
  const { productId, stamp } = parseRecoveryId(recoveryId);
  const path = recoveredVersionPath(folder, recoveryId);
  await assertFolderOf(fs, folder, stamp);
  try {
    const stats = await lstatOrNull(fs, path);
    if (stats === null) throw new ApiError('not-found', 'That recovered version is no longer there.');
    // unlink removes a link itself, never what it points to; a folder is not ours to remove.
    if (stats.isDirectory) throw new ApiError('broken-file', 'That recovered version is a folder, not a file; the app leaves it as it is.');
    await fs.unlink(path);
    if (stamp !== null) {
      await fs.unlink(sidecarPath(folder, productId, stamp)).catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT') throw error;
      });
    }
    await fs.fsyncDir(stamp === null ? join(resolve(folder), BACKUP_DIR) : recoveredFolder(folder));
  } catch (error) {
    throw toApiError(error, 'deleting the recovered version');
  }
}
