/**
 * The duplicate-search Web Worker: `findDuplicateGroups` over a large backlog, off the main thread.
 * (It compares the words of every story with every other's: seconds at 5,000 stories.)
 */
import { findDuplicateGroups } from '../../../../shared/coach/duplicates';
import type { DuplicatesRequest, DuplicatesResponse } from './duplicatesProtocol';

const post = (message: DuplicatesResponse) => (self as unknown as { postMessage(m: DuplicatesResponse): void }).postMessage(message);

self.addEventListener('message', (event: MessageEvent<DuplicatesRequest>) => {
  const { id, stories } = event.data;
  try {
    post({ id, groups: [...findDuplicateGroups(stories)] });
  } catch (error) {
    post({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
