/**
 * Splitting a story: new stories, linked to the original by `splitFrom`, placed right after it in
 * the backlog order; the original records them in `splitInto` and keeps its place (marked as split)
 * so the history stays visible. One batch edit, so one undo restores everything.
 */
import { newId } from '../model/ids';
import { ranksBetween, sortByRank } from '../model/rank';
import { EMPTY_SCORES, type Product, type Story } from '../model/schema';
import { EditError } from './applyEdit';
import type { BatchEdit, Edit } from './editSchema';
import { LIMITS } from '../model/limits';

export const SPLIT_METHODS = ['acceptance-criteria', 'workflow-steps', 'data-variations'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

export const SPLIT_METHOD_LABELS: Record<SplitMethod, string> = {
  'acceptance-criteria': 'By acceptance criterion',
  'workflow-steps': 'By workflow step',
  'data-variations': 'By data variation',
};

export interface SplitPart {
  title: string;
  /** Acceptance criteria ids of the original that move to this part. */
  criterionIds: string[];
}

/** One part per acceptance criterion: the usual first cut. */
export function partsFromCriteria(story: Story): SplitPart[] {
  return story.acceptanceCriteria.map((c) => ({ title: c.text.length > 120 ? `${c.text.slice(0, 117)}…` : c.text, criterionIds: [c.id] }));
}

export function splitStoryEdit(product: Product, storyId: string, method: SplitMethod, parts: readonly SplitPart[], random: () => number = Math.random): BatchEdit {
  const original = product.stories.find((s) => s.id === storyId);
  if (!original) throw new EditError(`There is no story with id "${storyId}".`);
  const usable = parts.map((p) => ({ ...p, title: p.title.trim() })).filter((p) => p.title.length > 0);
  if (usable.length < 2) throw new EditError('A split needs at least two parts with a title.');
  const known = new Set(original.acceptanceCriteria.map((c) => c.id));
  for (const part of usable) {
    for (const id of part.criterionIds) if (!known.has(id)) throw new EditError(`Criterion "${id}" is not part of the story.`);
  }

  const ordered = sortByRank(product.stories);
  const next = ordered[ordered.findIndex((s) => s.id === storyId) + 1];
  const ranks = ranksBetween(original.rank, next?.rank ?? null, usable.length);
  const taken = new Set(product.stories.map((s) => s.id));
  const ids: string[] = [];
  for (let i = 0; i < usable.length; i += 1) {
    let id = newId('st', random);
    while (taken.has(id)) id = newId('st', random);
    taken.add(id);
    ids.push(id);
  }

  const adds: Edit[] = usable.map((part, i): Edit => {
    const id = ids[i] ?? '';
    const story: Story = {
      ...original,
      id,
      title: part.title.slice(0, LIMITS.shortText),
      description: `Split from “${original.title}” (${SPLIT_METHOD_LABELS[method].toLowerCase()}).`,
      acceptanceCriteria: original.acceptanceCriteria
        .filter((c) => part.criterionIds.includes(c.id))
        .map((c, n) => ({ id: `${id}-ac${n + 1}`, text: c.text })),
      estimate: null,
      rank: ranks[i] ?? original.rank,
      scores: EMPTY_SCORES,
      splitFrom: original.id,
      splitInto: [],
      notes: '',
    };
    return { type: 'story.add', story };
  });
  return {
    type: 'batch',
    label: `Split “${original.title}” into ${usable.length}`,
    edits: [...adds, { type: 'story.update', id: original.id, patch: { splitInto: [...original.splitInto, ...ids] } }],
  };
}
