/**
 * The import Web Worker: decodes and parses a picked or dropped file into a preview, and builds
 * the new product, off the main thread, reporting progress as it reads.
 */
import { buildImportedProduct } from '../../../../shared/import/applyImport';
import { readImportFile } from '../../../../shared/import/readImportFile';
import type { WorkerRequest, WorkerResponse } from './importProtocol';

const post = (message: WorkerResponse) => (self as unknown as { postMessage(m: WorkerResponse): void }).postMessage(message);

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'read') {
      let last = 0;
      const preview = readImportFile({ fileName: request.fileName, bytes: new Uint8Array(request.bytes), kind: request.options.kind, trello: request.options.trello, mapping: request.options.mapping }, (fraction) => {
        if (fraction - last >= 0.01 || fraction === 1) {
          last = fraction;
          post({ id: request.id, type: 'progress', fraction });
        }
      });
      post({ id: request.id, type: 'read', preview });
    } else {
      post({ id: request.id, type: 'build', product: buildImportedProduct(request.result, request.name, request.mapping) });
    }
  } catch (error) {
    post({ id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
