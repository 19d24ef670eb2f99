/**
 * The story fields a CSV column can map to: their names in the mapping step, the header our own
 * CSV export writes for them, and the header names of other tools that mean the same (for the
 * auto-guessed mapping).
 */
import { normaliseHeader } from './csvRows';

export const CSV_FIELDS = [
  'id',
  'title',
  'asA',
  'iWant',
  'soThat',
  'description',
  'criterion',
  'criteria',
  'criterionIds',
  'estimate',
  'status',
  'rank',
  'epic',
  'epicId',
  'label',
  'labels',
  'rice.reach',
  'rice.impact',
  'rice.confidence',
  'rice.effort',
  'ice.impact',
  'ice.confidence',
  'ice.ease',
  'wsjf.businessValue',
  'wsjf.timeCriticality',
  'wsjf.riskReduction',
  'wsjf.jobSize',
  'moscow',
  'splitFrom',
  'splitInto',
  'notes',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** A field per CSV column (index = column), or null for "ignore this column". */
export type FieldMapping = (CsvField | null)[];

interface FieldInfo {
  /** What the mapping step calls it. */
  label: string;
  /** The header our export writes. */
  header: string;
  /** Other headers that mean this field (compared case- and space-insensitively). */
  aliases: readonly string[];
  /** Several columns may map to it, each cell one value (labels, acceptance criteria). */
  repeatable: boolean;
}

export const CSV_FIELD_INFO: Record<CsvField, FieldInfo> = {
  id: { label: 'ID', header: 'ID', aliases: ['id', 'story id', 'key', 'issue key', 'item id', 'work item id', 'ref', 'reference'], repeatable: false },
  title: { label: 'Title', header: 'Title', aliases: ['title', 'summary', 'name', 'story', 'story title', 'story name', 'card name', 'task', 'task name', 'item', 'feature'], repeatable: false },
  asA: { label: 'As a (role)', header: 'As a', aliases: ['as a', 'as an', 'role', 'persona', 'user role', 'who'], repeatable: false },
  iWant: { label: 'I want (goal)', header: 'I want', aliases: ['i want', 'i want to', 'want', 'what'], repeatable: false },
  soThat: { label: 'So that (benefit)', header: 'So that', aliases: ['so that', 'benefit', 'why', 'value statement'], repeatable: false },
  description: { label: 'Description', header: 'Description', aliases: ['description', 'details', 'body', 'desc', 'summary details', 'text'], repeatable: false },
  criterion: { label: 'Acceptance criterion (one per column)', header: 'Acceptance criterion', aliases: ['acceptance criterion', 'criterion'], repeatable: true },
  criteria: { label: 'Acceptance criteria (list in one cell)', header: 'Acceptance criteria', aliases: ['acceptance criteria', 'ac', 'acs', 'criteria', 'acceptance tests'], repeatable: true },
  criterionIds: { label: 'Acceptance criterion ids', header: 'Acceptance criterion ids', aliases: ['acceptance criterion ids', 'criterion ids'], repeatable: false },
  estimate: { label: 'Estimate (story points)', header: 'Estimate', aliases: ['estimate', 'story points', 'story point estimate', 'points', 'sp', 'size', 'story point', 'storypoints'], repeatable: false },
  status: { label: 'Status (column)', header: 'Status', aliases: ['status', 'state', 'column', 'list', 'stage', 'board column'], repeatable: false },
  rank: { label: 'Rank / order', header: 'Rank', aliases: ['rank', 'order', 'position', 'backlog order', 'priority order', 'sort order'], repeatable: false },
  epic: { label: 'Epic (name)', header: 'Epic', aliases: ['epic', 'epic name', 'epic title', 'epic link', 'feature name', 'theme', 'parent', 'parent summary'], repeatable: false },
  epicId: { label: 'Epic id', header: 'Epic id', aliases: ['epic id', 'epic key', 'parent id', 'parent key'], repeatable: false },
  label: { label: 'Label (one per column)', header: 'Label', aliases: ['label', 'tag'], repeatable: true },
  labels: { label: 'Labels (list in one cell)', header: 'Labels', aliases: ['labels', 'tags', 'categories', 'components'], repeatable: true },
  'rice.reach': { label: 'RICE reach', header: 'RICE reach', aliases: ['rice reach', 'reach'], repeatable: false },
  'rice.impact': { label: 'RICE impact', header: 'RICE impact', aliases: ['rice impact', 'impact'], repeatable: false },
  'rice.confidence': { label: 'RICE confidence (%)', header: 'RICE confidence', aliases: ['rice confidence', 'confidence', 'confidence %'], repeatable: false },
  'rice.effort': { label: 'RICE effort', header: 'RICE effort', aliases: ['rice effort', 'effort', 'person months'], repeatable: false },
  'ice.impact': { label: 'ICE impact', header: 'ICE impact', aliases: ['ice impact'], repeatable: false },
  'ice.confidence': { label: 'ICE confidence', header: 'ICE confidence', aliases: ['ice confidence'], repeatable: false },
  'ice.ease': { label: 'ICE ease', header: 'ICE ease', aliases: ['ice ease', 'ease'], repeatable: false },
  'wsjf.businessValue': { label: 'WSJF business value', header: 'WSJF business value', aliases: ['wsjf business value', 'business value', 'user business value'], repeatable: false },
  'wsjf.timeCriticality': { label: 'WSJF time criticality', header: 'WSJF time criticality', aliases: ['wsjf time criticality', 'time criticality'], repeatable: false },
  'wsjf.riskReduction': { label: 'WSJF risk reduction', header: 'WSJF risk reduction', aliases: ['wsjf risk reduction', 'risk reduction', 'risk reduction opportunity enablement', 'rr oe'], repeatable: false },
  'wsjf.jobSize': { label: 'WSJF job size', header: 'WSJF job size', aliases: ['wsjf job size', 'job size'], repeatable: false },
  moscow: { label: 'MoSCoW', header: 'MoSCoW', aliases: ['moscow', 'moscow priority', 'priority moscow'], repeatable: false },
  splitFrom: { label: 'Split from', header: 'Split from', aliases: ['split from'], repeatable: false },
  splitInto: { label: 'Split into', header: 'Split into', aliases: ['split into'], repeatable: false },
  notes: { label: 'Notes', header: 'Notes', aliases: ['notes', 'note', 'comments', 'comment', 'remarks'], repeatable: false },
};

const squash = (s: string) => normaliseHeader(s).replace(/[^a-z0-9]+/g, ' ').trim();

const ALIAS_TO_FIELD: Map<string, CsvField> = (() => {
  const map = new Map<string, CsvField>();
  for (const field of CSV_FIELDS) for (const alias of [CSV_FIELD_INFO[field].header, ...CSV_FIELD_INFO[field].aliases]) if (!map.has(squash(alias))) map.set(squash(alias), field);
  return map;
})();

/**
 * The mapping guessed from the header: each column whose name is a known alias maps to that field;
 * a field that takes one column goes to the first column that names it, later ones are ignored.
 */
export function guessMapping(header: readonly string[]): FieldMapping {
  const taken = new Set<CsvField>();
  return header.map((name) => {
    const field = ALIAS_TO_FIELD.get(squash(name));
    if (!field) return null;
    if (taken.has(field) && !CSV_FIELD_INFO[field].repeatable) return null;
    taken.add(field);
    return field;
  });
}
