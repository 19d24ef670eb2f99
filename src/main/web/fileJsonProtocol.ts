/** Messages between the web host and its file-JSON worker (`fileJsonWorker.ts`). */
export interface FileJsonRequest {
  id: number;
  bytes: Uint8Array;
}

export interface FileJsonReply {
  id: number;
  json: Uint8Array | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isFileJsonRequest(value: unknown): value is FileJsonRequest {
  return isRecord(value) && typeof value['id'] === 'number' && value['bytes'] instanceof Uint8Array;
}

export function isFileJsonReply(value: unknown): value is FileJsonReply {
  return isRecord(value) && typeof value['id'] === 'number' && (value['json'] === null || value['json'] instanceof Uint8Array);
}
