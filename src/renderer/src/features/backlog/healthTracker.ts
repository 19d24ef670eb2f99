/**
 * `backlogHealth(product)` for a product that changes one edit at a time: the same result (given the
 * same duplicate groups), but only the stories an edit replaced are linted again. A card move used
 * to lint every story and search the whole backlog for duplicates again: seconds at 5,000 stories
 * (`npm run bench`). Stories are immutable (an edit replaces the object), so a story's readiness is
 * cached by identity until the lint context (split threshold, epics present, duplicates) or the
 * Definition of Ready changes.
 */
import { LINT_CODES, type LintCode, type LintContext } from '../../../../shared/coach/lints';
import { readyChecks, storyReadiness, type BacklogHealth, type StoryReadiness } from '../../../../shared/coach/readiness';
import type { Product, Story } from '../../../../shared/model/schema';

export type DuplicateGroups = ReadonlyMap<string, string[]>;

/**
 * A function equal to `backlogHealth(product)` when `duplicates` is `findDuplicateGroups(product.stories)`
 * (see `useDuplicateGroups`, which searches large backlogs off the main thread).
 */
export function createHealthTracker(): (product: Product, duplicates: DuplicateGroups) => BacklogHealth {
  let ctx: LintContext | null = null;
  let definition: Product['board']['definitionOfReady'] | null = null;
  let checks: LintCode[] = [];
  let cache = new WeakMap<Story, StoryReadiness>();

  return (product, duplicates) => {
    const hasEpics = product.epics.length > 0;
    if (ctx === null || ctx.splitThreshold !== product.board.splitThreshold || ctx.hasEpics !== hasEpics || ctx.duplicates !== duplicates) {
      ctx = { splitThreshold: product.board.splitThreshold, hasEpics, duplicates };
      cache = new WeakMap();
    }
    if (definition !== product.board.definitionOfReady) {
      definition = product.board.definitionOfReady;
      checks = readyChecks(definition);
      cache = new WeakMap();
    }

    // The rest is `backlogHealth` with the per-story cache.
    const doneColumns = new Set(product.board.columns.filter((c) => c.category === 'done').map((c) => c.id));
    const counts = new Map<LintCode, number>(LINT_CODES.map((c) => [c, 0]));
    const byStory = new Map<string, StoryReadiness>();
    let considered = 0;
    let ready = 0;
    for (const story of product.stories) {
      let r = cache.get(story);
      if (!r) {
        r = storyReadiness(story, ctx, checks);
        cache.set(story, r);
      }
      byStory.set(story.id, r);
      if (doneColumns.has(story.status)) continue;
      considered += 1;
      if (r.ready) ready += 1;
      for (const l of r.lints) counts.set(l.code, (counts.get(l.code) ?? 0) + 1);
    }
    const problems = [...counts.entries()]
      .filter(([, count]) => count > 0)
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || LINT_CODES.indexOf(a.code) - LINT_CODES.indexOf(b.code));
    return { considered, ready, problems, byStory };
  };
}
