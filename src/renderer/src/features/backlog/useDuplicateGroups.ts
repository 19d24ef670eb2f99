/**
 * Possible duplicates of each story (the coach's `possible-duplicate` lint), searched again only
 * when a title, an "I want" or the list of stories changed. Small backlogs are searched at once,
 * as before; large ones in a Web Worker, so that opening a backlog of thousands of stories does not
 * freeze the window for seconds (found with `npm run bench`): the board shows at once, and the
 * duplicate badges follow when the search is done. Until the first search is done, null.
 */
import { useEffect, useMemo, useState } from 'react';
import { findDuplicateGroups } from '../../../../shared/coach/duplicates';
import type { Story } from '../../../../shared/model/schema';
import type { DuplicateGroups } from './healthTracker';
import { searchDuplicatesInBackground } from './runDuplicateSearch';
import { createTextTracker } from './storyTexts';

/** Up to this many stories the search runs at once, on the main thread (quick enough without a worker). */
export const INLINE_SEARCH_LIMIT = 500;

export function useDuplicateGroups(stories: readonly Story[]): DuplicateGroups | null {
  const [trackTexts] = useState(createTextTracker);
  const texts = useMemo(() => trackTexts(stories), [trackTexts, stories]);

  const inline = useMemo(() => (texts.length <= INLINE_SEARCH_LIMIT ? findDuplicateGroups(texts) : null), [texts]);
  const [background, setBackground] = useState<DuplicateGroups | null>(null);
  useEffect(() => {
    if (texts.length <= INLINE_SEARCH_LIMIT) return;
    const search = searchDuplicatesInBackground(texts);
    // Until the new result arrives, the previous one stays (a renamed story is re-checked shortly).
    search.promise.then(setBackground, () => undefined);
    return () => search.cancel();
  }, [texts]);
  return inline ?? background;
}
