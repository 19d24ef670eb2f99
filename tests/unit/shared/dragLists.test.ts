import { describe, expect, it } from 'vitest';
import { landing, listOf, moveToList, type Lists } from '../../../src/shared/board/dragLists';

const lists: Lists = { todo: ['a', 'b', 'c'], doing: ['d', 'e'], done: [] };

describe('a card dragged across the lists of a board', () => {
  it('finds the list of a card, and a list by its own id', () => {
    expect(listOf(lists, 'e')).toBe('doing');
    expect(listOf(lists, 'done')).toBe('done');
    expect(listOf(lists, 'nowhere')).toBeNull();
  });

  it('shows just before the card it is over in another list, or just after it when below its middle', () => {
    expect(moveToList(lists, 'b', 'e')).toEqual({ todo: ['a', 'c'], doing: ['d', 'b', 'e'], done: [] });
    expect(moveToList(lists, 'b', 'e', true)).toEqual({ todo: ['a', 'c'], doing: ['d', 'e', 'b'], done: [] });
  });

  it('over an empty list (the list itself) it goes to the end; the untouched lists keep their arrays', () => {
    const next = moveToList(lists, 'a', 'done');
    expect(next).toEqual({ todo: ['b', 'c'], doing: ['d', 'e'], done: ['a'] });
    expect(next?.['doing']).toBe(lists['doing']);
  });

  it('does not move a card inside its own list, or over itself once it is in the new list', () => {
    expect(moveToList(lists, 'a', 'c')).toBeNull();
    const moved = moveToList(lists, 'a', 'done');
    expect(moved && moveToList(moved, 'a', 'a')).toBeNull();
    expect(moved && moveToList(moved, 'a', 'done')).toBeNull();
    expect(moveToList(lists, 'unknown', 'done')).toBeNull();
  });

  it('lands where it is shown, moved to the place of the card it is over in the same list', () => {
    expect(landing(lists, 'a', 'c')).toEqual({ list: 'todo', ids: ['b', 'c', 'a'], index: 2 });
    expect(landing(lists, 'c', 'a')).toEqual({ list: 'todo', ids: ['c', 'a', 'b'], index: 0 });
    // Over its own list, or over itself: it stays where the drag shows it.
    expect(landing({ ...lists, done: ['x', 'a2'] }, 'a2', 'done')).toEqual({ list: 'done', ids: ['x', 'a2'], index: 1 });
    expect(landing(lists, 'b', 'b')).toEqual({ list: 'todo', ids: ['a', 'b', 'c'], index: 1 });
    // Over a card of another list (the drag had no time to show it there): where it is shown.
    expect(landing(lists, 'a', 'e')).toEqual({ list: 'todo', ids: ['a', 'b', 'c'], index: 0 });
    expect(landing(lists, 'unknown', 'a')).toBeNull();
  });
});
