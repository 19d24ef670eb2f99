/**
 * Worker thread of the web host: turns the bytes of a product file into the compact ASCII JSON of
 * its value (see `WorkspaceServiceDeps.fileJson`), so that the service thread can validate the
 * same bytes meanwhile. Messages: `{ id, bytes }` in, `{ id, json }` out (`json` null when the
 * bytes are not JSON).
 */
import { parentPort } from 'node:worker_threads';
import { compactAsciiJson } from '../core/asciiJson';
import { isFileJsonRequest, type FileJsonReply } from './fileJsonProtocol';

parentPort?.on('message', (message: unknown) => {
  if (!isFileJsonRequest(message)) return;
  const json = compactAsciiJson(message.bytes);
  // A large Buffer owns its memory, so it can be handed over without a copy.
  const own = json !== null && json.byteOffset === 0 && json.byteLength === json.buffer.byteLength;
  const reply: FileJsonReply = { id: message.id, json: json === null ? null : own ? json : new Uint8Array(json) };
  parentPort?.postMessage(reply, reply.json && own ? [reply.json.buffer as ArrayBuffer] : []);
});
