/** Raw HTTP helpers for the web host tests (raw, so Host and paths are sent exactly as written). */
import { request as httpRequest, get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import type { EventStreamConnection, EventStreamHandlers } from '../../../src/renderer/src/api/httpClient';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Every response the helpers saw, so a test can assert something about all of them. */
export const seenResponses: RawResponse[] = [];

export function rawRequest({ port, method = 'GET', path, headers = {}, body }: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const response = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') };
        seenResponses.push(response);
        resolve(response);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A request written byte for byte on a socket (e.g. HTTP/1.0 without a Host header). */
export function rawSocketRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(text));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

export function apiCall(port: number, token: string, method: string, input: unknown, extraHeaders: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({
    port,
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-pm-token': token, ...extraHeaders },
    body: JSON.stringify(input),
  });
}

export function json(response: RawResponse): unknown {
  return JSON.parse(response.body);
}

/** Wait until `condition` holds (polling), or fail after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A server-sent-events reader for Node (which has no `EventSource`), in the shape the HTTP client
 * expects. Like a browser whose stream was refused, it reports `onError(true)` when the stream
 * ends, so the client's own reconnect logic is what brings it back.
 */
export function openNodeEventStream(url: string, handlers: EventStreamHandlers): EventStreamConnection {
  let closed = false;
  const req = httpGet(url, { agent: false }, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      if (!closed) handlers.onError(true);
      return;
    }
    handlers.onOpen();
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        if (data.length > 0 && !closed) handlers.onMessage(data);
        end = buffer.indexOf('\n\n');
      }
    });
    res.on('close', () => {
      if (!closed) handlers.onError(true);
    });
    res.on('error', () => undefined);
  });
  req.on('error', () => {
    if (!closed) handlers.onError(true);
  });
  return {
    close() {
      closed = true;
      req.destroy();
    },
  };
}
