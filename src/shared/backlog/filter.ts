/** Search and filters over the backlog: text, epic, label, status and readiness / coach problem. */
import type { LintCode } from '../coach/lints';
import type { StoryReadiness } from '../coach/readiness';
import type { Story } from '../model/schema';

export interface BacklogFilter {
  text: string;
  /** An epic id, `none` for stories without an epic, or null for any. */
  epicId: string | null;
  label: string | null;
  status: string | null;
  /** A coach problem, `ready`, `not-ready`, or null for any. */
  lint: LintCode | 'ready' | 'not-ready' | null;
}

export const EMPTY_FILTER: BacklogFilter = { text: '', epicId: null, label: null, status: null, lint: null };

export function isFilterActive(filter: BacklogFilter): boolean {
  return filter.text.trim() !== '' || filter.epicId !== null || filter.label !== null || filter.status !== null || filter.lint !== null;
}

/** Lower-cased searchable text of a story: title, user story, description and criteria. */
export function searchableText(story: Story): string {
  return [story.title, story.asA, story.iWant, story.soThat, story.description, ...story.acceptanceCriteria.map((c) => c.text)].join('\n').toLowerCase();
}

/** Whether `story` passes `filter`. Every word of the search text must appear somewhere. */
export function matchesFilter(story: Story, filter: BacklogFilter, readiness: StoryReadiness | undefined, text: string = searchableText(story)): boolean {
  if (filter.status !== null && story.status !== filter.status) return false;
  if (filter.epicId === 'none' ? story.epicId !== null : filter.epicId !== null && story.epicId !== filter.epicId) return false;
  if (filter.label !== null && !story.labels.includes(filter.label)) return false;
  if (filter.lint !== null) {
    if (!readiness) return false;
    if (filter.lint === 'ready' && !readiness.ready) return false;
    if (filter.lint === 'not-ready' && readiness.ready) return false;
    if (filter.lint !== 'ready' && filter.lint !== 'not-ready' && !readiness.lints.some((l) => l.code === filter.lint)) return false;
  }
  const terms = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return terms.every((t) => text.includes(t));
}

/** Every label used in the backlog, sorted. */
export function allLabels(stories: readonly Story[]): string[] {
  return [...new Set(stories.flatMap((s) => s.labels))].sort((a, b) => a.localeCompare(b));
}
