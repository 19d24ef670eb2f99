/** What every rubric check returns: pass or not yet, the specific items, and why it matters. */
import type { NoteId } from '../notes';

export interface RubricItem {
  /** The id of the story, roadmap item, goal or spec the problem is about (or a name for the whole plan). */
  id: string;
  title: string;
  problem: string;
}

export interface RuleResult {
  passed: boolean;
  /** One line: where the work stands ("6 of 8 stories meet the Definition of Ready."). */
  summary: string;
  /** What is not there yet, item by item (empty when the check passes). */
  items: RubricItem[];
  /** Why the check matters and how to fix what it found, drawn from the views' own checks. */
  explanation: string;
  /** The learning note on the concept. */
  noteId: NoteId;
}

/** "1 story", "3 stories". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** “Title” in curly quotes. */
export function quote(title: string): string {
  return `“${title}”`;
}

/** "A", "A and B", "A, B and C". */
export function listText(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}
