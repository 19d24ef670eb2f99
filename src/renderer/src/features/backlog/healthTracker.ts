/**
 * `backlogHealth(product)` for a product that changes one edit at a time: the same result (given the
 * same duplicate groups), but only the stories an edit replaced are linted again. A card move used
 * to lint every story and search the whole backlog for duplicates again: seconds at 5,000 stories
 * (`npm run bench`). Stories are immutable (an edit replaces the object), so a story's readiness is
 * cached by identity until the lint context (split threshold, epics present, duplicates) or the
 * Definition of Ready changes.
 */
import type { LintCode, LintContext } from '../../../../shared/coach/lints';
import { readyChecks, storyReadiness, summariseHealth, type BacklogHealth, type StoryReadiness } from '../../../../shared/coach/readiness';
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

    const context = ctx;
    return summariseHealth(product, (story) => {
      let r = cache.get(story);
      if (!r) {
        r = storyReadiness(story, context, checks);
        cache.set(story, r);
      }
      return r;
    });
  };
}
