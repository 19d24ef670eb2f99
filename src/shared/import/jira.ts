/**
 * Jira's CSV exports ("Export CSV (all fields)" / "(current fields)", Cloud and Server / Data
 * Center, old and new) to an import proposal.
 *
 * What real exports contain, and what happens to it:
 * - repeated column names (Labels, Sprint, Comment, Watchers, Attachment, Component/s, …): every
 *   column of the name is read;
 * - hierarchy: Server's `Custom field (Epic Link)` / `Custom field (Epic Name)`, Cloud's `Parent` /
 *   `Parent id` / `Parent key` / `Parent summary`. A link resolves by issue key, issue id, or epic
 *   name. Epics become epics; stories, bugs, tasks, sub-tasks and custom types become stories (any
 *   type but Story is added as a label); a sub-task goes into its parent story's epic and says whose
 *   sub-task it is in its notes. A link to an epic that is not in the file creates the epic from the
 *   link (with Cloud's "Parent summary" as its title when there is one);
 * - story points from `Custom field (Story Points)`, `Story point estimate` and their variants;
 * - sprints become labels; statuses become the status mapping (Jira's "Status Category" column,
 *   where present, says which are done);
 * - clearly marked acceptance criteria in the description (and a custom "Acceptance Criteria"
 *   field) become acceptance criteria;
 * - priority, assignee, reporter, dates, components, versions, issue links and comments are kept in
 *   the story's notes, so nothing the learner might want is dropped;
 * - any other column with values is listed in a warning as not imported.
 */
import { LIMITS } from '../model/limits';
import { criteriaFromField, extractAcceptanceCriteria } from './acceptanceCriteria';
import { ColumnReader, listNames } from './csvColumns';
import { extractUserStory } from './userStory';
import { parseCsvTable, type CsvRow, type CsvTable, type ProgressCallback } from './csvRows';
import { categoryFromJira, CATEGORY_ORDER, guessCategory } from './statusColumns';
import {
  claimId,
  fitText,
  noteLines,
  paletteColor,
  parseNumber,
  storyWithDefaults,
  userStoryFields,
  validEpic,
  validStory,
  WarningCollector,
} from './storyDraft';
import { ImportError, type ImportResult, type ImportedStory, type SkippedRow, type SourceStatus } from './types';
import type { ColumnCategory, Epic } from '../model/schema';

const C = {
  summary: ['Summary'],
  key: ['Issue key', 'Key'],
  id: ['Issue id', 'Issue ID'],
  type: ['Issue Type', 'IssueType', 'Type'],
  status: ['Status'],
  statusCategory: ['Status Category'],
  projectName: ['Project name'],
  projectKey: ['Project key'],
  description: ['Description'],
  labels: ['Labels'],
  sprint: ['Sprint', 'Custom field (Sprint)'],
  storyPoints: ['Custom field (Story Points)', 'Custom field (Story point estimate)', 'Story Points', 'Story point estimate', 'Custom field (Story points)'],
  epicLink: ['Custom field (Epic Link)', 'Epic Link'],
  epicName: ['Custom field (Epic Name)', 'Epic Name'],
  epicColor: ['Custom field (Epic Colour)', 'Custom field (Epic Color)', 'Epic Colour', 'Epic Color'],
  epicStatus: ['Custom field (Epic Status)', 'Epic Status'],
  parent: ['Parent'],
  parentId: ['Parent id', 'Parent ID'],
  parentKey: ['Parent key'],
  parentSummary: ['Parent summary', 'Parent Summary'],
  rank: ['Custom field (Rank)', 'Rank'],
  acceptance: ['Custom field (Acceptance Criteria)', 'Acceptance Criteria', 'Custom field (Acceptance criteria)'],
  priority: ['Priority'],
  assignee: ['Assignee'],
  reporter: ['Reporter'],
  created: ['Created'],
  resolved: ['Resolved'],
  dueDate: ['Due Date', 'Due date'],
  resolution: ['Resolution'],
  components: ['Component/s', 'Components'],
  fixVersions: ['Fix Version/s', 'Fix versions'],
  affectsVersions: ['Affects Version/s', 'Affects versions'],
  comments: ['Comment', 'Comments'],
  attachments: ['Attachment', 'Attachments'],
  environment: ['Environment'],
  /** Read only to link rows; the data is on the sub-tasks themselves. */
  subTasks: ['Sub-tasks'],
} as const;

