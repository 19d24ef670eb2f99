/**
 * Requests to a worker answered by replies that carry the request's id: the part every worker
 * client shares, whether the worker is a browser Web Worker or a Node worker thread. Each side
 * owns its worker (how it starts, how its events arrive) and hands this the replies and the
 * failure; this numbers the requests, keeps the ones still waiting, and settles each with its
 * reply.
 */

/** What a reply means for its request: its result, its error, or null when it is not the answer yet (progress). */
export type ReplyMeaning<Result> = { result: Result } | { error: string } | null;

export interface WorkerRequestsOptions<Task, Result, Reply extends { id: number }> {
  /** Send `task` to the worker as request `id`. */
  send(id: number, task: Task): void;
  read(reply: Reply, task: Task): ReplyMeaning<Result>;
}

/** A request the worker has not answered yet. */
export interface WaitingRequest<Task, Result> {
  task: Task;
  resolve(result: Result): void;
  reject(error: Error): void;
}

export interface WorkerRequests<Task, Result, Reply extends { id: number }> {
  /** Send `task`; `promise` settles with the worker's reply, or never if the request is dropped. */
  request(task: Task): { id: number; promise: Promise<Result> };
  /** A reply from the worker; one for a request no longer waiting is ignored. */
  receive(reply: Reply): void;
  /** Stop waiting for request `id` (its promise never settles); whether it was still waiting. */
  drop(id: number): boolean;
  /** Stop waiting for every request; whether any was waiting. */
  dropAll(): boolean;
  /** The worker failed: the requests still waiting, which it will never answer, for the caller to settle. */
  takeAll(): WaitingRequest<Task, Result>[];
}

export function createWorkerRequests<Task, Result, Reply extends { id: number }>(options: WorkerRequestsOptions<Task, Result, Reply>): WorkerRequests<Task, Result, Reply> {
  const waiting = new Map<number, WaitingRequest<Task, Result>>();
  let nextId = 1;
  return {
    request(task) {
      const id = nextId;
      nextId += 1;
      const promise = new Promise<Result>((resolve, reject) => {
        waiting.set(id, { task, resolve, reject });
        options.send(id, task);
      });
      return { id, promise };
    },
    receive(reply) {
      const entry = waiting.get(reply.id);
      if (!entry) return;
      const meaning = options.read(reply, entry.task);
      if (meaning === null) return;
      waiting.delete(reply.id);
      if ('error' in meaning) entry.reject(new Error(meaning.error));
      else entry.resolve(meaning.result);
    },
    drop: (id) => waiting.delete(id),
    dropAll() {
      const any = waiting.size > 0;
      waiting.clear();
      return any;
    },
    takeAll() {
      const taken = [...waiting.values()];
      waiting.clear();
      return taken;
    },
  };
}

/** Whatever was thrown, as an Error. */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
