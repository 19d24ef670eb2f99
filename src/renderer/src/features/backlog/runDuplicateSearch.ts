/**
 * Runs the duplicate search in its Web Worker, one search at a time: starting a new search stops
 * the one still running (the worker is replaced), since only the latest text matters. Where a
 * worker cannot start, the search runs on the main thread after a frame (as the import does).
 */
import { findDuplicateGroups } from '../../../../shared/coach/duplicates';
import { createBackgroundWorker, type RunningTask } from '../../workers/backgroundWorker';
import type { DuplicatesRequest, DuplicatesResponse, StoryText } from './duplicatesProtocol';

import type { DuplicateGroups } from './healthTracker';

export type RunningSearch = RunningTask<DuplicateGroups>;

const duplicatesWorker = createBackgroundWorker<StoryText[], DuplicateGroups, DuplicatesResponse>({
  start: () => new Worker(new URL('./duplicatesWorker.ts', import.meta.url), { type: 'module', name: 'duplicates' }),
  message: (id, stories) => ({ id, stories }) satisfies DuplicatesRequest,
  read: (reply) => ('error' in reply ? { error: reply.error } : { result: new Map(reply.groups) }),
  runInline: (stories) => findDuplicateGroups(stories),
  stopOnCancel: true,
});

export function searchDuplicatesInBackground(stories: StoryText[]): RunningSearch {
  // A search still running is for older text: stop it rather than wait for it.
  duplicatesWorker.cancelAll();
  return duplicatesWorker.run(stories);
}
