/**
 * Any CSV to an import proposal, through a column → field mapping (guessed from the header by
 * `guessMapping`, edited by the learner). Reads back our own CSV export exactly: every story field
 * has a column there, text cells are taken as they are (titles, labels and names trimmed), ranks
 * that are valid are kept, and the formula guard the export adds (a `'` before `=`, `+`, `-`, `@`)
 * is taken off again.
 */
import { LIMITS } from '../model/limits';
import { criteriaFromField, extractAcceptanceCriteria } from './acceptanceCriteria';
import { CSV_FIELD_INFO, guessMapping, type CsvField, type FieldMapping } from './csvFields';
import { cellAt, parseCsvTable, type CsvRow, type CsvTable, type ProgressCallback } from './csvRows';
import { guessCategory } from './statusColumns';
import {
  claimId,
  fitText,
  paletteColor,
  parseNumber,
  storyWithDefaults,
  userStoryFields,
  validEpic,
  validStory,
  WarningCollector,
} from './storyDraft';
import { ImportError, type ImportResult, type ImportedStory, type SkippedRow, type SourceStatus } from './types';
import { isValidRank } from '../model/rank';
import { EMPTY_SCORES, EntityIdSchema, type Epic, type Moscow, type Scores } from '../model/schema';
import { listNames } from './csvColumns';
import { extractUserStory } from './userStory';

/**
 * Undo the formula guard of `backlogCsv`, which puts a `'` before any cell that starts with quotes
 * and then a character a spreadsheet would run (= + - @ tab): one leading `'` comes off again.
 */
export function unguardCell(value: string): string {
  return /^'+[=+\-@\t]/.test(value) ? value.slice(1) : value;
}

const isEntityId = (s: string) => EntityIdSchema.safeParse(s).success;

const MOSCOW: Record<string, Moscow> = {
  must: 'must',
  'must have': 'must',
  m: 'must',
  should: 'should',
  'should have': 'should',
  s: 'should',
  could: 'could',
  'could have': 'could',
  c: 'could',
  wont: 'wont',
  "won't": 'wont',
  'wont have': 'wont',
  "won't have": 'wont',
  'will not have': 'wont',
  w: 'wont',
};

type ScoreField = Extract<CsvField, `rice.${string}` | `ice.${string}` | `wsjf.${string}`>;
const SCORE_FIELDS: readonly { field: ScoreField; max: number | null }[] = [
  { field: 'rice.reach', max: null },
  { field: 'rice.impact', max: null },
  { field: 'rice.confidence', max: 100 },
  { field: 'rice.effort', max: null },
  { field: 'ice.impact', max: 10 },
  { field: 'ice.confidence', max: 10 },
  { field: 'ice.ease', max: 10 },
  { field: 'wsjf.businessValue', max: null },
  { field: 'wsjf.timeCriticality', max: null },
  { field: 'wsjf.riskReduction', max: null },
  { field: 'wsjf.jobSize', max: null },
];

export interface GenericCsvOptions {
  onProgress?: ProgressCallback;
  random?: () => number;
  /** A table already parsed (the preview re-maps without parsing the text again). */
  table?: CsvTable;
}

/** The header of a CSV file and the mapping guessed for it (for the mapping step). */
export function csvHeader(text: string): { header: string[]; mapping: FieldMapping } {
  const table = parseCsvTable(text);
  return { header: table.header, mapping: guessMapping(table.header) };
}

