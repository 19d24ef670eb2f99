import { updateBoardIndex, type BoardIndex } from '../../../../shared/backlog/boardIndex';
import type { Story } from '../../../../shared/model/schema';

/** A function giving the board index of each new version of the stories, updated from the last one. */
export function createBoardIndexer(): (stories: readonly Story[]) => BoardIndex {
  let last: BoardIndex | null = null;
  return (stories) => {
    last = updateBoardIndex(last, stories);
    return last;
  };
}
