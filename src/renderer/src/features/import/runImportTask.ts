/**
 * Runs an import task (read a file into a preview, or build the new product) in the import Web
 * Worker, so a 50 MB file does not freeze the window; where a worker cannot start, the same pure
 * functions run on the main thread instead (after a frame, so the progress indicator shows).
 */
import { buildImportedProduct } from '../../../../shared/import/applyImport';
import { readImportFile } from '../../../../shared/import/readImportFile';
import { createBackgroundWorker, type RunningTask } from '../../workers/backgroundWorker';
import type { WorkerRequest, WorkerResponse } from './importProtocol';

type ReadTask = Omit<Extract<WorkerRequest, { type: 'read' }>, 'id'>;
type BuildTask = Omit<Extract<WorkerRequest, { type: 'build' }>, 'id'>;
type Outcome = Extract<WorkerResponse, { type: 'read' | 'build' }>;

interface Job {
  task: ReadTask | BuildTask;
  onProgress: (fraction: number) => void;
}

/** The task on the main thread (where no worker starts). */
function runInline({ task, onProgress }: Job): Outcome {
  if (task.type === 'read') {
    const preview = readImportFile({ fileName: task.fileName, bytes: new Uint8Array(task.bytes), kind: task.options.kind, trello: task.options.trello, mapping: task.options.mapping }, onProgress);
    return { id: 0, type: 'read', preview };
  }
  return { id: 0, type: 'build', product: buildImportedProduct(task.result, task.name, task.mapping) };
}

const importWorker = createBackgroundWorker<Job, Outcome, WorkerResponse>({
  start: () => new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'import' }),
  // The file's bytes are copied, not transferred: the dialog keeps them to read the file again with other options.
  message: (id, { task }) => ({ id, ...task }) satisfies WorkerRequest,
  read(reply, { onProgress }) {
    if (reply.type === 'progress') {
      onProgress(reply.fraction);
      return null;
    }
    return reply.type === 'error' ? { error: reply.message } : { result: reply };
  },
  runInline,
  stopOnCancel: false,
});

/** `running`'s answer to a question of `type`. */
function answerOf<T extends Outcome['type'], A>(running: RunningTask<Outcome>, type: T, answer: (outcome: Extract<Outcome, { type: T }>) => A): RunningTask<A> {
  return {
    promise: running.promise.then((o) => {
      if (o.type !== type) throw new Error('The import worker answered the wrong question.');
      return answer(o as Extract<Outcome, { type: T }>);
    }),
    cancel: running.cancel,
  };
}

export function readInBackground(task: Omit<ReadTask, 'type'>, onProgress: (f: number) => void): RunningTask<Extract<Outcome, { type: 'read' }>['preview']> {
  return answerOf(importWorker.run({ task: { type: 'read', ...task }, onProgress }), 'read', (o) => o.preview);
}

export function buildInBackground(task: Omit<BuildTask, 'type'>): RunningTask<Extract<Outcome, { type: 'build' }>['product']> {
  return answerOf(importWorker.run({ task: { type: 'build', ...task }, onProgress: () => undefined }), 'build', (o) => o.product);
}
