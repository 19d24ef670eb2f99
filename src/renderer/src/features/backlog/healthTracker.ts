/**
 * `backlogHealth(product)` for a product that changes one edit at a time: the same result, but only
 * the stories an edit replaced are linted again, and the duplicate search (which compares the words
 * of every story with every other's: seconds at 5,000 stories) runs again only when a title, an
 * "I want", the list of stories, the split threshold or the presence of epics changed — not when a
 * card is moved. Stories are immutable (an edit replaces the object), so a story's readiness is
 * cached by identity. Found with `npm run bench` (moving a card on a 5,000-story board took seconds).
 */
import { LINT_CODES, lintContext, type LintCode, type LintContext } from '../../../../shared/coach/lints';
import { readyChecks, storyReadiness, type BacklogHealth, type StoryReadiness } from '../../../../shared/coach/readiness';
import type { Product, Story } from '../../../../shared/model/schema';

/** Whether the duplicate search would see the same text in `b` as in `a` (same ids, titles, "I want"s, in order). */
function sameStoryTexts(a: readonly Story[], b: readonly Story[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!x || !y || x.id !== y.id || x.title !== y.title || x.iWant !== y.iWant) return false;
  }
  return true;
}

/** A function equal to `backlogHealth`, remembering what it can between calls. */
export function createHealthTracker(): (product: Product) => BacklogHealth {
  let seenStories: readonly Story[] | null = null;
  let ctx: LintContext | null = null;
  let definition: Product['board']['definitionOfReady'] | null = null;
  let checks: LintCode[] = [];
  let cache = new WeakMap<Story, StoryReadiness>();

  return (product) => {
    const hasEpics = product.epics.length > 0;
    if (ctx === null || seenStories === null || ctx.splitThreshold !== product.board.splitThreshold || ctx.hasEpics !== hasEpics || !sameStoryTexts(seenStories, product.stories)) {
      ctx = lintContext(product);
      cache = new WeakMap();
    }
    seenStories = product.stories;
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
