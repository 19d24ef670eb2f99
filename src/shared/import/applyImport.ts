/**
 * Turning an import proposal into data: a new product (`buildImportedProduct`, validated like any
 * product file) or one undoable batch edit on the open product (`importIntoProductEdit`). Both go
 * through `resolveImport`, which applies the status mapping, keeps ids unique next to what is
 * already there (remapping the links between imported entities), reuses epics the product already
 * has (same title), and ranks the imported stories after the existing backlog.
 */
import type { BatchEdit, Edit } from '../edits/editSchema';
import { slugify, uniqueId } from '../model/ids';
import { parseProductJson } from '../model/productFile';
import { ranksBetween, sortByRank } from '../model/rank';
import { CURRENT_SCHEMA_VERSION, type Column, type Epic, type Product, type Story } from '../model/schema';
import { blankBoard, BLANK_COLUMNS } from '../model/blankBoard';
import { mappingLookup, orderColumns, planColumns, type ColumnPlan, type StatusMapping } from './statusColumns';
import { ImportError, type ImportResult, type ImportSource } from './types';
import { LIMITS } from '../model/limits';

export const SOURCE_LABELS: Record<ImportSource, string> = { jira: 'Jira', trello: 'Trello', csv: 'CSV' };

/** The columns a new product starts with: Trello's lists replace them; Jira and CSV statuses map onto them. */
export function newProductColumns(result: Pick<ImportResult, 'source' | 'statuses'>): Column[] {
  if (result.source === 'trello' && result.statuses.length > 0) return [];
  return BLANK_COLUMNS.map((c) => ({ ...c }));
}

/** The proposed column plan for importing into a new product (`product` null) or into `product`. */
export function planImport(result: ImportResult, product: Product | null): ColumnPlan {
  return planColumns(result, product ? product.board.columns : newProductColumns(result));
}

