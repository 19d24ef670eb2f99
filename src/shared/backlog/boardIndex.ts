/**
 * The backlog's stories indexed for the board: in rank order, per status (column), by id, and the
 * labels in use, kept up to date one edit at a time.
 *
 * An edit replaces the objects of the stories it changes and shares every other story object with
 * the previous product (`applyEdit`). A card move therefore changes one story: re-sorting the
 * 5,000 stories of a large backlog, grouping them by column again and rebuilding an id map after
 * every drop took a good share of a frame (`npm run bench`, README: Performance). Here such an
 * edit moves that one story within the sorted lists, rebuilds only the columns it left and
 * entered, and keeps everything else, arrays included, identical: so a board column whose stories
 * did not change gets the very same array and need not render again.
 */
import { compareRanks } from '../model/rank';
import type { Story } from '../model/schema';
import { allLabels } from './filter';

export interface BoardIndex {
  /** The product's stories, as given (product order). */
  readonly stories: readonly Story[];
  /** Every story by rank, ties broken by id (as `sortByRank`). */
  readonly ordered: readonly Story[];
  /**
   * The stories of each status by rank. A status's array keeps its identity as long as none of its
   * stories changed, entered or left.
   */
  readonly byStatus: ReadonlyMap<string, readonly Story[]>;
  /** Every label used, sorted (as `allLabels`); the same array while the labels stay the same. */
  readonly labels: readonly string[];
  /** Position of each story id in `stories` (shared between indexes whose story ids are in the same places). */
  readonly positions: ReadonlyMap<string, number>;
}

/** How a list of stories differs from a previous one. */
export type StoryChanges =
  | { kind: 'same' }
  /** The same ids in the same places; `pairs` are the stories whose object was replaced. */
  | { kind: 'replaced'; pairs: readonly { before: Story; after: Story }[] }
  /** Stories were added, removed or reordered, or too many were replaced to be worth tracking. */
  | { kind: 'reshaped' };

/** Beyond this many replaced stories, building the index again is as quick as updating it. */
export const MAX_TRACKED_CHANGES = 64;

export function storyChanges(before: readonly Story[], after: readonly Story[], limit = MAX_TRACKED_CHANGES): StoryChanges {
  if (before === after) return { kind: 'same' };
  if (before.length !== after.length) return { kind: 'reshaped' };
  const pairs: { before: Story; after: Story }[] = [];
  for (let i = 0; i < after.length; i += 1) {
    const b = before[i];
    const a = after[i];
    if (b === a) continue;
    if (!b || !a || b.id !== a.id || pairs.length >= limit) return { kind: 'reshaped' };
    pairs.push({ before: b, after: a });
  }
  return pairs.length === 0 ? { kind: 'same' } : { kind: 'replaced', pairs };
}

/** Rank order, ties broken by id: a total order (ids are unique). */
export function compareByRank(a: Story, b: Story): number {
  return compareRanks(a.rank, b.rank) || compareRanks(a.id, b.id);
}

/** The first position in rank-sorted `list` whose story does not come before `story`. */
function lowerBound(list: readonly Story[], story: Story): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = list[mid];
    if (s !== undefined && compareByRank(s, story) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Take `story` out of rank-sorted `list` (in place); false when it is not where its rank says. */
function removeSorted(list: Story[], story: Story): boolean {
  const at = lowerBound(list, story);
  if (list[at] !== story) return false;
  list.splice(at, 1);
  return true;
}

function insertSorted(list: Story[], story: Story): void {
  list.splice(lowerBound(list, story), 0, story);
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

const NO_STORIES: readonly Story[] = [];

/** `next`, or the array `previous` holds for the same status when it has the same stories. */
function reuse(next: Map<string, readonly Story[]>, previous: ReadonlyMap<string, readonly Story[]> | undefined): Map<string, readonly Story[]> {
  if (!previous) return next;
  for (const [status, list] of next) {
    const old = previous.get(status);
    if (old && sameItems(old, list)) next.set(status, old);
  }
  return next;
}

function build(stories: readonly Story[], previous: BoardIndex | null): BoardIndex {
  const ordered = [...stories].sort(compareByRank);
  const grouped = new Map<string, Story[]>();
  for (const s of ordered) {
    const list = grouped.get(s.status);
    if (list) list.push(s);
    else grouped.set(s.status, [s]);
  }
  const byStatus = reuse(grouped, previous?.byStatus);
  const labels = allLabels(stories);
  const positions = new Map<string, number>();
  stories.forEach((s, i) => positions.set(s.id, i));
  return { stories, ordered, byStatus, labels: previous && sameItems(previous.labels, labels) ? previous.labels : labels, positions };
}

/** The index of `stories`, built from scratch. */
export function indexBoard(stories: readonly Story[]): BoardIndex {
  return build(stories, null);
}

/** The index of `stories`, updated from `previous` (the index of an earlier version of the same backlog). */
export function updateBoardIndex(previous: BoardIndex | null, stories: readonly Story[]): BoardIndex {
  if (!previous) return build(stories, null);
  const changes = storyChanges(previous.stories, stories);
  if (changes.kind === 'same') return previous.stories === stories ? previous : { ...previous, stories };
  if (changes.kind === 'reshaped') return build(stories, previous);

  const ordered = [...previous.ordered];
  const byStatus = new Map(previous.byStatus);
  const copied = new Set<string>();
  const listOf = (status: string): Story[] => {
    const current = byStatus.get(status) ?? NO_STORIES;
    if (copied.has(status)) return current as Story[];
    const copy = [...current];
    copied.add(status);
    byStatus.set(status, copy);
    return copy;
  };
  for (const { before } of changes.pairs) {
    if (!removeSorted(ordered, before) || !removeSorted(listOf(before.status), before)) return build(stories, previous);
  }
  for (const { after } of changes.pairs) {
    insertSorted(ordered, after);
    insertSorted(listOf(after.status), after);
  }
  for (const status of copied) if (byStatus.get(status)?.length === 0) byStatus.delete(status);

  const labelsKept = changes.pairs.every(({ before, after }) => sameItems(before.labels, after.labels));
  const labels = labelsKept ? previous.labels : allLabels(stories);
  return {
    stories,
    ordered,
    byStatus,
    labels: labelsKept || sameItems(previous.labels, labels) ? previous.labels : labels,
    positions: previous.positions,
  };
}

/** The story with `id`, or undefined. */
export function storyById(index: BoardIndex, id: string): Story | undefined {
  const at = index.positions.get(id);
  return at === undefined ? undefined : index.stories[at];
}

/** The stories of `status` by rank (an empty array when there are none). */
export function storiesIn(index: BoardIndex, status: string): readonly Story[] {
  return index.byStatus.get(status) ?? NO_STORIES;
}
