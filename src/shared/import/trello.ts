/**
 * A Trello board's "Export as JSON" to an import proposal:
 * - lists → statuses (columns), in board order; archived lists are skipped (their cards counted) or
 *   imported as a closed column, as the learner chooses;
 * - cards → stories in list order then card position; archived cards are left out by default and
 *   counted;
 * - labels in both forms: the newer board `labels` array with `idLabels` / `labels` on cards, and
 *   the old `labelNames` colour map with colour-only card labels;
 * - checklists → acceptance criteria (ordered by position; with several checklists each criterion
 *   says which one it came from); which items are complete goes to the notes;
 * - the description (Markdown) stays the description, minus clearly marked acceptance criteria;
 * - due dates, members, attachments, comments and custom fields are kept in the notes; a number
 *   custom field called "Story points" / "Estimate" / "Points" becomes the estimate.
 */
import { LIMITS } from '../model/limits';
import { z } from 'zod';
import { extractAcceptanceCriteria } from './acceptanceCriteria';
import { guessCategory } from './statusColumns';
import { claimId, fitText, noteLines, parseNumber, storyWithDefaults, userStoryFields, validStory, WarningCollector } from './storyDraft';
import { extractUserStory } from './userStory';
import { ImportError, type ImportResult, type ImportedStory, type SkippedRow, type SourceStatus } from './types';

const Id = z.string().min(1);
const Pos = z.union([z.number(), z.string().transform((s) => Number(s))]).catch(0);

const ListSchema = z.looseObject({ id: Id, name: z.string().catch(''), closed: z.boolean().catch(false), pos: Pos.optional() });
const LabelSchema = z.looseObject({ id: z.string().optional(), name: z.string().nullable().optional(), color: z.string().nullable().optional() });
const CheckItemSchema = z.looseObject({ id: z.string().optional(), name: z.string().catch(''), state: z.string().catch('incomplete'), pos: Pos.optional() });
const ChecklistSchema = z.looseObject({ id: Id, idCard: z.string().optional(), name: z.string().catch(''), pos: Pos.optional(), checkItems: z.array(CheckItemSchema).catch([]) });
const CardSchema = z.looseObject({
  id: Id,
  name: z.string().catch(''),
  desc: z.string().catch(''),
  idList: z.string().catch(''),
  pos: Pos.optional(),
  closed: z.boolean().catch(false),
  due: z.string().nullable().catch(null).optional(),
  dueComplete: z.boolean().catch(false).optional(),
  shortLink: z.string().optional(),
  idLabels: z.array(z.string()).catch([]).optional(),
  labels: z.array(z.union([z.string(), LabelSchema])).catch([]).optional(),
  idChecklists: z.array(z.string()).catch([]).optional(),
  idMembers: z.array(z.string()).catch([]).optional(),
  attachments: z.array(z.looseObject({ name: z.string().catch(''), url: z.string().catch('') })).catch([]).optional(),
  customFieldItems: z
    .array(z.looseObject({ idCustomField: z.string(), value: z.record(z.string(), z.unknown()).nullable().catch(null).optional(), idValue: z.string().nullable().optional() }))
    .catch([])
    .optional(),
});
const BoardSchema = z.looseObject({
  name: z.string().catch(''),
  lists: z.array(z.unknown()),
  cards: z.array(z.unknown()),
  labels: z.array(LabelSchema).catch([]).optional(),
  labelNames: z.record(z.string(), z.string().nullable()).catch({}).optional(),
  checklists: z.array(z.unknown()).catch([]).optional(),
  members: z.array(z.looseObject({ id: z.string(), fullName: z.string().catch(''), username: z.string().catch('') })).catch([]).optional(),
  customFields: z
    .array(z.looseObject({ id: z.string(), name: z.string().catch(''), type: z.string().catch(''), options: z.array(z.looseObject({ id: z.string(), value: z.record(z.string(), z.unknown()).catch({}) })).catch([]).optional() }))
    .catch([])
    .optional(),
  actions: z.array(z.unknown()).catch([]).optional(),
});
const CommentActionSchema = z.looseObject({
  type: z.literal('commentCard'),
  date: z.string().catch(''),
  data: z.looseObject({ text: z.string(), card: z.looseObject({ id: z.string() }) }),
  memberCreator: z.looseObject({ fullName: z.string().catch('') }).optional(),
});

