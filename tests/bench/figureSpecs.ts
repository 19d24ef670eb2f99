/**
 * Every figure the bench prints: its id, label, unit and budget (issue 8), in one place, so a
 * measurement that cannot run still gets its row, with the reason.
 */
import { formatCount, type Budget, type Figure } from './lib/results';

export type FigureSpec = Pick<Figure, 'id' | 'label' | 'unit'> & { budget: Budget | null };

/** The budgets of issue 8. They are reported as pass / falls short; they are never loosened here. */
export const BUDGETS = {
  /** Opening 10,000 stories to an interactive board. */
  open10kMs: 500,
  /** …and at most this many times the parse + validate floor. */
  openFloorRatio: 3,
  /** Moving a card on a 5,000-story board, drop to paint. */
  move5kMs: 16,
  /** A keystroke in a story title or the spec editor, key to paint. */
  typingMs: 16,
  /** Scoring and sorting 10,000 items by RICE. */
  rice10kMs: 10,
  /** Disk writes for 100 edits made within one second. */
  writesPerBurst: 3,
  /** From the last of those edits to the end of the last write. */
  lastWriteDelayMs: 100,
  /** Renderer JS heap with a 10,000-story board open. */
  heapMb: 200,
} as const;

const budget = (max: number): Budget => ({ max });

export const SPECS = {
  open: (n: number): FigureSpec => ({ id: `open-${n}`, label: `Open ${formatCount(n)} stories → interactive board`, unit: 'ms', budget: n === 10_000 ? budget(BUDGETS.open10kMs) : null }),
  floor: (n: number): FigureSpec => ({ id: `floor-${n}`, label: `Floor: JSON.parse + ProductSchema, ${formatCount(n)} stories (Node)`, unit: 'ms', budget: null }),
  openRatio: (n: number): FigureSpec => ({ id: `open-ratio-${n}`, label: `Open ÷ floor, ${formatCount(n)} stories`, unit: '×', budget: n === 10_000 ? budget(BUDGETS.openFloorRatio) : null }),
  move: (n: number): FigureSpec => ({ id: `move-${n}`, label: `Move one card (drop → painted), ${formatCount(n)} stories`, unit: 'ms', budget: n === 5000 ? budget(BUDGETS.move5kMs) : null }),
  typeTitle: (n: number): FigureSpec => ({ id: `type-title-${n}`, label: `Type in a story title (key → painted), ${formatCount(n)} stories`, unit: 'ms', budget: budget(BUDGETS.typingMs) }),
  typeSpec: (n: number): FigureSpec => ({ id: `type-spec-${n}`, label: `Type in the spec editor (key → painted), ${formatCount(n)} stories`, unit: 'ms', budget: budget(BUDGETS.typingMs) }),
  rice: (n: number): FigureSpec => ({ id: `rice-${n}`, label: `Recompute + sort RICE, ${formatCount(n)} items`, unit: 'ms', budget: budget(BUDGETS.rice10kMs) }),
  writes: (n: number): FigureSpec => ({ id: `writes-${n}`, label: `100 edits in 1 s → disk writes, ${formatCount(n)} stories`, unit: 'writes', budget: budget(BUDGETS.writesPerBurst) }),
  lastWrite: (n: number): FigureSpec => ({ id: `last-write-${n}`, label: `100 edits in 1 s → last write done after last edit, ${formatCount(n)} stories`, unit: 'ms', budget: budget(BUDGETS.lastWriteDelayMs) }),
  singleWrite: (n: number): FigureSpec => ({ id: `single-write-${n}`, label: `1 edit after idle → on disk, ${formatCount(n)} stories`, unit: 'ms', budget: null }),
  scrollBoard: (n: number): FigureSpec => ({ id: `scroll-board-${n}`, label: `Scroll the Backlog column, ${formatCount(n)} stories: frames over 16 ms`, unit: '%', budget: null }),
  scrollTimeline: (items: number): FigureSpec => ({ id: `scroll-timeline-${items}`, label: `Scroll the roadmap timeline, ${formatCount(items)} items: frames over 16 ms`, unit: '%', budget: null }),
  heap: (n: number): FigureSpec => ({ id: `heap-${n}`, label: `Renderer JS heap, board of ${formatCount(n)} stories`, unit: 'MB', budget: budget(BUDGETS.heapMb) }),
};
