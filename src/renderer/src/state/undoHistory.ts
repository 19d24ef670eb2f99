/**
 * One window's undo and redo: the edits it made, each with the edit that undoes it. Undo applies
 * the inverse as a new edit (so other windows' edits since stay), redo the edit again.
 */
import type { Edit } from '../../../shared/edits/editSchema';

export interface UndoEntry {
  label: string;
  /** The edit that was applied (redo applies it again). */
  edit: Edit;
  /** The edit that undoes it. */
  inverse: Edit;
}

const MAX_UNDO = 500;

export class UndoHistory {
  private undoStack: UndoEntry[] = [];
  private redoStack: UndoEntry[] = [];

  /** A new step: it can be undone, and nothing can be redone any more. */
  record(entry: UndoEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
    this.redoStack = [];
  }

  /** The step to undo, taken off the history (`undone` puts it on the redo side). */
  takeUndo(): UndoEntry | undefined {
    return this.undoStack.pop();
  }

  takeRedo(): UndoEntry | undefined {
    return this.redoStack.pop();
  }

  /** An undone step, redoable with `edit`. */
  undone(entry: UndoEntry): void {
    this.redoStack.push(entry);
  }

  /** A redone step, undoable again. */
  redone(entry: UndoEntry): void {
    this.undoStack.push(entry);
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }

  get undoLabel(): string | null {
    return this.undoStack[this.undoStack.length - 1]?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.redoStack[this.redoStack.length - 1]?.label ?? null;
  }
}

/** A short human label for the undo menu. */
export function describeEdit(edit: Edit): string {
  if (edit.type === 'batch') return edit.label;
  const [noun = '', verb = ''] = edit.type.split('.');
  const nouns: Record<string, string> = {
    roadmapItem: 'roadmap item',
    roadmap: 'roadmap item',
    score: 'score',
  };
  const verbs: Record<string, string> = { add: 'Add', update: 'Edit', delete: 'Delete', move: 'Move', schedule: 'Schedule', set: 'Set' };
  return `${verbs[verb] ?? verb} ${nouns[noun] ?? noun}`;
}