type TrelloCard = z.infer<typeof CardSchema>;
type TrelloLabel = z.infer<typeof LabelSchema>;

export interface TrelloOptions {
  /** Archived lists: leave them and their cards out ('skip'), or import them as a closed column. */
  archivedLists: 'skip' | 'column';
  /** Import archived cards too (default: no; they are counted). */
  includeArchivedCards: boolean;
  random?: () => number;
}

export const DEFAULT_TRELLO_OPTIONS: TrelloOptions = { archivedLists: 'skip', includeArchivedCards: false };

const byPos = <T extends { pos?: number | undefined }>(items: readonly T[]): T[] =>
  items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (a.item.pos ?? 0) - (b.item.pos ?? 0) || a.index - b.index)
    .map((x) => x.item);

/** Whether parsed JSON looks like a Trello board export. */
export function isTrelloBoard(json: unknown): boolean {
  return typeof json === 'object' && json !== null && Array.isArray((json as { lists?: unknown }).lists) && Array.isArray((json as { cards?: unknown }).cards);
}

export function parseTrelloJson(text: string | unknown, options: TrelloOptions = DEFAULT_TRELLO_OPTIONS): ImportResult {
  let json: unknown = text;
  if (typeof text === 'string') {
    try {
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      throw new ImportError(`The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  const parsedBoard = BoardSchema.safeParse(json);
  if (!isTrelloBoard(json) || !parsedBoard.success) {
    throw new ImportError('This JSON file is not a Trello board export: it has no “lists” and “cards”. In Trello, open the board menu → Print, export and share → Export as JSON.');
  }
  const board = parsedBoard.data;
  const warnings = new WarningCollector();
  const skipped: SkippedRow[] = [];

  const lists = byPos(board.lists.flatMap((l) => {
    const r = ListSchema.safeParse(l);
    return r.success ? [r.data] : [];
  }));
  const listById = new Map(lists.map((l) => [l.id, l]));
  const labelsById = new Map((board.labels ?? []).filter((l) => l.id).map((l) => [l.id ?? '', l]));
  const labelNames = board.labelNames ?? {};
  const members = new Map((board.members ?? []).map((m) => [m.id, m.fullName || m.username]));
  const customFields = new Map((board.customFields ?? []).map((f) => [f.id, f]));
  const checklists = (board.checklists ?? []).flatMap((c) => {
    const r = ChecklistSchema.safeParse(c);
    return r.success ? [r.data] : [];
  });
  const checklistsByCard = new Map<string, z.infer<typeof ChecklistSchema>[]>();
  for (const c of checklists) {
    if (!c.idCard) continue;
    const list = checklistsByCard.get(c.idCard);
    if (list) list.push(c);
    else checklistsByCard.set(c.idCard, [c]);
  }
  const commentsByCard = new Map<string, string[]>();
  for (const a of board.actions ?? []) {
    const r = CommentActionSchema.safeParse(a);
    if (!r.success) continue;
    const line = `${r.data.date.slice(0, 10)} — ${r.data.memberCreator?.fullName ?? 'someone'}: ${r.data.data.text}`;
    const list = commentsByCard.get(r.data.data.card.id);
    // Trello lists actions newest first; comments read oldest first.
    if (list) list.unshift(line);
    else commentsByCard.set(r.data.data.card.id, [line]);
  }

  const labelName = (label: string | TrelloLabel): string | null => {
    if (typeof label === 'string') return labelNames[label] || label;
    const fromBoard = label.id ? labelsById.get(label.id) : undefined;
    const name = label.name || fromBoard?.name || '';
    if (name.trim()) return name.trim();
    const color = label.color ?? fromBoard?.color ?? null;
    if (!color) return null;
    return labelNames[color]?.trim() || color;
  };

  const cardLabels = (card: TrelloCard): string[] => {
    const names: string[] = [];
    const objects = card.labels ?? [];
    if (objects.length > 0) {
      for (const l of objects) {
        const n = labelName(l);
        if (n) names.push(n);
      }
    } else {
      for (const id of card.idLabels ?? []) {
        const l = labelsById.get(id);
        const n = l ? labelName(l) : null;
        if (n) names.push(n);
      }
    }
    return [...new Set(names)];
  };

  // Cards: each validated on its own, so one odd card does not stop the rest.
  const cards: TrelloCard[] = [];
  board.cards.forEach((c, index) => {
    const r = CardSchema.safeParse(c);
    if (r.success) cards.push(r.data);
    else skipped.push({ row: null, ref: `card ${index + 1}`, reason: 'It is not a card Trello would write (no id).' });
  });
  const listOrder = new Map(lists.map((l, i) => [l.id, i]));
  const orderedCards = [...cards]
    .map((card, index) => ({ card, index }))
    .sort((a, b) => (listOrder.get(a.card.idList) ?? 1e9) - (listOrder.get(b.card.idList) ?? 1e9) || (a.card.pos ?? 0) - (b.card.pos ?? 0) || a.index - b.index)
    .map((x) => x.card);

  const storyIds = new Set<string>();
  const stories: ImportedStory[] = [];
  const counts = new Map<string, number>();
  let archivedCards = 0;
  for (const card of orderedCards) {
    const ref = card.name.trim() || card.shortLink || card.id;
    const list = listById.get(card.idList);
    if (!list) {
      skipped.push({ row: null, ref, reason: 'Its list is not in the export.' });
      continue;
    }
    if (list.closed && options.archivedLists === 'skip') {
      skipped.push({ row: null, ref, reason: `It is in the archived list “${list.name}”.` });
      continue;
    }
    if (card.closed && !options.includeArchivedCards) {
      archivedCards += 1;
      skipped.push({ row: null, ref, reason: 'It is archived.' });
      continue;
    }
    if (!card.name.trim()) {
      skipped.push({ row: null, ref, reason: 'It has no name.' });
      continue;
    }
    const id = claimId(card.shortLink && /^[A-Za-z0-9]+$/.test(card.shortLink) ? `trello-${card.shortLink}` : `trello-${card.id}`, 'story', storyIds, options.random);
    const extracted = extractAcceptanceCriteria(card.desc.replace(/\r\n?/g, '\n').trim(), 'markdown');
    const sentence = extractUserStory(extracted.description);

    // Checklists → acceptance criteria, in the card's order.
    const cardChecklists = byPos(
      (card.idChecklists ?? []).length > 0
        ? (card.idChecklists ?? []).flatMap((cid) => checklists.filter((c) => c.id === cid))
        : (checklistsByCard.get(card.id) ?? []),
    );
    const several = cardChecklists.length > 1;
    const criteria: string[] = [];
    const progress: string[] = [];
    for (const checklist of cardChecklists) {
      const items = byPos(checklist.checkItems).filter((item) => item.name.trim() !== '');
      for (const item of items) criteria.push(several ? `${checklist.name}: ${item.name.trim()}` : item.name.trim());
      const done = items.filter((item) => item.state === 'complete');
      if (items.length > 0) progress.push(`Checklist “${checklist.name}”: ${done.length} of ${items.length} complete${done.length > 0 ? ` (${done.map((d) => d.name.trim()).join('; ')})` : ''}`);
    }
    criteria.push(...extracted.criteria);

    // Custom fields: a story-points number becomes the estimate, the rest go to the notes.
    let estimate: number | null = null;
    const fieldNotes: string[] = [];
    for (const item of card.customFieldItems ?? []) {
      const field = customFields.get(item.idCustomField);
      if (!field) continue;
      const raw = item.idValue ? field.options?.find((o) => o.id === item.idValue)?.value : item.value;
      const value = raw ? Object.values(raw).map(String).join(' ') : '';
      if (!value) continue;
      if (field.type === 'number' && /^(story ?points?|estimate|points|sp|size)$/i.test(field.name.trim()) && estimate === null) {
        const n = parseNumber(value);
        if (n !== null && n >= 0) {
          estimate = n;
          continue;
        }
      }
      fieldNotes.push(`${field.name}: ${value}`);
    }

    const cardMembers = (card.idMembers ?? []).map((m) => members.get(m)).filter((m): m is string => !!m);
    const attachments = (card.attachments ?? []).map((a) => (a.name && a.url && a.name !== a.url ? `${a.name} (${a.url})` : a.url || a.name)).filter(Boolean);
    const comments = commentsByCard.get(card.id) ?? [];
    const notes = noteLines([
      `Imported from Trello${card.shortLink ? ` card ${card.shortLink}` : ''}${card.closed ? ' (archived)' : ''}`,
      card.due ? `Due: ${card.due.slice(0, 10)}${card.dueComplete ? ' (marked complete)' : ''}` : null,
      cardMembers.length > 0 && `Members: ${cardMembers.join(', ')}`,
      ...progress,
      ...fieldNotes,
      attachments.length > 0 && `Attachments:\n${attachments.map((a) => `- ${a}`).join('\n')}`,
      comments.length > 0 && `Comments:\n${comments.map((c) => `- ${c}`).join('\n')}`,
    ]);
    const fields = storyWithDefaults({
      id,
      title: fitText(card.name.trim(), LIMITS.shortText, warnings, 'A card name was longer than {max} characters and was shortened|{n} card names were longer than {max} characters and were shortened', ref),
      ...userStoryFields(sentence, warnings, ref),
      description: fitText(sentence ? sentence.description : extracted.description, LIMITS.longText, warnings, 'A card description was longer than {max} characters and was shortened|{n} card descriptions were longer than {max} characters and were shortened', ref),
      acceptanceCriteria: criteria.map((text, i) => ({ id: `${id.length <= 56 ? id : 'ac'}-ac${i + 1}`, text: fitText(text, LIMITS.longText, warnings, 'A checklist item was too long and was shortened|{n} checklist items were too long and were shortened', ref) })),
      estimate,
      labels: cardLabels(card).map((l) => fitText(l, LIMITS.shortText, warnings, 'A label was too long and was shortened|{n} labels were too long and were shortened', ref)),
      notes: fitText(notes, LIMITS.longText, warnings, 'A card had more than {max} characters of notes; they were shortened|{n} cards had more than {max} characters of notes; they were shortened', ref),
    });
    const checked = validStory(fields, null);
    if (!checked.ok) {
      skipped.push({ row: null, ref, reason: `The story is not valid: ${checked.reason}` });
      continue;
    }
    const statusName = statusNameOf(list);
    stories.push({ story: checked.story, sourceStatus: statusName, keepRank: false });
    counts.set(statusName, (counts.get(statusName) ?? 0) + 1);
  }

  // Every open list is a column (even an empty one: the board's shape is part of the practice);
  // archived lists only when chosen and only if they have cards.
  const statuses: SourceStatus[] = lists
    .filter((l) => (l.closed ? options.archivedLists === 'column' && (counts.get(statusNameOf(l)) ?? 0) > 0 : true))
    .map((l) => ({ name: statusNameOf(l), category: l.closed ? 'done' : guessCategory(l.name), count: counts.get(statusNameOf(l)) ?? 0, closed: l.closed }));

  if (archivedCards > 0) warnings.note(`${archivedCards} archived card${archivedCards === 1 ? ' was' : 's were'} left out. Tick “Include archived cards” to import them.`);
  const archivedLists = lists.filter((l) => l.closed);
  if (archivedLists.length > 0 && options.archivedLists === 'skip') {
    warnings.note(`${archivedLists.length} archived list${archivedLists.length === 1 ? ' was' : 's were'} left out with ${archivedLists.length === 1 ? 'its' : 'their'} cards: ${archivedLists.map((l) => l.name).join(', ')}.`);
  }
  return {
    source: 'trello',
    suggestedName: board.name.trim(),
    encoding: null,
    statuses,
    epics: [],
    stories,
    skipped,
    warnings: warnings.messages(),
    counts: { read: cards.length, stories: stories.length, epics: 0, skipped: skipped.length, blankRows: 0 },
  };
}

/** Two lists may share a name; an archived one is told apart by its mark. */
function statusNameOf(list: { name: string; closed: boolean }): string {
  const name = list.name.trim() || 'Untitled list';
  return list.closed ? `${name} (archived)` : name;
}
