/**
 * Building valid stories and epics from imported fields: text fitted to the schema's limits (with a
 * warning, never silently), ids that are valid and unique, defaults for everything else, and a
 * final `StorySchema` / `EpicSchema` check so that what the preview counts is what gets written.
 */
import { newId, uniqueId } from '../model/ids';
import { EMPTY_SCORES, EpicSchema, LIMITS, StorySchema, type Epic, type Story } from '../model/schema';
import { describeIssues } from '../model/productFile';
import { groupDigits } from '../format/sizes';

/** Collects warnings of the same kind into one line: "3 summaries were shortened (PROJ-1, PROJ-4, PROJ-9)". */
export class WarningCollector {
  private readonly byKind = new Map<string, string[]>();
  private readonly plain: string[] = [];

  /**
   * Count one occurrence of `kind` for `ref`. `kind` is "singular sentence|plural sentence", the
   * plural with `{n}` for the count: "An epic name was shortened|{n} epic names were shortened".
   */
  add(kind: string, ref: string): void {
    const refs = this.byKind.get(kind);
    if (refs) refs.push(ref);
    else this.byKind.set(kind, [ref]);
  }

  note(message: string): void {
    if (!this.plain.includes(message)) this.plain.push(message);
  }

  messages(): string[] {
    const grouped = [...this.byKind.entries()].map(([kind, refs]) => {
      const [one = kind, many = kind] = kind.split('|');
      const sentence = refs.length === 1 ? one : many;
      const shown = refs.slice(0, 5).join(', ');
      const more = refs.length > 5 ? `, and ${refs.length - 5} more` : '';
      return `${sentence.replace('{n}', String(refs.length))} (${shown}${more}).`;
    });
    return [...this.plain, ...grouped];
  }
}

/** Shorten `text` to `max` characters with an ellipsis; say so (`{max}` in `kind` becomes the limit, e.g. "20,000"). */
export function fitText(text: string, max: number, warnings: WarningCollector, kind: string, ref: string): string {
  if (text.length <= max) return text;
  warnings.add(kind.replaceAll('{max}', groupDigits(max)), ref);
  return `${text.slice(0, max - 1)}…`;
}

const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * An entity id from a source key: `PROJ-12` → `proj-12`, `trello card 5f3…` → `trello-card-5f3`.
 * Returns null when nothing usable is left.
 */
export function idFromKey(key: string): string | null {
  const id = key
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 56)
    .replace(/[-_]+$/g, '');
  return id && ID_SHAPE.test(id) ? id : null;
}

/** A unique id: the one derived from `key` if possible, else a random one with `prefix`. */
export function claimId(key: string | null, prefix: string, taken: Set<string>, random?: () => number): string {
  const derived = key === null ? null : idFromKey(key);
  let id = derived === null ? newId(prefix, random) : uniqueId(derived, taken);
  while (taken.has(id)) id = newId(prefix, random);
  taken.add(id);
  return id;
}

export type StoryFields = Omit<Story, 'rank' | 'status'>;

/** A story with every default filled in, from the fields an importer knows. */
export function storyWithDefaults(fields: Partial<StoryFields> & Pick<Story, 'id' | 'title'>): StoryFields {
  return {
    id: fields.id,
    title: fields.title,
    asA: fields.asA ?? '',
    iWant: fields.iWant ?? '',
    soThat: fields.soThat ?? '',
    description: fields.description ?? '',
    acceptanceCriteria: fields.acceptanceCriteria ?? [],
    estimate: fields.estimate ?? null,
    epicId: fields.epicId ?? null,
    labels: fields.labels ?? [],
    scores: fields.scores ?? EMPTY_SCORES,
    splitFrom: fields.splitFrom ?? null,
    splitInto: fields.splitInto ?? [],
    notes: fields.notes ?? '',
  };
}

/** Placeholder status and rank: the status mapping and the ranking replace them on import. */
export const PLACEHOLDER_STATUS = 'imported';
export const PLACEHOLDER_RANK = 'a0';

/** Check a story against the schema: the story, or the reason it cannot be imported. */
export function validStory(fields: StoryFields, rank: string | null): { ok: true; story: Story } | { ok: false; reason: string } {
  const result = StorySchema.safeParse({ ...fields, status: PLACEHOLDER_STATUS, rank: rank ?? PLACEHOLDER_RANK });
  if (result.success) return { ok: true, story: result.data };
  return { ok: false, reason: describeIssues(result.error, 2) };
}

/** Colours for epics that the source does not colour (readable on light and dark). */
export const EPIC_PALETTE = ['#4451d6', '#0f766e', '#b45309', '#be185d', '#7c3aed', '#15803d', '#c2410c', '#0369a1', '#a16207', '#6d28d9'] as const;

export function paletteColor(index: number): string {
  return EPIC_PALETTE[index % EPIC_PALETTE.length] ?? '#6b7280';
}

/** A valid epic from imported fields (text fitted by the caller), or the reason it is not. */
export function validEpic(fields: { id: string; title: string; description?: string; color?: string; status?: 'open' | 'done' }): { ok: true; epic: Epic } | { ok: false; reason: string } {
  const result = EpicSchema.safeParse({
    id: fields.id,
    title: fields.title,
    description: fields.description ?? '',
    color: fields.color ?? '#6b7280',
    goalId: null,
    status: fields.status ?? 'open',
    rank: PLACEHOLDER_RANK,
    scores: EMPTY_SCORES,
  });
  if (result.success) return { ok: true, epic: result.data };
  return { ok: false, reason: describeIssues(result.error, 2) };
}

/** Lines joined into a notes block, empty ones left out. */
export function noteLines(lines: readonly (string | null | undefined | false)[]): string {
  return lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '').join('\n');
}

/** A number from a cell: "3", "3.0", "2,5" (decimal comma), "80%"; null for empty or not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/%$/, '').replace(/^(\d+),(\d+)$/, '$1.$2');
  if (t === '' || !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** As a / I want / So that from a parsed user-story sentence, fitted to the limits (empty without one). */
export function userStoryFields(parts: { asA: string; iWant: string; soThat: string } | null, warnings: WarningCollector, ref: string): Pick<Story, 'asA' | 'iWant' | 'soThat'> | Record<string, never> {
  if (!parts) return {};
  return {
    asA: fitText(parts.asA, LIMITS.shortText, warnings, 'An “As a” role was longer than {max} characters and was shortened|{n} “As a” roles were longer than {max} characters and were shortened', ref),
    iWant: fitText(parts.iWant, LIMITS.longText, warnings, 'An “I want” was too long and was shortened|{n} “I want” parts were too long and were shortened', ref),
    soThat: fitText(parts.soThat, LIMITS.longText, warnings, 'A “So that” was too long and was shortened|{n} “So that” parts were too long and were shortened', ref),
  };
}