/** Jira's epic colour names (ghx-label-N) as colours. */
const EPIC_COLOURS: Record<string, string> = {
  'ghx-label-1': '#815b3a',
  'ghx-label-2': '#d97008',
  'ghx-label-3': '#a16207',
  'ghx-label-4': '#2563eb',
  'ghx-label-5': '#4a6785',
  'ghx-label-6': '#5f8a1c',
  'ghx-label-7': '#a5507a',
  'ghx-label-8': '#654982',
  'ghx-label-9': '#d9475f',
  'ghx-label-10': '#0065ff',
  'ghx-label-11': '#00875a',
  'ghx-label-12': '#6b778c',
  'ghx-label-13': '#36b37e',
  'ghx-label-14': '#de350b',
};

interface JiraRow {
  row: CsvRow;
  key: string;
  issueId: string;
  type: string;
  summary: string;
  status: string;
  category: ColumnCategory;
  rank: string;
  isEpic: boolean;
  isSubTask: boolean;
  epicName: string;
  /** Links to a parent, in the order they are trusted. */
  parentRefs: string[];
  parentSummary: string;
  /** The id it gets (set when claimed). */
  id: string;
}

const normType = (type: string) => type.trim().toLowerCase().replace(/[\s_]+/g, '-');

function isEpicType(type: string): boolean {
  return normType(type) === 'epic';
}

function isSubTaskType(type: string): boolean {
  return ['sub-task', 'subtask', 'sub-bug', 'sub-issue', 'technical-sub-task'].includes(normType(type));
}

function isStoryType(type: string): boolean {
  return ['story', 'user-story', ''].includes(normType(type));
}

/** "02/Mar/24 10:15 AM;jdoe;The comment body" → "02/Mar/24 10:15 AM — jdoe: The comment body". */
function formatComment(cell: string): string {
  const m = /^([^;\n]{4,40});([^;\n]{1,120});([\s\S]*)$/.exec(cell);
  if (!m?.[1] || m[2] === undefined || m[3] === undefined) return cell;
  return `${m[1].trim()} — ${m[2].trim()}: ${m[3].trim()}`;
}

/** "12/Mar/24 10:00 AM;557058:f1e2;mockup.png;https://…/mockup.png" → "mockup.png (https://…/mockup.png)". */
function formatAttachment(cell: string): string {
  const parts = cell.split(';');
  if (parts.length < 4) return cell;
  const name = (parts[2] ?? '').trim();
  const url = parts.slice(3).join(';').trim();
  return name && url ? `${name} (${url})` : cell;
}

/** How the preview names an issue: its key, else its id, else its row. */
function refOf(r: { key: string; issueId: string; row: CsvRow }): string {
  return r.key || (r.issueId ? `issue ${r.issueId}` : `row ${r.row.row}`);
}

/** The value most rows share (the project's name). */
function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}

export interface JiraOptions {
  onProgress?: ProgressCallback;
  /** A table already parsed from `text` (saves parsing a large file twice). */
  table?: CsvTable;
  /** For tests: the random source of generated ids. */
  random?: () => number;
}

