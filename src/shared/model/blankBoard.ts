/**
 * The board a new product starts with — a blank product (src/main/core/blankProduct.ts) and an
 * imported one alike: the columns a team would start from and a Definition of Ready.
 */
import type { Board, Column, ReadyItem } from './schema';

export const BLANK_COLUMNS: readonly Column[] = [
  { id: 'backlog', name: 'Backlog', category: 'backlog', wipLimit: null },
  { id: 'ready', name: 'Ready', category: 'todo', wipLimit: null },
  { id: 'in-progress', name: 'In progress', category: 'in-progress', wipLimit: 3 },
  { id: 'review', name: 'In review', category: 'in-progress', wipLimit: null },
  { id: 'done', name: 'Done', category: 'done', wipLimit: null },
];

export const BLANK_DEFINITION_OF_READY: readonly ReadyItem[] = [
  { id: 'dor-1', text: 'The story says who benefits and why', check: 'missing-benefit' },
  { id: 'dor-2', text: 'It has testable acceptance criteria', check: 'no-acceptance-criteria' },
  { id: 'dor-3', text: 'The acceptance criteria are specific, not vague', check: 'vague-criteria' },
  { id: 'dor-4', text: 'The team has estimated it', check: 'not-estimated' },
  { id: 'dor-5', text: 'It is small enough to finish in one sprint', check: 'too-large' },
  { id: 'dor-6', text: 'The team has discussed it in refinement', check: null },
];

export function blankBoard(): Board {
  return {
    columns: BLANK_COLUMNS.map((c) => ({ ...c })),
    definitionOfReady: BLANK_DEFINITION_OF_READY.map((r) => ({ ...r })),
    splitThreshold: 8,
  };
}
