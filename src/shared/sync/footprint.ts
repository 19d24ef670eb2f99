/**
 * What a change touched, field by field: the footprint of going from one product to another. Two
 * writers conflict only where their footprints meet — the same field of the same entity — so two
 * windows editing different stories (or different fields of one story) never bother the learner.
 *
 * Found by comparing the two products rather than by reading each edit type: `applyEdit` shares
 * every untouched object, so comparing identities first makes the walk cheap after an edit, and the
 * same function also measures a change made on disk by another program (where nothing is shared).
 */
import { sameJson } from '../model/sameJson';
import type { Product } from '../model/schema';

/** `entity key → fields` (`*`: the entity was added or removed; `#order`: the list was reordered). */
export type Footprint = Map<string, Set<string>>;

export const WHOLE = '*';
export const ORDER = '#order';

interface Identified {
  id: string;
}

/** The entity lists of a product, each with the key prefix its entities get. */
export const ENTITY_LISTS = [
  { key: 'persona', get: (p: Product): readonly Identified[] => p.personas },
  { key: 'goal', get: (p: Product): readonly Identified[] => p.goals },
  { key: 'epic', get: (p: Product): readonly Identified[] => p.epics },
  { key: 'story', get: (p: Product): readonly Identified[] => p.stories },
  { key: 'column', get: (p: Product): readonly Identified[] => p.board.columns },
  { key: 'lane', get: (p: Product): readonly Identified[] => p.roadmap.lanes },
  { key: 'roadmapItem', get: (p: Product): readonly Identified[] => p.roadmap.items },
  { key: 'milestone', get: (p: Product): readonly Identified[] => p.roadmap.milestones },
  { key: 'spec', get: (p: Product): readonly Identified[] => p.specs },
] as const;

export type EntityKind = (typeof ENTITY_LISTS)[number]['key'];

/** The single records of a product (their fields are compared one by one), minus their lists. */
export const RECORDS = [
  { key: 'product', get: (p: Product): object => p, skip: ['vision', 'personas', 'goals', 'epics', 'stories', 'board', 'roadmap', 'specs', 'prioritization', 'practice'] },
  { key: 'vision', get: (p: Product): object => p.vision, skip: [] },
  { key: 'board', get: (p: Product): object => p.board, skip: ['columns'] },
  { key: 'roadmap', get: (p: Product): object => p.roadmap, skip: ['lanes', 'items', 'milestones'] },
  { key: 'prioritization', get: (p: Product): object => p.prioritization, skip: [] },
  { key: 'practice', get: (p: Product): object => p.practice, skip: [] },
] as const;

/** Equal as JSON values, whatever the key order (a file read from disk orders keys its own way). */
export function sameValue(a: unknown, b: unknown): boolean {
  return sameJson(a, b, false);
}

function mark(footprint: Footprint, entity: string, field: string): void {
  let fields = footprint.get(entity);
  if (!fields) {
    fields = new Set();
    footprint.set(entity, fields);
  }
  fields.add(field);
}

function compareFields(footprint: Footprint, entity: string, before: object, after: object, skip: readonly string[] = []): void {
  if (before === after) return;
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (skip.includes(key)) continue;
    if (!sameValue(a[key], b[key])) mark(footprint, entity, key);
  }
}

function compareList(footprint: Footprint, kind: string, before: readonly Identified[], after: readonly Identified[]): void {
  if (before === after) return;
  let byId: Map<string, Identified> | null = null;
  for (let i = 0; i < after.length; i += 1) {
    const entity = after[i] as Identified;
    const atSamePlace = before[i];
    if (atSamePlace === entity) continue;
    // Usually an edit replaces an entity where it was: no need to look it up.
    if (atSamePlace?.id === entity.id && byId === null) {
      compareFields(footprint, `${kind}:${entity.id}`, atSamePlace, entity);
      continue;
    }
    byId ??= new Map(before.map((e) => [e.id, e]));
    const old = byId.get(entity.id);
    if (old === undefined) mark(footprint, `${kind}:${entity.id}`, WHOLE);
    else compareFields(footprint, `${kind}:${entity.id}`, old, entity);
  }
  if (byId === null && before.length === after.length) return;
  const afterIds = new Set(after.map((e) => e.id));
  for (const entity of before) if (!afterIds.has(entity.id)) mark(footprint, `${kind}:${entity.id}`, WHOLE);
  // The order of the entities both versions have: a reorder is a change of its own.
  const beforeIds = new Set(before.map((e) => e.id));
  const keptBefore = before.filter((e) => afterIds.has(e.id)).map((e) => e.id);
  const keptAfter = after.filter((e) => beforeIds.has(e.id)).map((e) => e.id);
  if (keptBefore.some((id, i) => keptAfter[i] !== id)) mark(footprint, kind, ORDER);
}

/** Every field that differs between `before` and `after`. */
export function changedFields(before: Product, after: Product): Footprint {
  const footprint: Footprint = new Map();
  if (before === after) return footprint;
  for (const record of RECORDS) compareFields(footprint, record.key, record.get(before), record.get(after), record.skip);
  for (const list of ENTITY_LISTS) compareList(footprint, list.key, list.get(before), list.get(after));
  return footprint;
}

/** Add `other`'s fields to `into`. */
export function addFootprint(into: Footprint, other: Footprint): Footprint {
  for (const [entity, fields] of other) for (const field of fields) mark(into, entity, field);
  return into;
}

export interface FieldRef {
  /** `story:st-1`, `vision`, `column` (for its order), … */
  entity: string;
  /** A property name, `*` for the whole entity, or `#order`. */
  field: string;
}

/**
 * Where two footprints meet: the same field of the same entity, or an entity one side added or
 * removed while the other changed it.
 */
export function overlap(mine: Footprint, theirs: Footprint): FieldRef[] {
  const found: FieldRef[] = [];
  for (const [entity, fields] of mine) {
    const other = theirs.get(entity);
    if (!other) continue;
    if (fields.has(WHOLE) || other.has(WHOLE)) {
      found.push({ entity, field: WHOLE });
      continue;
    }
    for (const field of fields) if (other.has(field)) found.push({ entity, field });
  }
  return found;
}

/** A footprint made from plain data (the inverse of `footprintEntries`). */
export function footprintFrom(refs: readonly FieldRef[]): Footprint {
  const footprint: Footprint = new Map();
  for (const { entity, field } of refs) mark(footprint, entity, field);
  return footprint;
}

/** A footprint as plain data (for the wire and for tests). */
export function footprintEntries(footprint: Footprint): FieldRef[] {
  return [...footprint].flatMap(([entity, fields]) => [...fields].map((field) => ({ entity, field })));
}
