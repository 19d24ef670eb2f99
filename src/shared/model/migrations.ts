/**
 * Versioned migrations of product files (as tldraw's store does for its records): each step turns
 * a file of version N into version N+1, and `migrateToCurrent` runs the chain. Files newer than this
 * app are refused with a clear message rather than guessed at.
 */
import { ranksBetween } from './rank';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { isPlainRecord } from './schemaChecks';

type Json = Record<string, unknown>;


function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Map `value` if it is a list; anything else is passed on unchanged, so that a damaged file is
 * refused by the schema with the field's path instead of being loaded with that list emptied.
 */
function mapList(value: unknown, f: (item: unknown, index: number) => unknown): unknown {
  return Array.isArray(value) ? value.map(f) : value;
}

/** An id made of a base and a suffix that stays within the 64-character id limit. */
function idWithSuffix(base: string, suffix: string): string {
  return `${base.slice(0, 64 - suffix.length)}${suffix}`;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * v1 → v2:
 * - stories: `points` became `estimate`; `acceptanceCriteria` was one newline-separated string and
 *   is now a list of `{ id, text }`; `rice` moved under `scores.rice`; order was the array order and
 *   is now a fractional-index `rank`.
 * - board columns: `limit` became `wipLimit`.
 * - roadmap items: `column` (now/next/later) became `horizon`, and they gained a `rank`.
 */
function v1ToV2(doc: Json): Json {
  const storyRanks = ranksBetween(null, null, asArray(doc['stories']).length);
  const migratedStories = mapList(doc['stories'], (raw, index) => {
    if (!isPlainRecord(raw)) return raw;
    const { points, acceptanceCriteria, rice, ...rest } = raw;
    const criteria =
      typeof acceptanceCriteria === 'string'
        ? acceptanceCriteria
            .split(/\r?\n/)
            .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
            .filter((line) => line.length > 0)
            .map((text, i) => ({ id: idWithSuffix(typeof raw['id'] === 'string' ? raw['id'] : 'story', `-ac${i + 1}`), text }))
        : acceptanceCriteria;
    const story: Json = {
      ...rest,
      estimate: typeof points === 'number' ? points : null,
      acceptanceCriteria: criteria,
      rank: typeof rest['rank'] === 'string' ? rest['rank'] : storyRanks[index],
    };
    if (isPlainRecord(rice)) story['scores'] = { rice };
    return story;
  });

  const board = doc['board'];
  const columns = mapList(isPlainRecord(board) ? board['columns'] : undefined, (raw) => {
    if (!isPlainRecord(raw)) return raw;
    const { limit, ...rest } = raw;
    return { ...rest, wipLimit: typeof limit === 'number' && limit > 0 ? limit : null };
  });

  const roadmap = doc['roadmap'];
  const itemRanks = ranksBetween(null, null, asArray(isPlainRecord(roadmap) ? roadmap['items'] : undefined).length);
  const migratedItems = mapList(isPlainRecord(roadmap) ? roadmap['items'] : undefined, (raw, index) => {
    if (!isPlainRecord(raw)) return raw;
    const { column, ...rest } = raw;
    return {
      ...rest,
      horizon: typeof column === 'string' ? column : (rest['horizon'] ?? 'later'),
      rank: typeof rest['rank'] === 'string' ? rest['rank'] : itemRanks[index],
    };
  });

  const migrated: Json = { ...doc, schemaVersion: 2 };
  if (doc['stories'] !== undefined) migrated['stories'] = migratedStories;
  if (isPlainRecord(board) && board['columns'] !== undefined) migrated['board'] = { ...board, columns };
  if (isPlainRecord(roadmap) && roadmap['items'] !== undefined) migrated['roadmap'] = { ...roadmap, items: migratedItems };
  return migrated;
}

/** `MIGRATIONS[n]` turns version n into version n + 1. */
const MIGRATIONS: Record<number, (doc: Json) => Json> = {
  1: v1ToV2,
};

export interface MigrationResult {
  doc: Json;
  fromVersion: number;
  migrated: boolean;
}

/** Bring a parsed JSON document up to `CURRENT_SCHEMA_VERSION`, or throw a `MigrationError`. */
export function migrateToCurrent(input: unknown): MigrationResult {
  if (!isPlainRecord(input)) throw new MigrationError('The file is not a JSON object.');
  const version = input['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new MigrationError('The file has no valid "schemaVersion" (a whole number from 1).');
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new MigrationError(
      `The file was written by a newer version of the app (schemaVersion ${version}; this app reads up to ${CURRENT_SCHEMA_VERSION}). Update the app to open it.`,
    );
  }
  let doc = input;
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v += 1) {
    const step = MIGRATIONS[v];
    if (!step) throw new MigrationError(`No migration from schemaVersion ${v}.`);
    doc = step(doc);
  }
  return { doc, fromVersion: version, migrated: version !== CURRENT_SCHEMA_VERSION };
}
