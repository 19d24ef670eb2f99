/**
 * Runs the duplicate search in its Web Worker, one search at a time: starting a new search stops
 * the one still running (the worker is replaced), since only the latest text matters. Where a
 * worker cannot start, the search runs on the main thread after a frame (as the import does).
 */
import { findDuplicateGroups } from '../../../../shared/coach/duplicates';
import type { DuplicatesRequest, DuplicatesResponse, StoryText } from './duplicatesProtocol';

import type { DuplicateGroups } from './healthTracker';

export interface RunningSearch {
  promise: Promise<DuplicateGroups>;
  /** Stop the search; its promise never settles. */
  cancel(): void;
}

let worker: Worker | null = null;
let workerBroken = false;
let nextId = 1;
let running: { id: number; resolve: (g: DuplicateGroups) => void; reject: (e: Error) => void; stories: StoryText[] } | null = null;

function runInline(stories: StoryText[]): Promise<DuplicateGroups> {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() =>
      setTimeout(() => {
        try {
          resolve(findDuplicateGroups(stories));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, 0),
    );
  });
}

function stopWorker(): void {
  worker?.terminate();
  worker = null;
}

function getWorker(): Worker | null {
  if (workerBroken || typeof Worker === 'undefined') return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./duplicatesWorker.ts', import.meta.url), { type: 'module', name: 'duplicates' });
  } catch {
    workerBroken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<DuplicatesResponse>) => {
    const message = event.data;
    if (!running || message.id !== running.id) return;
    const done = running;
    running = null;
    if ('error' in message) done.reject(new Error(message.error));
    else done.resolve(new Map(message.groups));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    workerBroken = true;
    stopWorker();
    const waiting = running;
    running = null;
    if (waiting) runInline(waiting.stories).then(waiting.resolve, waiting.reject);
  };
  return worker;
}

export function searchDuplicatesInBackground(stories: StoryText[]): RunningSearch {
  // A search still running is for older text: stop it rather than wait for it.
  if (running) {
    running = null;
    stopWorker();
  }
  const w = getWorker();
  if (!w) {
    let cancelled = false;
    const promise = new Promise<DuplicateGroups>((resolve, reject) => {
      runInline(stories).then(
        (g) => !cancelled && resolve(g),
        (e: unknown) => !cancelled && reject(e instanceof Error ? e : new Error(String(e))),
      );
    });
    return { promise, cancel: () => (cancelled = true) };
  }
  const id = nextId;
  nextId += 1;
  const promise = new Promise<DuplicateGroups>((resolve, reject) => {
    running = { id, resolve, reject, stories };
    w.postMessage({ id, stories } satisfies DuplicatesRequest);
  });
  return {
    promise,
    cancel: () => {
      if (running?.id !== id) return;
      running = null;
      stopWorker();
    },
  };
}
