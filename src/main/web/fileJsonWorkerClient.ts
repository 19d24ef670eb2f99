/**
 * The web host's side of the file-JSON worker: one worker thread, requests answered in order.
 * If the worker fails or exits, every pending and later request answers null, and the service
 * stringifies on its own thread instead (the answer is the same, only slower).
 */
import { Worker } from 'node:worker_threads';
import { createWorkerRequests } from '../../shared/worker/workerRequests';
import { isFileJsonReply, type FileJsonReply, type FileJsonRequest } from './fileJsonProtocol';

export interface FileJsonWorker {
  fileJson(fileBytes: Uint8Array): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export function startFileJsonWorker(scriptPath: string): FileJsonWorker {
  const worker = new Worker(scriptPath);
  // Never keeps the web host alive on its own.
  worker.unref();
  const requests = createWorkerRequests<Uint8Array, Uint8Array | null, FileJsonReply>({
    // Copied, not transferred: the service keeps and parses the same bytes.
    send: (id, bytes) => worker.postMessage({ id, bytes } satisfies FileJsonRequest),
    read: (reply) => ({ result: reply.json }),
  });
  let failed = false;
  const failAll = () => {
    failed = true;
    for (const waiting of requests.takeAll()) waiting.resolve(null);
  };
  worker.on('message', (message: unknown) => {
    if (isFileJsonReply(message)) requests.receive(message);
  });
  worker.on('error', failAll);
  worker.on('exit', failAll);
  return {
    fileJson(fileBytes) {
      if (failed) return Promise.resolve(null);
      return requests.request(fileBytes).promise;
    },
    async close() {
      failAll();
      await worker.terminate();
    },
  };
}
