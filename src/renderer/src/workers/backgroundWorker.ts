/**
 * Work run in a Web Worker, so that a long task does not freeze the window. Where a worker cannot
 * start, or fails while loading, the same pure function runs on the main thread instead (after a
 * frame, so a progress indicator shows first). The requests themselves are the shared
 * `createWorkerRequests`.
 */
import { asError, createWorkerRequests, type ReplyMeaning } from '../../../shared/worker/workerRequests';

export interface RunningTask<T> {
  promise: Promise<T>;
  /** Stop the task; its promise never settles. */
  cancel(): void;
}

export interface BackgroundWorkerOptions<Task, Result, Reply extends { id: number }> {
  /** Start the worker: `new Worker(new URL('./…Worker.ts', import.meta.url), …)`, written where the bundler sees it. */
  start(): Worker;
  /** The message that asks the worker for `task`. */
  message(id: number, task: Task): unknown;
  read(reply: Reply, task: Task): ReplyMeaning<Result>;
  /** The same work on the main thread. */
  runInline(task: Task): Result;
  /** Whether cancelling a task the worker is on stops the worker (the next task starts a new one), rather than ignoring its answer. */
  stopOnCancel: boolean;
}

export interface BackgroundWorker<Task, Result> {
  run(task: Task): RunningTask<Result>;
  /** Cancel every task the worker is on. */
  cancelAll(): void;
}

function afterFrame<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() =>
      setTimeout(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(asError(error));
        }
      }, 0),
    );
  });
}

export function createBackgroundWorker<Task, Result, Reply extends { id: number }>(options: BackgroundWorkerOptions<Task, Result, Reply>): BackgroundWorker<Task, Result> {
  let worker: Worker | null = null;
  let workerBroken = false;
  const requests = createWorkerRequests<Task, Result, Reply>({
    send: (id, task) => worker?.postMessage(options.message(id, task)),
    read: options.read,
  });
  const runInline = (task: Task) => afterFrame(() => options.runInline(task));

  const stopWorker = () => {
    worker?.terminate();
    worker = null;
  };

  const getWorker = (): Worker | null => {
    if (workerBroken || typeof Worker === 'undefined') return null;
    if (worker) return worker;
    try {
      worker = options.start();
    } catch {
      workerBroken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<Reply>) => requests.receive(event.data);
    // The worker itself failed (it could not load): run what was waiting on the main thread.
    worker.onerror = (event) => {
      event.preventDefault();
      workerBroken = true;
      stopWorker();
      for (const waiting of requests.takeAll()) runInline(waiting.task).then(waiting.resolve, waiting.reject);
    };
    return worker;
  };

  return {
    run(task) {
      if (!getWorker()) {
        let cancelled = false;
        const promise = new Promise<Result>((resolve, reject) => {
          runInline(task).then(
            (result) => !cancelled && resolve(result),
            (error: unknown) => !cancelled && reject(asError(error)),
          );
        });
        return { promise, cancel: () => (cancelled = true) };
      }
      const { id, promise } = requests.request(task);
      return {
        promise,
        cancel: () => {
          if (requests.drop(id) && options.stopOnCancel) stopWorker();
        },
      };
    },
    cancelAll() {
      if (requests.dropAll() && options.stopOnCancel) stopWorker();
    },
  };
}
