/**
 * `backlogHealth(product)` for a product that changes one edit at a time: the same figures (given
 * the same duplicate groups), but only the stories an edit replaced are linted and counted again.
 * A card move used to lint every story and search the whole backlog for duplicates again: seconds
 * at 5,000 stories; later it still summed up every story and rebuilt a 5,000-entry readiness map
 * (`npm run bench`). Stories are immutable (an edit replaces the object), so a story's readiness is
 * cached by identity until the lint context (split threshold, epics present, duplicates) or the
 * Definition of Ready changes, and the summary is updated by taking the replaced stories out and
 * putting their new versions in.
 */
import { LINT_CODES, type LintCode, type LintContext } from '../../../../shared/coach/lints';
import { readyChecks, storyReadiness, type BacklogHealth, type StoryReadiness } from '../../../../shared/coach/readiness';
import { storyChanges } from '../../../../shared/backlog/boardIndex';
import type { Product, Story } from '../../../../shared/model/schema';

export type DuplicateGroups = ReadonlyMap<string, string[]>;

/** The figures of `BacklogHealth` without the per-story map. */
export type HealthSummary = Omit<BacklogHealth, 'byStory'>;

export interface TrackedHealth {
  summary: HealthSummary;
  /**
   * A story's readiness (cached by story object). The function stays the same until a change of
   * context can change the readiness of a story that itself did not change.
   */
  readinessOf: (story: Story) => StoryReadiness;
}

interface Tally {
  considered: number;
  ready: number;
  counts: Map<LintCode, number>;
}

function problemsOf(counts: ReadonlyMap<LintCode, number>): HealthSummary['problems'] {
  return [...counts.entries()]
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || LINT_CODES.indexOf(a.code) - LINT_CODES.indexOf(b.code));
}

function sameSummary(a: HealthSummary, b: HealthSummary): boolean {
  return a.considered === b.considered && a.ready === b.ready && a.problems.length === b.problems.length && a.problems.every((p, i) => p.code === b.problems[i]?.code && p.count === b.problems[i]?.count);
}

/**
 * A function whose result equals `backlogHealth(product)` (the summary, and `readinessOf(story)` for
 * `byStory.get(story.id)`) when `duplicates` is `findDuplicateGroups(product.stories)` (see
 * `useDuplicateGroups`, which searches large backlogs off the main thread).
 */
export function createHealthTracker(): (product: Product, duplicates: DuplicateGroups) => TrackedHealth {
  let ctx: LintContext | null = null;
  let definition: Product['board']['definitionOfReady'] | null = null;
  let columns: Product['board']['columns'] | null = null;
  let done = new Set<string>();
  let readinessOf: (story: Story) => StoryReadiness = () => {
    throw new Error('The health tracker has not seen a product yet.');
  };
  let stories: readonly Story[] | null = null;
  let tally: Tally | null = null;
  let last: TrackedHealth | null = null;

  const renew = (context: LintContext, checks: readonly LintCode[]) => {
    const cache = new WeakMap<Story, StoryReadiness>();
    readinessOf = (story) => {
      let r = cache.get(story);
      if (!r) {
        r = storyReadiness(story, context, checks);
        cache.set(story, r);
      }
      return r;
    };
  };

  const count = (t: Tally, story: Story, sign: 1 | -1) => {
    if (done.has(story.status)) return;
    const r = readinessOf(story);
    t.considered += sign;
    if (r.ready) t.ready += sign;
    for (const l of r.lints) t.counts.set(l.code, (t.counts.get(l.code) ?? 0) + sign);
  };

  return (product, duplicates) => {
    let fresh = false;
    const hasEpics = product.epics.length > 0;
    if (ctx === null || ctx.splitThreshold !== product.board.splitThreshold || ctx.hasEpics !== hasEpics || ctx.duplicates !== duplicates || definition !== product.board.definitionOfReady) {
      ctx = { splitThreshold: product.board.splitThreshold, hasEpics, duplicates };
      definition = product.board.definitionOfReady;
      renew(ctx, readyChecks(definition));
      fresh = true;
    }
    if (columns !== product.board.columns) {
      columns = product.board.columns;
      done = new Set(columns.filter((c) => c.category === 'done').map((c) => c.id));
      fresh = true;
    }

    const changes = !fresh && stories !== null && tally !== null ? storyChanges(stories, product.stories) : null;
    let next: Tally;
    if (changes && tally && changes.kind !== 'reshaped') {
      next = { considered: tally.considered, ready: tally.ready, counts: new Map(tally.counts) };
      if (changes.kind === 'replaced') {
        for (const { before, after } of changes.pairs) {
          count(next, before, -1);
          count(next, after, 1);
        }
      }
    } else {
      next = { considered: 0, ready: 0, counts: new Map(LINT_CODES.map((c) => [c, 0])) };
      for (const story of product.stories) count(next, story, 1);
    }
    stories = product.stories;
    tally = next;

    const summary: HealthSummary = { considered: next.considered, ready: next.ready, problems: problemsOf(next.counts) };
    if (last && last.readinessOf === readinessOf && sameSummary(last.summary, summary)) return last;
    if (last && sameSummary(last.summary, summary)) last = { summary: last.summary, readinessOf };
    else last = { summary, readinessOf };
    return last;
  };
}