export function parseJiraCsv(text: string, options: JiraOptions = {}): ImportResult {
  const table = options.table ?? parseCsvTable(text, options.onProgress);
  if (table.header.length === 0) throw new ImportError('The file is empty: there is no header row.');
  const cols = new ColumnReader(table.header);
  if (!cols.has(C.summary)) {
    throw new ImportError('This does not look like a Jira export: it has no “Summary” column. Choose “Other CSV” to map its columns yourself.');
  }
  const warnings = new WarningCollector();
  for (const p of table.problems) warnings.note(p);
  const skipped: SkippedRow[] = [];
  const hasStatusCategory = cols.has(C.statusCategory);

  // Pass 1: read the rows that have a summary; skip the rest, and repeated keys.
  const rows: JiraRow[] = [];
  const seenKeys = new Map<string, number>();
  for (const row of table.rows) {
    const key = cols.first(row, C.key);
    const issueId = cols.first(row, C.id);
    const ref = refOf({ key, issueId, row });
    const summary = cols.first(row, C.summary);
    if (!summary) {
      skipped.push({ row: row.row, ref, reason: 'It has no Summary.' });
      continue;
    }
    if (key) {
      const earlier = seenKeys.get(key.toUpperCase());
      if (earlier !== undefined) {
        skipped.push({ row: row.row, ref, reason: `${key} appears again (first in row ${earlier}); only the first is imported.` });
        continue;
      }
      seenKeys.set(key.toUpperCase(), row.row);
    }
    const type = cols.first(row, C.type);
    const status = cols.first(row, C.status) || 'No status';
    const epicName = cols.first(row, C.epicName);
    const category = hasStatusCategory ? categoryFromJira(cols.first(row, C.statusCategory), status) : guessCategory(status);
    rows.push({
      row,
      key,
      issueId,
      type,
      summary,
      status,
      category,
      rank: cols.first(row, C.rank),
      isEpic: isEpicType(type) || (!cols.has(C.type) && epicName !== ''),
      isSubTask: isSubTaskType(type),
      epicName,
      parentRefs: [cols.first(row, C.epicLink), cols.first(row, C.parentKey), cols.first(row, C.parent), cols.first(row, C.parentId)].filter((r) => r !== ''),
      parentSummary: cols.first(row, C.parentSummary),
      id: '',
    });
  }

  // Jira's Rank (a LexoRank such as "0|i0001b:") orders the backlog; without it, the file's order.
  const ranked = rows.filter((r) => r.rank !== '').length >= rows.length / 2 && rows.length > 0;
  const ordered = ranked ? [...rows].sort((a, b) => (a.rank === b.rank ? 0 : a.rank === '' ? 1 : b.rank === '' ? -1 : a.rank < b.rank ? -1 : 1)) : rows;

  // Ids: from issue keys ("PROJ-12" → "proj-12"), else issue ids, else random.
  const epicIds = new Set<string>();
  const storyIds = new Set<string>();
  for (const r of ordered) {
    const source = r.key || (r.issueId ? `issue-${r.issueId}` : null);
    r.id = r.isEpic ? claimId(source, 'epic', epicIds, options.random) : claimId(source, 'story', storyIds, options.random);
  }
  const byKey = new Map<string, JiraRow>();
  const byIssueId = new Map<string, JiraRow>();
  const epicByName = new Map<string, JiraRow>();
  for (const r of ordered) {
    if (r.key) byKey.set(r.key.toUpperCase(), r);
    if (r.issueId) byIssueId.set(r.issueId, r);
    if (r.isEpic) {
      for (const name of [r.epicName, r.summary]) if (name && !epicByName.has(name.toLowerCase())) epicByName.set(name.toLowerCase(), r);
    }
  }
  const resolve = (ref: string): JiraRow | undefined => byKey.get(ref.toUpperCase()) ?? byIssueId.get(ref) ?? epicByName.get(ref.toLowerCase());

  // Epics.
  const epics: Epic[] = [];
  const epicRowIds = new Set<string>();
  for (const r of ordered) {
    if (!r.isEpic) continue;
    const ref = refOf(r);
    const title = fitText(r.epicName || r.summary, LIMITS.shortText, warnings, 'An epic name was longer than {max} characters and was shortened|{n} epic names were longer than {max} characters and were shortened', ref);
    const rawDescription = cols.firstRaw(r.row, C.description).trim();
    const description = r.epicName && r.epicName !== r.summary ? [r.summary, rawDescription].filter(Boolean).join('\n\n') : rawDescription;
    const colour = EPIC_COLOURS[cols.first(r.row, C.epicColor).toLowerCase()] ?? paletteColor(epics.length);
    const epicStatus = cols.first(r.row, C.epicStatus).toLowerCase();
    const result = validEpic({
      id: r.id,
      title,
      description: fitText(description, LIMITS.longText, warnings, 'An epic description was longer than {max} characters and was shortened|{n} epic descriptions were longer than {max} characters and were shortened', ref),
      color: colour,
      status: r.category === 'done' || epicStatus === 'done' ? 'done' : 'open',
    });
    if (result.ok) {
      epics.push(result.epic);
      epicRowIds.add(r.id);
    } else skipped.push({ row: r.row.row, ref, reason: `The epic is not valid: ${result.reason}` });
  }

  // Links to epics that are not in the file: create the epic from the link, once per link.
  const placeholders = new Map<string, string>();
  const placeholderEpic = (ref: string, summary: string, from: string): string | null => {
    const known = placeholders.get(ref.toUpperCase());
    if (known !== undefined) return known;
    const keyLike = /^[A-Z][A-Z0-9_]+-\d+$/i.test(ref) ? ref : null;
    const id = claimId(keyLike ?? (/^\d+$/.test(ref) ? `issue-${ref}` : ref), 'epic', epicIds, options.random);
    const title = (summary || ref).slice(0, LIMITS.shortText);
    const result = validEpic({ id, title, description: `Created on import: ${from} links to ${ref}, which is not in the file.`, color: paletteColor(epics.length) });
    if (!result.ok) return null;
    epics.push(result.epic);
    epicRowIds.add(id);
    placeholders.set(ref.toUpperCase(), id);
    warnings.add('An issue links to an epic that is not in the file; the epic was created from the link|{n} issues link to epics that are not in the file; the epics were created from the links', `${from} → ${ref}`);
    return id;
  };

  /** The epic of a story row, following sub-task → parent story → epic. */
  const epicOf = (r: JiraRow, depth = 0): { epicId: string | null; parent: JiraRow | null; missingParent: string | null } => {
    for (const ref of r.parentRefs) {
      const target = resolve(ref);
      if (!target || target === r) continue;
      if (target.isEpic) return { epicId: epicRowIds.has(target.id) ? target.id : null, parent: null, missingParent: null };
      if (depth > 4) return { epicId: null, parent: target, missingParent: null };
      return { epicId: epicOf(target, depth + 1).epicId, parent: target, missingParent: null };
    }
    const ref = r.parentRefs[0];
    if (ref === undefined) return { epicId: null, parent: null, missingParent: null };
    if (r.isSubTask) return { epicId: null, parent: null, missingParent: ref };
    return { epicId: depth === 0 ? placeholderEpic(ref, r.parentSummary, r.key || r.summary) : null, parent: null, missingParent: null };
  };

  // Stories.
  const linkColumns = [...cols.indexesStartingWith('Inward issue link ('), ...cols.indexesStartingWith('Outward issue link (')];
  const stories: ImportedStory[] = [];
  const statusInfo = new Map<string, SourceStatus & { first: number }>();
  for (const r of ordered) {
    if (r.isEpic) continue;
    const ref = refOf(r);
    const { epicId, parent, missingParent } = epicOf(r);
    const rawDescription = cols.firstRaw(r.row, C.description).trim();
    const extracted = extractAcceptanceCriteria(rawDescription, 'jira');
    const sentence = extractUserStory(extracted.description);
    const fieldCriteria = criteriaFromField(cols.firstRaw(r.row, C.acceptance).trim(), 'jira');
    const criteriaTexts = [...fieldCriteria, ...extracted.criteria];
    const labels = new Set<string>();
    if (!isStoryType(r.type)) labels.add(r.type);
    for (const l of [...cols.all(r.row, C.labels), ...cols.all(r.row, C.sprint)]) {
      labels.add(fitText(l, LIMITS.shortText, warnings, 'A label was longer than {max} characters and was shortened|{n} labels were longer than {max} characters and were shortened', ref));
    }
    const pointsText = cols.first(r.row, C.storyPoints);
    let estimate = parseNumber(pointsText);
    if (pointsText !== '' && (estimate === null || estimate < 0)) {
      warnings.add('A story point value is not a number; the story was left unestimated|{n} story point values are not numbers; those stories were left unestimated', `${ref}: “${pointsText}”`);
      estimate = null;
    }
    const links = linkColumns.flatMap((i) => {
      const values = cols.allAt(r.row, [i]);
      const name = (table.header[i] ?? '').replace(/^(inward|outward) issue link \(/i, '').replace(/\)$/, '');
      return values.map((v) => `${/^inward/i.test(table.header[i] ?? '') ? '← ' : '→ '}${name}: ${v}`);
    });
    const comments = cols.all(r.row, C.comments).map(formatComment);
    const attachments = cols.all(r.row, C.attachments).map(formatAttachment);
    const parentNote = parent ? `Sub-task of ${parent.key || parent.summary}${parent.key ? ` “${parent.summary}”` : ''}` : missingParent ? `Sub-task of ${missingParent}${r.parentSummary ? ` “${r.parentSummary}”` : ''} (not in the imported file)` : null;
    if (missingParent) warnings.add('A sub-task belongs to a parent that is not in the file|{n} sub-tasks belong to parents that are not in the file', ref);
    const notes = noteLines([
      `Imported from Jira${r.key ? ` ${r.key}` : ''}${r.type ? ` (${r.type})` : ''}`,
      parentNote,
      cols.first(r.row, C.priority) && `Priority: ${cols.first(r.row, C.priority)}`,
      cols.first(r.row, C.assignee) && `Assignee: ${cols.first(r.row, C.assignee)}`,
      cols.first(r.row, C.reporter) && `Reporter: ${cols.first(r.row, C.reporter)}`,
      cols.first(r.row, C.created) && `Created: ${cols.first(r.row, C.created)}`,
      cols.first(r.row, C.dueDate) && `Due: ${cols.first(r.row, C.dueDate)}`,
      cols.first(r.row, C.resolution) && `Resolution: ${cols.first(r.row, C.resolution)}${cols.first(r.row, C.resolved) ? ` (${cols.first(r.row, C.resolved)})` : ''}`,
      cols.all(r.row, C.components).length > 0 && `Components: ${cols.all(r.row, C.components).join(', ')}`,
      cols.all(r.row, C.fixVersions).length > 0 && `Fix versions: ${cols.all(r.row, C.fixVersions).join(', ')}`,
      cols.all(r.row, C.affectsVersions).length > 0 && `Affects versions: ${cols.all(r.row, C.affectsVersions).join(', ')}`,
      cols.first(r.row, C.environment) && `Environment: ${cols.first(r.row, C.environment)}`,
      links.length > 0 && `Links:\n${links.map((l) => `- ${l}`).join('\n')}`,
      attachments.length > 0 && `Attachments:\n${attachments.map((a) => `- ${a}`).join('\n')}`,
      comments.length > 0 && `Comments:\n${comments.map((c) => `- ${c}`).join('\n')}`,
    ]);
    const acIdBase = r.id.length <= 56 ? r.id : 'ac';
    const fields = storyWithDefaults({
      id: r.id,
      title: fitText(r.summary, LIMITS.shortText, warnings, 'A summary was longer than {max} characters and was shortened|{n} summaries were longer than {max} characters and were shortened', ref),
      ...userStoryFields(sentence, warnings, ref),
      description: fitText(sentence ? sentence.description : extracted.description, LIMITS.longText, warnings, 'A description was longer than {max} characters and was shortened|{n} descriptions were longer than {max} characters and were shortened', ref),
      acceptanceCriteria: criteriaTexts.map((text, i) => ({
        id: `${acIdBase}-ac${i + 1}`,
        text: fitText(text, LIMITS.longText, warnings, 'An acceptance criterion was longer than {max} characters and was shortened|{n} acceptance criteria were longer than {max} characters and were shortened', ref),
      })),
      estimate,
      epicId,
      labels: [...labels],
      notes: fitText(notes, LIMITS.longText, warnings, 'A story had more than {max} characters of notes (comments, links); they were shortened|{n} stories had more than {max} characters of notes (comments, links); they were shortened', ref),
    });
    const checked = validStory(fields, null);
    if (!checked.ok) {
      skipped.push({ row: r.row.row, ref, reason: `The story is not valid: ${checked.reason}` });
      continue;
    }
    stories.push({ story: checked.story, sourceStatus: r.status, keepRank: false });
    const info = statusInfo.get(r.status);
    if (info) info.count += 1;
    else statusInfo.set(r.status, { name: r.status, category: r.category, count: 1, closed: false, first: statusInfo.size });
  }

  // Columns read only to link rows (not data to keep) are not "ignored".
  cols.markUsed([...C.subTasks, ...C.projectKey, ...C.projectName, ...C.statusCategory]);
  const ignored = cols.ignoredWithValues(table.rows);
  if (ignored.length > 0) warnings.note(`${ignored.length} column${ignored.length === 1 ? ' was' : 's were'} not imported: ${listNames(ignored)}.`);

  const statuses = [...statusInfo.values()]
    .sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.first - b.first)
    .map(({ name, category, count, closed }) => ({ name, category, count, closed }));

  const projectName = mostCommon(table.rows.map((row) => cols.first(row, C.projectName))) || mostCommon(table.rows.map((row) => cols.first(row, C.projectKey)));
  return {
    source: 'jira',
    suggestedName: projectName,
    encoding: null,
    statuses,
    epics,
    stories,
    skipped,
    warnings: warnings.messages(),
    counts: { read: table.rows.length, stories: stories.length, epics: epics.length, skipped: skipped.length, blankRows: table.blankRows },
  };
}