export interface ResolvedImport {
  /** The board's columns after the import, in order. */
  columns: Column[];
  /** New columns with the index each takes (ascending). */
  addedColumns: { column: Column; index: number }[];
  /** Epics to add (final ids and ranks). */
  epics: Epic[];
  /** How many imported epics matched one the product already has. */
  reusedEpics: number;
  /** Stories to add (final ids, columns, epics and ranks). */
  stories: Story[];
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

function lastRank(items: readonly { rank: string; id: string }[]): string | null {
  const sorted = sortByRank(items);
  return sorted[sorted.length - 1]?.rank ?? null;
}

/**
 * Resolve `result` against a product's current columns, epics and stories using `mapping` (one
 * entry per source status; statuses it leaves out keep the plan's proposal).
 */
export function resolveImport(
  target: { columns: readonly Column[]; epics: readonly Epic[]; stories: readonly Story[] },
  result: ImportResult,
  plan: ColumnPlan,
  mapping: StatusMapping = plan.mapping,
): ResolvedImport {
  const chosen = mappingLookup(mapping);
  const proposed = mappingLookup(plan.mapping);
  const optionIds = new Set(plan.options.map((o) => o.column.id));
  const columnFor = (status: string): string => {
    const id = chosen.get(status) ?? proposed.get(status);
    if (id === undefined || !optionIds.has(id)) throw new ImportError(`The status “${status}” is not mapped to a column.`);
    return id;
  };

  // Columns: the new ones something maps to, placed by category.
  const used = new Set(result.stories.map((s) => columnFor(s.sourceStatus)));
  for (const status of result.statuses) used.add(columnFor(status.name));
  const existingIds = new Set(target.columns.map((c) => c.id));
  const added = plan.options.filter((o) => o.isNew && used.has(o.column.id) && !existingIds.has(o.column.id)).map((o) => o.column);
  const columns = orderColumns(target.columns, added);
  const addedIds = new Set(added.map((c) => c.id));
  const addedColumns = columns.flatMap((column, index) => (addedIds.has(column.id) ? [{ column, index }] : []));

  // Epics: reuse one with the same title (and the same id, if the title is shared), else add.
  const epicMap = new Map<string, string>();
  const takenEpics = new Set(target.epics.map((e) => e.id));
  const byTitle = new Map<string, Epic[]>();
  for (const e of target.epics) byTitle.set(norm(e.title), [...(byTitle.get(norm(e.title)) ?? []), e]);
  const newEpics: Epic[] = [];
  let reusedEpics = 0;
  for (const epic of result.epics) {
    const sameTitle = byTitle.get(norm(epic.title)) ?? [];
    const match = sameTitle.find((e) => e.id === epic.id) ?? (sameTitle.length > 0 ? sameTitle[0] : undefined);
    if (match && norm(epic.title) !== '') {
      epicMap.set(epic.id, match.id);
      reusedEpics += 1;
      continue;
    }
    const id = uniqueId(epic.id, takenEpics);
    takenEpics.add(id);
    epicMap.set(epic.id, id);
    newEpics.push({ ...epic, id });
  }
  const epicRanks = ranksBetween(lastRank(target.epics), null, newEpics.length);
  const epics = newEpics.map((e, i) => ({ ...e, rank: epicRanks[i] ?? e.rank }));

  // Stories: unique ids, links between imported stories remapped, ranked after the backlog.
  const takenStories = new Set(target.stories.map((s) => s.id));
  const storyMap = new Map<string, string>();
  for (const { story } of result.stories) {
    const id = uniqueId(story.id, takenStories);
    takenStories.add(id);
    storyMap.set(story.id, id);
  }
  const after = lastRank(target.stories);
  const ownRanks = result.stories.map((s) => s.story.rank);
  const keepRanks =
    result.stories.length > 0 &&
    result.stories.every((s) => s.keepRank) &&
    new Set(ownRanks).size === ownRanks.length &&
    ownRanks.every((r) => after === null || r > after);
  const freshRanks = keepRanks ? [] : ranksBetween(after, null, result.stories.length);
  const stories = result.stories.map(({ story, sourceStatus }, i): Story => ({
    ...story,
    id: storyMap.get(story.id) ?? story.id,
    status: columnFor(sourceStatus),
    rank: keepRanks ? story.rank : (freshRanks[i] ?? story.rank),
    epicId: story.epicId === null ? null : (epicMap.get(story.epicId) ?? null),
    splitFrom: story.splitFrom === null ? null : (storyMap.get(story.splitFrom) ?? story.splitFrom),
    splitInto: story.splitInto.map((id) => storyMap.get(id) ?? id),
  }));
  return { columns, addedColumns, epics, reusedEpics, stories };
}

/** "Import 12 stories from Jira" */
export function importLabel(result: Pick<ImportResult, 'source' | 'stories'>): string {
  const n = result.stories.length;
  return `Import ${n} ${n === 1 ? 'story' : 'stories'} from ${SOURCE_LABELS[result.source]}`;
}

/** The import as one undoable edit on `product`: columns, then epics, then stories. */
export function importIntoProductEdit(product: Product, result: ImportResult, mapping?: StatusMapping): BatchEdit {
  const plan = planImport(result, product);
  const resolved = resolveImport({ columns: product.board.columns, epics: product.epics, stories: product.stories }, result, plan, mapping);
  const edits: Edit[] = [
    ...resolved.addedColumns.map(({ column, index }): Edit => ({ type: 'column.add', column, index })),
    ...resolved.epics.map((epic): Edit => ({ type: 'epic.add', epic })),
    ...resolved.stories.map((story): Edit => ({ type: 'story.add', story })),
  ];
  return { type: 'batch', label: importLabel(result), edits };
}

/**
 * A complete new product from `result`, validated by the product schema (as any product file is).
 * Throws `ImportError` with the reason if the result would not make a valid product.
 */
export function buildImportedProduct(result: ImportResult, name: string, mapping?: StatusMapping): Product {
  const productName = name.trim().slice(0, LIMITS.shortText) || result.suggestedName.trim().slice(0, LIMITS.shortText) || 'Imported backlog';
  const board = blankBoard();
  board.columns = newProductColumns(result);
  const plan = planColumns(result, board.columns);
  const resolved = resolveImport({ columns: board.columns, epics: [], stories: [] }, result, plan, mapping);
  const columns = resolved.columns.length > 0 ? resolved.columns : BLANK_COLUMNS.map((c) => ({ ...c }));
  const candidate = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: slugify(productName),
    name: productName,
    summary: `Imported from ${SOURCE_LABELS[result.source]}: ${result.stories.length} ${result.stories.length === 1 ? 'story' : 'stories'}, ${resolved.epics.length} ${resolved.epics.length === 1 ? 'epic' : 'epics'}.`,
    board: { ...board, columns },
    epics: resolved.epics,
    stories: resolved.stories,
  };
  const parsed = parseProductJson(candidate);
  if (!parsed.ok) throw new ImportError(`The imported data does not make a valid product: ${parsed.reason}`);
  return parsed.product;
}
