/**
 * Server-sent events: every `WorkspaceEvent` the service publishes goes to each open
 * `GET /events` stream as `data: <json>\n\n`, with a comment line as heartbeat so idle
 * connections stay open. The subscription ends when the connection closes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WorkspaceEvent } from '../../shared/api/contract';
import { baseSecurityHeaders } from '../host/securityHeaders';

export interface EventSourceOfEvents {
  subscribe(listener: (event: WorkspaceEvent) => void): () => void;
}

export interface OpenStream {
  /** End the stream (the host is closing). */
  end(): void;
}

/** How long a disconnected browser waits before reconnecting (sent as `retry:`). */
const RETRY_MS = 2_000;

export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  events: EventSourceOfEvents,
  heartbeatMs: number,
  onClosed: () => void,
): OpenStream {
  res.writeHead(200, {
    ...baseSecurityHeaders(),
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(`retry: ${RETRY_MS}\n: connected\n\n`);
  req.socket.setKeepAlive(true);
  req.socket.setTimeout(0);

  const unsubscribe = events.subscribe((event) => {
    if (!res.writableEnded) res.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => {
    if (!res.writableEnded) res.write(`: heartbeat ${Date.now()}\n\n`);
  }, heartbeatMs);
  heartbeat.unref();

  let closed = false;
  const cleanup = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    onClosed();
  };
  req.on('close', cleanup);
  res.on('close', cleanup);
  res.on('error', cleanup);

  return {
    end() {
      cleanup();
      if (!res.writableEnded) res.end();
    },
  };
}
