/**
 * A conflict as the learner reads it: which field of which story (or epic, goal, …) two writers
 * both changed, with both values in words, so the choice "keep mine / keep theirs" is informed.
 */
import type { Product } from '../model/schema';
import { ENTITY_LISTS, ORDER, WHOLE, type FieldRef } from './footprint';

export interface FieldConflict extends FieldRef {
  /** `Story “Pay by card”`, `Vision`, `Board columns`. */
  where: string;
  /** `Title`, `So that`, `the whole story`, `their order`. */
  what: string;
  /** The value the other writer left, in words. */
  theirs: string;
  /** This writer's value, in words. */
  mine: string;
}

const NOUNS: Record<string, string> = {
  persona: 'Persona',
  goal: 'Goal',
  epic: 'Epic',
  story: 'Story',
  column: 'Column',
  lane: 'Lane',
  roadmapItem: 'Roadmap item',
  milestone: 'Milestone',
  spec: 'Spec',
  product: 'Product',
  vision: 'Vision',
  board: 'Board',
  roadmap: 'Roadmap',
  prioritization: 'Prioritisation',
  practice: 'Practice',
};

const FIELD_NAMES: Record<string, string> = {
  asA: 'As a',
  iWant: 'I want',
  soThat: 'So that',
  acceptanceCriteria: 'Acceptance criteria',
  epicId: 'Epic',
  goalId: 'Goal',
  laneId: 'Lane',
  status: 'Status / column',
  rank: 'Position',
  wipLimit: 'WIP limit',
  definitionOfReady: 'Definition of Ready',
  splitThreshold: 'Split threshold',
  targetUsers: 'Target users',
  linkedStoryIds: 'Linked stories',
  storyIds: 'Stories',
  epicIds: 'Epics',
  dependsOn: 'Depends on',
};

const MAX_VALUE_CHARS = 240;

function fieldName(field: string): string {
  const known = FIELD_NAMES[field];
  if (known) return known;
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function clip(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** A field's value in words: text as it is, lists joined, nothing as "(empty)". */
export function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return clip(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '(empty)';
    return clip(value.map((v) => (typeof v === 'object' && v !== null && 'text' in v ? String((v as { text: unknown }).text) : valueInWords(v))).join('; '));
  }
  return clip(JSON.stringify(value));
}

function splitEntity(entity: string): { kind: string; id: string | null } {
  const colon = entity.indexOf(':');
  return colon < 0 ? { kind: entity, id: null } : { kind: entity.slice(0, colon), id: entity.slice(colon + 1) };
}

function findEntity(product: Product, kind: string, id: string): Record<string, unknown> | undefined {
  const list = ENTITY_LISTS.find((l) => l.key === kind);
  return list?.get(product).find((e) => e.id === id) as Record<string, unknown> | undefined;
}

function titleOf(entity: Record<string, unknown> | undefined): string | null {
  const title = entity?.['title'] ?? entity?.['name'];
  return typeof title === 'string' && title.length > 0 ? title : null;
}

function recordOf(product: Product, kind: string): Record<string, unknown> | undefined {
  switch (kind) {
    case 'product':
      return product as unknown as Record<string, unknown>;
    case 'vision':
    case 'board':
    case 'roadmap':
    case 'prioritization':
    case 'practice':
      return product[kind] as unknown as Record<string, unknown>;
    default:
      return undefined;
  }
}

/** Each meeting point of two writers, described with both values. */
export function describeConflicts(refs: readonly FieldRef[], theirs: Product, mine: Product): FieldConflict[] {
  return refs.map((ref) => {
    const { kind, id } = splitEntity(ref.entity);
    const noun = NOUNS[kind] ?? kind;
    if (id === null) {
      if (ref.field === ORDER) return { ...ref, where: `${noun} list`, what: 'their order', theirs: 'reordered elsewhere', mine: 'reordered here' };
      const theirRecord = recordOf(theirs, kind);
      const myRecord = recordOf(mine, kind);
      return { ...ref, where: noun, what: fieldName(ref.field), theirs: valueInWords(theirRecord?.[ref.field]), mine: valueInWords(myRecord?.[ref.field]) };
    }
    const theirEntity = findEntity(theirs, kind, id);
    const myEntity = findEntity(mine, kind, id);
    const title = titleOf(myEntity) ?? titleOf(theirEntity) ?? id;
    const where = `${noun} “${clip(title)}”`;
    if (ref.field === WHOLE || theirEntity === undefined || myEntity === undefined) {
      const state = (e: Record<string, unknown> | undefined) => (e === undefined ? '(deleted)' : `kept, as “${clip(titleOf(e) ?? id)}”`);
      return { ...ref, where, what: `the whole ${noun.toLowerCase()}`, theirs: state(theirEntity), mine: state(myEntity) };
    }
    return { ...ref, where, what: fieldName(ref.field), theirs: valueInWords(theirEntity[ref.field]), mine: valueInWords(myEntity[ref.field]) };
  });
}
