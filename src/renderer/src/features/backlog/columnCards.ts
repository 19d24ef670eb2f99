/**
 * What each board column shows: its stories by rank, filtered. A column's array keeps its identity
 * while its stories and the filter stay the same, so that after a card move only the columns the
 * card left and entered render again (the others are memoised on this array).
 */
import { isFilterActive, matchesFilter, type BacklogFilter } from '../../../../shared/backlog/filter';
import { storiesIn, storyById, type BoardIndex } from '../../../../shared/backlog/boardIndex';
import type { StoryReadiness } from '../../../../shared/coach/readiness';
import type { Column, Story } from '../../../../shared/model/schema';
import { storySearchText } from './searchTextCache';

export type ColumnCards = Readonly<Record<string, readonly Story[]>>;

/** Whether `story` passes `filter` (the search text of a story is built once per story object). */
export function passesFilter(story: Story, filter: BacklogFilter, readinessOf: (story: Story) => StoryReadiness): boolean {
  const searching = filter.text.trim() !== '';
  return matchesFilter(story, filter, readinessOf(story), searching ? storySearchText(story) : '');
}

interface Filtered {
  filter: BacklogFilter;
  readinessOf: (story: Story) => StoryReadiness;
  cards: readonly Story[];
}

/** A function giving each column's cards; it remembers the last filtering of each column's stories. */
export function createColumnCards(): (index: BoardIndex, columns: readonly Column[], filter: BacklogFilter, readinessOf: (story: Story) => StoryReadiness) => ColumnCards {
  let filtered = new WeakMap<readonly Story[], Filtered>();
  let lastFilter: BacklogFilter | null = null;
  return (index, columns, filter, readinessOf) => {
    if (filter !== lastFilter) {
      filtered = new WeakMap();
      lastFilter = filter;
    }
    const active = isFilterActive(filter);
    const out: Record<string, readonly Story[]> = {};
    for (const column of columns) {
      const all = storiesIn(index, column.id);
      if (!active) {
        out[column.id] = all;
        continue;
      }
      const known = filtered.get(all);
      if (known && known.filter === filter && known.readinessOf === readinessOf) {
        out[column.id] = known.cards;
        continue;
      }
      const cards = all.filter((s) => passesFilter(s, filter, readinessOf));
      filtered.set(all, { filter, readinessOf, cards });
      out[column.id] = cards;
    }
    return out;
  };
}

const ids = new WeakMap<readonly Story[], readonly string[]>();

/** The ids of `stories`, the same array for the same stories array. */
export function idsOf(stories: readonly Story[]): readonly string[] {
  let list = ids.get(stories);
  if (!list) {
    list = stories.map((s) => s.id);
    ids.set(stories, list);
  }
  return list;
}

/** A function giving the stories of a list of ids (the same array for the same ids and index). */
export function createStoriesOfIds(): (index: BoardIndex, ids: readonly string[]) => readonly Story[] {
  let known: BoardIndex | null = null;
  let lists = new WeakMap<readonly string[], readonly Story[]>();
  return (index, ids) => {
    if (index !== known) {
      known = index;
      lists = new WeakMap();
    }
    let list = lists.get(ids);
    if (!list) {
      list = ids.map((id) => storyById(index, id)).filter((s): s is Story => s !== undefined);
      lists.set(ids, list);
    }
    return list;
  };
}
