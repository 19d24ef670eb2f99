/**
 * Runs an import task (read a file into a preview, or build the new product) in the import Web
 * Worker, so a 50 MB file does not freeze the window; where a worker cannot start, the same pure
 * functions run on the main thread instead (after a frame, so the progress indicator shows).
 */
import { buildImportedProduct } from '../../../../shared/import/applyImport';
import { readImportFile } from '../../../../shared/import/readImportFile';
import type { WorkerRequest, WorkerResponse } from './importProtocol';

type Task = Omit<Extract<WorkerRequest, { type: 'read' }>, 'id'> | Omit<Extract<WorkerRequest, { type: 'build' }>, 'id'>;
type Outcome = Extract<WorkerResponse, { type: 'read' | 'build' }>;

export interface RunningTask<T> {
  promise: Promise<T>;
  /** Stop the task; its promise never settles. */
  cancel(): void;
}

let worker: Worker | null = null;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, { resolve: (o: Outcome) => void; reject: (e: Error) => void; progress: (f: number) => void; task: Task }>();

/** Run a task on the main thread (fallback). */
function runInline(task: Task, onProgress: (f: number) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() =>
      setTimeout(() => {
        try {
          if (task.type === 'read') {
            const preview = readImportFile({ fileName: task.fileName, bytes: new Uint8Array(task.bytes), kind: task.options.kind, trello: task.options.trello, mapping: task.options.mapping }, onProgress);
            resolve({ id: 0, type: 'read', preview });
          } else {
            resolve({ id: 0, type: 'build', product: buildImportedProduct(task.result, task.name, task.mapping) });
          }
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, 0),
    );
  });
}

/** When the worker itself fails (cannot load), run what was waiting on the main thread. */
function abandonWorker(): void {
  workerBroken = true;
  worker?.terminate();
  worker = null;
  const waiting = [...pending.values()];
  pending.clear();
  for (const p of waiting) runInline(p.task, p.progress).then(p.resolve, p.reject);
}

function getWorker(): Worker | null {
  if (workerBroken || typeof Worker === 'undefined') return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'import' });
  } catch {
    workerBroken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') {
      entry.progress(message.fraction);
      return;
    }
    pending.delete(message.id);
    if (message.type === 'error') entry.reject(new Error(message.message));
    else entry.resolve(message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    abandonWorker();
  };
  return worker;
}

function run(task: Task, onProgress: (f: number) => void): RunningTask<Outcome> {
  const w = getWorker();
  if (!w) {
    let cancelled = false;
    const promise = new Promise<Outcome>((resolve, reject) => {
      runInline(task, onProgress).then(
        (o) => !cancelled && resolve(o),
        (e: unknown) => !cancelled && reject(e instanceof Error ? e : new Error(String(e))),
      );
    });
    return { promise, cancel: () => (cancelled = true) };
  }
  const id = nextId;
  nextId += 1;
  const promise = new Promise<Outcome>((resolve, reject) => {
    pending.set(id, { resolve, reject, progress: onProgress, task });
    // The file's bytes are copied, not transferred: the dialog keeps them to read the file again with other options.
    w.postMessage({ id, ...task } satisfies WorkerRequest);
  });
  return { promise, cancel: () => pending.delete(id) };
}

export function readInBackground(task: Omit<Extract<WorkerRequest, { type: 'read' }>, 'id' | 'type'>, onProgress: (f: number) => void): RunningTask<Extract<Outcome, { type: 'read' }>['preview']> {
  const running = run({ type: 'read', ...task }, onProgress);
  return {
    promise: running.promise.then((o) => {
      if (o.type !== 'read') throw new Error('The import worker answered the wrong question.');
      return o.preview;
    }),
    cancel: running.cancel,
  };
}

export function buildInBackground(task: Omit<Extract<WorkerRequest, { type: 'build' }>, 'id' | 'type'>): RunningTask<Extract<Outcome, { type: 'build' }>['product']> {
  const running = run({ type: 'build', ...task }, () => undefined);
  return {
    promise: running.promise.then((o) => {
      if (o.type !== 'build') throw new Error('The import worker answered the wrong question.');
      return o.product;
    }),
    cancel: running.cancel,
  };
}
