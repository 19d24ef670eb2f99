/**
 * Where things live: the default workspace folder, the samples folder, and the layout inside a
 * workspace. Every path to a product file is built here from a validated id and a fixed suffix,
 * and checked to sit directly inside the folder it belongs to (defence in depth: ids are already
 * validated at the API boundary).
 *
 * Workspace layout:
 *   <folder>/<id>.product.json                       the products
 *   <folder>/.backups/<id>.product.json.bak          the last good version before a save session
 *   <folder>/.backups/<id>.v<N>.product.json.bak     the original of a file migrated from version N
 *   <folder>/.trash/<id>.<13-digit ms>.product.json  deleted products (trash id `<id>.<ms>`)
 *   <folder>/.backups/recovered/<id>.<13-digit ms>.product.json   versions the app set aside
 *                                                    (recovery id `<id>.<ms>`; see recoveredVersions)
 *   <folder>/.backups/recovered/<id>.<13-digit ms>.reason.json    why and when it was set aside
 *   <folder>/.backups/<id>.discarded.product.json.bak  the one set-aside version of older app versions
 *   <folder>/.<name>.<pid>.<random>.tmp              a write in progress (see atomicWrite)
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ApiError } from '../../shared/api/contract';
import { isPortableFileName, portableFileNameProblem } from '../../shared/model/portableFileName';
import { ProductIdSchema } from '../../shared/model/schema';

export const PRODUCT_SUFFIX = '.product.json';
export const TRASH_DIR = '.trash';
export const BACKUP_DIR = '.backups';
/** Inside `BACKUP_DIR`: versions the app set aside rather than lose (see recoveredVersions.ts). */
export const RECOVERED_DIR = 'recovered';
/** Exports are written to `<workspace>/exports/<productId>/`. */
export const EXPORTS_DIR = 'exports';
export const WORKSPACE_ENV = 'PM_WORKSPACE_DIR';

/** `<home>/Documents/PM Practice Workspace`, or `$PM_WORKSPACE_DIR` when set. */
export function defaultWorkspaceFolder(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const fromEnv = env[WORKSPACE_ENV]?.trim();
  if (fromEnv) return resolve(fromEnv);
  return join(home, 'Documents', 'PM Practice Workspace');
}

/**
 * The samples folder for an app whose code is in `baseDir`: `resources/samples` in `baseDir` or one
 * of its ancestors (dev: the repo root; built: `out/main/../..`), or `<baseDir>/samples` (packaged:
 * pass Electron's resources path).
 * Falls back to `<baseDir>/resources/samples` when none exists, which lists as "no samples".
 */
export function findSamplesFolder(baseDir: string): string {
  let dir = resolve(baseDir);
  if (isDirectory(join(dir, 'samples'))) return join(dir, 'samples');
  for (let i = 0; i < 5; i += 1) {
    const candidate = join(dir, 'resources', 'samples');
    if (isDirectory(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(resolve(baseDir), 'resources', 'samples');
}

function isDirectory(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Throws `bad-request` unless `id` is a valid product id. */
export function checkProductId(id: string): string {
  const parsed = ProductIdSchema.safeParse(id);
  if (!parsed.success) throw new ApiError('bad-request', `"${id.slice(0, 80)}" is not a valid product id.`);
  return parsed.data;
}

/** `<dir>/<id><suffix>`, refusing anything that would not land directly inside `dir`. */
export function childPath(dir: string, id: string, suffix: string): string {
  const safeId = checkProductId(id);
  const root = resolve(dir);
  const path = resolve(root, `${safeId}${suffix}`);
  if (dirname(path) !== root) throw new ApiError('bad-request', 'That path is outside the workspace folder.');
  return path;
}

export function productFileName(id: string): string {
  return `${checkProductId(id)}${PRODUCT_SUFFIX}`;
}

export function productPath(folder: string, id: string): string {
  return childPath(folder, id, PRODUCT_SUFFIX);
}

export function backupPath(folder: string, id: string): string {
  return childPath(join(resolve(folder), BACKUP_DIR), id, `${PRODUCT_SUFFIX}.bak`);
}

/** The untouched original of a file migrated from `fromVersion`, kept once and never replaced. */
export function migrationBackupPath(folder: string, id: string, fromVersion: number): string {
  return childPath(join(resolve(folder), BACKUP_DIR), id, `.v${Math.trunc(fromVersion)}${PRODUCT_SUFFIX}.bak`);
}

/** Throws `bad-request` unless `segment` is a file or folder name every system accepts (see portableFileName). */
export function checkPortableFileName(segment: string): string {
  const problem = portableFileNameProblem(segment);
  if (problem !== null) throw new ApiError('bad-request', problem);
  return segment;
}

/**
 * Whether a new product may take `id`: its file name (and the names derived from it) must be
 * portable, so "con" becomes "con-2". Ids are otherwise valid; existing files keep theirs.
 */
export function isPortableProductId(id: string): boolean {
  return isPortableFileName(productFileName(id));
}

/** The product id of a file name `<id>.product.json`, or null if the name is not of that form. */
export function productIdOfFileName(name: string): string | null {
  if (!name.endsWith(PRODUCT_SUFFIX)) return null;
  const stem = name.slice(0, -PRODUCT_SUFFIX.length);
  return ProductIdSchema.safeParse(stem).success ? stem : null;
}

const TRASH_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(\d{13})\.product\.json$/;

/** `<folder>/.trash/<id>.<ms>.product.json` for a trash id `<id>.<ms>`. */
export function trashPath(folder: string, trashId: string): string {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(\d{13})$/.exec(trashId);
  if (!match?.[1] || !match[2]) throw new ApiError('bad-request', 'That is not a trash entry id.');
  return childPath(join(resolve(folder), TRASH_DIR), match[1], `.${match[2]}${PRODUCT_SUFFIX}`);
}

/** The parts of a trash file name, or null if it is not one. */
export function parseTrashFileName(name: string): { trashId: string; productId: string; deletedAt: number } | null {
  const match = TRASH_NAME.exec(name);
  if (!match?.[1] || !match[2]) return null;
  if (!ProductIdSchema.safeParse(match[1]).success) return null;
  return { trashId: `${match[1]}.${match[2]}`, productId: match[1], deletedAt: Number(match[2]) };
}

/** A 13-digit millisecond timestamp (valid until the year 2286). */
export function trashTimestamp(ms: number): string {
  return String(Math.max(1e12, Math.trunc(ms))).padStart(13, '0').slice(-13);
}
