/**
 * The web host's side of the file-JSON worker: one worker thread, requests answered in order.
 * If the worker fails or exits, every pending and later request answers null, and the service
 * stringifies on its own thread instead (the answer is the same, only slower).
 */
import { Worker } from 'node:worker_threads';
import { isFileJsonReply, type FileJsonRequest } from './fileJsonProtocol';

export interface FileJsonWorker {
  fileJson(fileBytes: Uint8Array): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export function startFileJsonWorker(scriptPath: string): FileJsonWorker {
  const worker = new Worker(scriptPath);
  // Never keeps the web host alive on its own.
  worker.unref();
  const pending = new Map<number, (json: Uint8Array | null) => void>();
  let nextId = 1;
  let failed = false;
  const failAll = () => {
    failed = true;
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  };
  worker.on('message', (message: unknown) => {
    if (!isFileJsonReply(message)) return;
    pending.get(message.id)?.(message.json);
    pending.delete(message.id);
  });
  worker.on('error', failAll);
  worker.on('exit', failAll);
  return {
    fileJson(fileBytes) {
      if (failed) return Promise.resolve(null);
      const id = nextId;
      nextId += 1;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        const request: FileJsonRequest = { id, bytes: fileBytes };
        // Copied, not transferred: the service keeps and parses the same bytes.
        worker.postMessage(request);
      });
    },
    async close() {
      failAll();
      await worker.terminate();
    },
  };
}
