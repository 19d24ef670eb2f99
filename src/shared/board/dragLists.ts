/**
 * A card dragged across the lists of a board (the backlog's columns, the roadmap's horizon ×
 * swimlane cells): where it shows while it is dragged, and where it lands when it is dropped. Pure:
 * a board asks these, then dispatches one edit on the drop and nothing before it.
 */

/** The card ids of each list, by list id. */
export type Lists = Readonly<Record<string, readonly string[]>>;

/** The list `id` names, or the list that holds the card `id`; null for neither. */
export function listOf(lists: Lists, id: string): string | null {
  if (Object.hasOwn(lists, id)) return id;
  for (const [list, ids] of Object.entries(lists)) if (ids.includes(id)) return list;
  return null;
}

/**
 * The lists with `cardId` moved into the list of `overId` (a card or a list): just before the card
 * it is over (just after it with `after`), or at the end when it is over the list itself. Null when
 * the card is already in that list, or either is unknown: a move inside one list is only shown by
 * the sortable, and decided on the drop. Lists that do not change keep their arrays.
 */
export function moveToList(lists: Lists, cardId: string, overId: string, after = false): Lists | null {
  const from = listOf(lists, cardId);
  const to = listOf(lists, overId);
  if (from === null || to === null || from === to) return null;
  const target = [...(lists[to] ?? [])];
  const overIndex = target.indexOf(overId);
  target.splice(overIndex < 0 ? target.length : overIndex + (after ? 1 : 0), 0, cardId);
  return { ...lists, [from]: (lists[from] ?? []).filter((id) => id !== cardId), [to]: target };
}

export interface Landing {
  /** The list the card is dropped in. */
  list: string;
  /** That list's cards in their new order, with the dropped card among them. */
  ids: string[];
  /** The dropped card's position in `ids`. */
  index: number;
}

/**
 * Where `cardId` lands when dropped over `overId`: in the list it is shown in, moved to the place of
 * the card it is over when that card is in the same list (the reorder the sortable shows). Null
 * when the card is in no list.
 */
export function landing(lists: Lists, cardId: string, overId: string): Landing | null {
  const list = listOf(lists, cardId);
  if (list === null) return null;
  const ids = [...(lists[list] ?? [])];
  const from = ids.indexOf(cardId);
  const to = ids.indexOf(overId);
  if (from >= 0 && to >= 0 && from !== to) {
    ids.splice(from, 1);
    ids.splice(to, 0, cardId);
  }
  return { list, ids, index: ids.indexOf(cardId) };
}
