/**
 * Statuses (Jira), lists (Trello) and status cells (CSV) to board columns: what a status means
 * (its category), which existing column it matches, and the editable mapping the preview shows.
 */
import { slugify, uniqueId } from '../model/ids';
import type { Column, ColumnCategory } from '../model/schema';
import type { ImportResult } from './types';
import { LIMITS } from '../model/limits';

export const CATEGORY_ORDER: readonly ColumnCategory[] = ['backlog', 'todo', 'in-progress', 'done'];

/** Groups of status names that mean the same column. Order matters: the first group that matches wins. */
const SYNONYMS: readonly { group: string; category: ColumnCategory; names: readonly string[] }[] = [
  { group: 'done', category: 'done', names: ['done', 'closed', 'resolved', 'complete', 'completed', 'finished', 'released', 'shipped', 'deployed', 'live', 'accepted'] },
  { group: 'review', category: 'in-progress', names: ['in review', 'review', 'code review', 'peer review', 'qa', 'in qa', 'ready for qa', 'testing', 'in test', 'in testing', 'test', 'verification', 'verify', 'ready for review', 'awaiting review'] },
  { group: 'in-progress', category: 'in-progress', names: ['in progress', 'doing', 'in development', 'development', 'in dev', 'wip', 'work in progress', 'started', 'active', 'working', 'implementing', 'building', 'ongoing'] },
  { group: 'ready', category: 'todo', names: ['ready', 'selected for development', 'ready for development', 'ready for dev', 'refined', 'up next', 'next', 'next up', 'planned', 'committed', 'this sprint', 'sprint backlog', 'to do this sprint'] },
  { group: 'backlog', category: 'backlog', names: ['backlog', 'to do', 'todo', 'open', 'new', 'created', 'icebox', 'ideas', 'idea', 'triage', 'inbox', 'product backlog', 'later', 'someday', 'proposed'] },
];

function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function synonymGroup(name: string): (typeof SYNONYMS)[number] | undefined {
  const n = normaliseName(name);
  return SYNONYMS.find((s) => s.names.includes(n));
}

/** What a status name means for progress, when the source does not say. */
export function guessCategory(name: string): ColumnCategory {
  const group = synonymGroup(name);
  if (group) return group.category;
  const n = normaliseName(name);
  if (/\b(done|closed|resolved|complete|completed|finished|released|shipped|deployed|cancel+ed|won t do|wont do|rejected|archived)\b/.test(n)) return 'done';
  if (/\b(progress|doing|develop|dev|review|test|testing|qa|block|blocked|implement|verif|staging|waiting|wait|on hold)\b/.test(n)) return 'in-progress';
  if (/\b(ready|selected|next|planned|sprint|committed|refined|approved)\b/.test(n)) return 'todo';
  if (/\b(backlog|open|new|idea|ideas|icebox|triage|inbox|later|someday|to do|todo|draft|proposed)\b/.test(n)) return 'backlog';
  return 'todo';
}

/** Jira's status category ("To Do", "In Progress", "Done") refined by the status name. */
export function categoryFromJira(statusCategory: string, statusName: string): ColumnCategory {
  const c = normaliseName(statusCategory);
  if (c === 'done' || c === 'complete') return 'done';
  if (c === 'in progress' || c === 'indeterminate') return 'in-progress';
  if (c === 'to do' || c === 'todo' || c === 'new') {
    const guess = guessCategory(statusName);
    return guess === 'todo' ? 'todo' : 'backlog';
  }
  return guessCategory(statusName);
}

/** The existing column a status name matches: the same name, else the same synonym group. */
export function matchColumn(name: string, columns: readonly Column[]): Column | undefined {
  const n = normaliseName(name);
  const exact = columns.find((c) => normaliseName(c.name) === n);
  if (exact) return exact;
  const group = synonymGroup(name);
  if (!group) return undefined;
  return columns.find((c) => synonymGroup(c.name)?.group === group.group);
}

/** One source status → the id of the column its stories go to. */
export interface StatusMappingEntry {
  sourceStatus: string;
  columnId: string;
}
export type StatusMapping = StatusMappingEntry[];

/** A column the preview offers as a target: an existing one, or a new one named after a status. */
export interface ColumnOption {
  column: Column;
  isNew: boolean;
  /** For a new column: the status it is named after. */
  fromStatus: string | null;
}

export interface ColumnPlan {
  options: ColumnOption[];
  /** The proposed mapping, one entry per source status in source order. */
  mapping: StatusMapping;
}

/**
 * The targets for `result`'s statuses given the board's `existing` columns: each status maps to a
 * matching existing column, or to a new column named after it (added only if something maps to it).
 */
export function planColumns(result: Pick<ImportResult, 'statuses'>, existing: readonly Column[]): ColumnPlan {
  const options: ColumnOption[] = existing.map((column) => ({ column, isNew: false, fromStatus: null }));
  const taken = new Set(existing.map((c) => c.id));
  const mapping: StatusMapping = [];
  for (const status of result.statuses) {
    const match = status.closed ? undefined : matchColumn(status.name, existing);
    const id = uniqueId(`col-${slugify(status.name)}`.slice(0, 60).replace(/-+$/, ''), taken);
    taken.add(id);
    const column: Column = { id, name: status.name.slice(0, LIMITS.shortText), category: status.closed ? 'done' : status.category, wipLimit: null };
    options.push({ column, isNew: true, fromStatus: status.name });
    mapping.push({ sourceStatus: status.name, columnId: match ? match.id : id });
  }
  return { options, mapping };
}

/** Insert `added` into `existing`: in source order onto an empty board, otherwise each after the last column of its category or an earlier one. */
export function orderColumns(existing: readonly Column[], added: readonly Column[]): Column[] {
  if (existing.length === 0) return [...added];
  const out = [...existing];
  for (const column of added) {
    const rank = CATEGORY_ORDER.indexOf(column.category);
    let at = 0;
    out.forEach((c, i) => {
      if (CATEGORY_ORDER.indexOf(c.category) <= rank) at = i + 1;
    });
    out.splice(at, 0, column);
  }
  return out;
}

/** The mapping as a lookup (status name → column id), safe for any status name. */
export function mappingLookup(mapping: StatusMapping): Map<string, string> {
  return new Map(mapping.map((e) => [e.sourceStatus, e.columnId]));
}

/** The new columns a mapping uses, in plan order. */
export function usedNewColumns(plan: ColumnPlan, mapping: StatusMapping): Column[] {
  const used = new Set(mapping.map((e) => e.columnId));
  return plan.options.filter((o) => o.isNew && used.has(o.column.id)).map((o) => o.column);
}
