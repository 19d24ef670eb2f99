/** Messages between the web host and its file-JSON worker (`fileJsonWorker.ts`). */
import { isPlainRecord } from '../../shared/model/schemaChecks';

export interface FileJsonRequest {
  id: number;
  bytes: Uint8Array;
}

export interface FileJsonReply {
  id: number;
  json: Uint8Array | null;
}

export function isFileJsonRequest(value: unknown): value is FileJsonRequest {
  return isPlainRecord(value) && typeof value['id'] === 'number' && value['bytes'] instanceof Uint8Array;
}

export function isFileJsonReply(value: unknown): value is FileJsonReply {
  return isPlainRecord(value) && typeof value['id'] === 'number' && (value['json'] === null || value['json'] instanceof Uint8Array);
}