export function parseGenericCsv(text: string, mapping: FieldMapping | null = null, options: GenericCsvOptions = {}): ImportResult {
  const table = options.table ?? parseCsvTable(text, options.onProgress);
  if (table.header.length === 0) throw new ImportError('The file is empty: there is no header row.');
  const map = mapping ?? guessMapping(table.header);
  const warnings = new WarningCollector();
  for (const p of table.problems) warnings.note(p);
  const skipped: SkippedRow[] = [];

  const columnsOf = (field: CsvField): number[] => map.flatMap((f, i) => (f === field ? [i] : []));
  const cols = new Map<CsvField, number[]>();
  for (const field of Object.keys(CSV_FIELD_INFO) as CsvField[]) cols.set(field, columnsOf(field));
  const at = (row: CsvRow, i: number) => unguardCell(cellAt(row, i));
  /** The first non-empty cell of `field`, exactly as written, or ''. */
  const raw = (row: CsvRow, field: CsvField): string => {
    for (const i of cols.get(field) ?? []) {
      const v = at(row, i);
      if (v !== '') return v;
    }
    return '';
  };
  /** The first non-blank cell of `field`, trimmed, or ''. */
  const trimmed = (row: CsvRow, field: CsvField): string => {
    for (const i of cols.get(field) ?? []) {
      const v = at(row, i).trim();
      if (v !== '') return v;
    }
    return '';
  };
  const has = (field: CsvField) => (cols.get(field) ?? []).length > 0;

  if (!has('title')) warnings.note('No column is mapped to Title, so no story can be imported. Choose the column that holds the story titles.');
  const ignored = table.header.filter((_, i) => (map[i] ?? null) === null && table.rows.some((r) => cellAt(r, i).trim() !== ''));
  if (ignored.length > 0) warnings.note(`${ignored.length} column${ignored.length === 1 ? ' is' : 's are'} not imported: ${listNames(ignored.map((h, i) => h || `Column ${i + 1}`))}.`);

  // Epics: by "Epic id" when there is one, else by name.
  const epics: Epic[] = [];
  const epicIds = new Set<string>();
  const epicByKey = new Map<string, string>();
  const epicFor = (row: CsvRow, ref: string): string | null => {
    const name = trimmed(row, 'epic');
    const givenId = trimmed(row, 'epicId');
    if (!name && !givenId) return null;
    const key = givenId ? `id:${givenId}` : `name:${name.toLowerCase()}`;
    const known = epicByKey.get(key);
    if (known !== undefined) return known;
    const id = givenId && isEntityId(givenId) && !epicIds.has(givenId) ? givenId : claimId(givenId || name, 'epic', epicIds, options.random);
    epicIds.add(id);
    const result = validEpic({ id, title: fitText(name || givenId, LIMITS.shortText, warnings, 'An epic name was too long and was shortened|{n} epic names were too long and were shortened', ref), color: paletteColor(epics.length) });
    if (!result.ok) return null;
    epics.push(result.epic);
    epicByKey.set(key, id);
    return id;
  };

  const storyIds = new Set<string>();
  type Row = { story: ImportedStory; order: string; index: number };
  const read: Row[] = [];
  const statusOrder = new Map<string, SourceStatus>();
  table.rows.forEach((row, index) => {
    const givenId = trimmed(row, 'id');
    const ref = givenId || `row ${row.row}`;
    const title = trimmed(row, 'title');
    if (!has('title')) return;
    if (!title) {
      skipped.push({ row: row.row, ref, reason: 'It has no title.' });
      return;
    }
    let id: string;
    if (givenId && isEntityId(givenId) && !storyIds.has(givenId)) {
      id = givenId;
      storyIds.add(id);
    } else {
      if (givenId && storyIds.has(givenId)) warnings.add('A row repeats an ID; it was given a new id|{n} rows repeat an ID; they were given new ids', ref);
      id = claimId(givenId || null, 'story', storyIds, options.random);
    }

    // Acceptance criteria: one per "criterion" column (paired with the ids column), or lists.
    const criterionCells = (cols.get('criterion') ?? []).map((i) => at(row, i));
    const givenCriterionIds = trimmed(row, 'criterionIds').split(/[\s,]+/).filter(Boolean);
    let texts: string[];
    let ids: (string | null)[];
    if (givenCriterionIds.length > 0 && givenCriterionIds.length <= criterionCells.length) {
      texts = criterionCells.slice(0, givenCriterionIds.length);
      ids = givenCriterionIds.map((c) => (isEntityId(c) ? c : null));
    } else {
      texts = criterionCells.filter((c) => c.trim() !== '');
      ids = texts.map(() => null);
    }
    for (const i of cols.get('criteria') ?? []) {
      const list = criteriaFromField(at(row, i).trim(), 'markdown');
      texts.push(...list);
      ids.push(...list.map(() => null));
    }
    let description = raw(row, 'description');
    if (!has('criterion') && !has('criteria')) {
      const extracted = extractAcceptanceCriteria(description.trim(), 'markdown');
      if (extracted.criteria.length > 0) {
        description = extracted.description;
        texts.push(...extracted.criteria);
        ids.push(...extracted.criteria.map(() => null));
      }
    }
    const sentence = !has('asA') && !has('iWant') && !has('soThat') ? extractUserStory(description) : null;
    if (sentence) description = sentence.description;
    const usedAc = new Set<string>();
    const acceptanceCriteria = texts.map((text, i) => {
      let acId = ids[i] ?? null;
      if (acId === null || usedAc.has(acId)) acId = claimId(`${id.slice(0, 52)}-ac${i + 1}`, 'ac', usedAc, options.random);
      usedAc.add(acId);
      return { id: acId, text: fitText(text, LIMITS.longText, warnings, 'An acceptance criterion was too long and was shortened|{n} acceptance criteria were too long and were shortened', ref) };
    });

    // Labels: one per "label" column, or lists split at ; , |
    const labels: string[] = [];
    map.forEach((field, i) => {
      if (field === 'label') labels.push(at(row, i).trim());
      else if (field === 'labels') labels.push(...at(row, i).split(/[;,|]/).map((l) => l.trim()));
    });
    const uniqueLabels = [...new Set(labels.filter((l) => l !== ''))].map((l) => fitText(l, LIMITS.shortText, warnings, 'A label was too long and was shortened|{n} labels were too long and were shortened', ref));

    const number = (field: CsvField, max: number | null, what: string): number | null => {
      const text = trimmed(row, field);
      if (text === '') return null;
      const n = parseNumber(text);
      if (n === null || n < 0 || (max !== null && n > max)) {
        const range = max === null ? 'a number of 0 or more' : `a number from 0 to ${max}`;
        warnings.add(`${/^[aeiou]/i.test(what) ? 'An' : 'A'} ${what} value is not ${range} and was left empty|{n} ${what} values are not ${range} and were left empty`, `${ref}: “${text}”`);
        return null;
      }
      return n;
    };
    const scores: Scores = emptyScores();
    for (const { field, max } of SCORE_FIELDS) {
      const [framework, key] = field.split('.') as ['rice' | 'ice' | 'wsjf', string];
      (scores[framework] as Record<string, number | null>)[key] = number(field, max, CSV_FIELD_INFO[field].label);
    }
    const moscowText = trimmed(row, 'moscow').toLowerCase();
    if (moscowText) {
      const m = MOSCOW[moscowText.replace(/[’`]/g, "'")];
      if (m) scores.moscow = m;
      else warnings.add('A MoSCoW value is not Must / Should / Could / Won’t and was left empty|{n} MoSCoW values are not Must / Should / Could / Won’t and were left empty', `${ref}: “${moscowText}”`);
    }
    const splitFrom = trimmed(row, 'splitFrom');
    const splitInto = trimmed(row, 'splitInto').split(/[\s,;]+/).filter(isEntityId);

    const fields = storyWithDefaults({
      id,
      title: fitText(title, LIMITS.shortText, warnings, 'A title was longer than {max} characters and was shortened|{n} titles were longer than {max} characters and were shortened', ref),
      ...userStoryFields(sentence, warnings, ref),
      ...(sentence ? {} : { asA: fitText(raw(row, 'asA'), LIMITS.shortText, warnings, 'An “As a” value was longer than {max} characters and was shortened|{n} “As a” values were longer than {max} characters and were shortened', ref),
      iWant: fitText(raw(row, 'iWant'), LIMITS.longText, warnings, 'An “I want” value was too long and was shortened|{n} “I want” values were too long and were shortened', ref),
      soThat: fitText(raw(row, 'soThat'), LIMITS.longText, warnings, 'A “So that” value was too long and was shortened|{n} “So that” values were too long and were shortened', ref) }),
      description: fitText(description, LIMITS.longText, warnings, 'A description was longer than {max} characters and was shortened|{n} descriptions were longer than {max} characters and were shortened', ref),
      acceptanceCriteria,
      estimate: number('estimate', null, 'estimate'),
      labels: uniqueLabels,
      scores,
      splitFrom: isEntityId(splitFrom) ? splitFrom : null,
      splitInto,
      notes: fitText(raw(row, 'notes'), LIMITS.longText, warnings, 'Notes longer than {max} characters were shortened|{n} notes were longer than {max} characters and were shortened', ref),
      epicId: epicFor(row, ref),
    });
    const rankText = trimmed(row, 'rank');
    const checked = validStory(fields, isValidRank(rankText) ? rankText : null);
    if (!checked.ok) {
      skipped.push({ row: row.row, ref, reason: `The story is not valid: ${checked.reason}` });
      return;
    }
    const status = trimmed(row, 'status') || 'No status';
    const info = statusOrder.get(status);
    if (info) info.count += 1;
    else statusOrder.set(status, { name: status, category: guessCategory(status), count: 1, closed: false });
    read.push({ story: { story: checked.story, sourceStatus: status, keepRank: isValidRank(rankText) }, order: rankText, index });
  });

  // Order: by the rank column (fractional ranks and other text by code point, numbers as numbers), else file order.
  const allNumeric = read.every((r) => r.order === '' || parseNumber(r.order) !== null);
  const compareOrder = (a: Row, b: Row): number => {
    if (a.order === b.order) return a.index - b.index;
    if (a.order === '') return 1;
    if (b.order === '') return -1;
    if (allNumeric) return (parseNumber(a.order) ?? 0) - (parseNumber(b.order) ?? 0) || a.index - b.index;
    return a.order < b.order ? -1 : 1;
  };
  const ordered = has('rank') ? [...read].sort(compareOrder) : read;
  const keepRanks = ordered.every((r) => r.story.keepRank) && new Set(ordered.map((r) => r.order)).size === ordered.length;
  const stories = ordered.map((r) => ({ ...r.story, keepRank: keepRanks }));

  return {
    source: 'csv',
    suggestedName: '',
    encoding: null,
    statuses: [...statusOrder.values()],
    epics,
    stories,
    skipped,
    warnings: warnings.messages(),
    counts: { read: table.rows.length, stories: stories.length, epics: epics.length, skipped: skipped.length, blankRows: table.blankRows },
  };
}

function emptyScores(): Scores {
  return { rice: { ...EMPTY_SCORES.rice }, ice: { ...EMPTY_SCORES.ice }, wsjf: { ...EMPTY_SCORES.wsjf }, moscow: null };
}
