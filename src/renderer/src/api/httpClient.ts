/**
 * The web transport: `fetch` POSTs to the loopback host (`/api/<method>`, token in `x-pm-token`)
 * and one shared server-sent-events stream (`/events?token=…`) for all subscribers, opened with
 * the first subscriber, closed with the last, and reopened with back-off when it drops. After a
 * reconnect, subscribers get a `workspace.changed` event, since events may have been missed.
 */
import { ApiError, WorkspaceEventSchema, type ApiMethod, type WorkspaceClient, type WorkspaceEvent } from '../../../shared/api/contract';
import { unwrapResponse } from '../../../shared/api/dispatch';
import { TOKEN_HEADER } from '../../../shared/api/httpTransport';
import { createApi } from './createApi';

export interface EventStreamHandlers {
  onOpen(): void;
  onMessage(data: string): void;
  /** `closed`: the stream will not retry by itself (the client schedules a reconnect). */
  onError(closed: boolean): void;
}

export interface EventStreamConnection {
  close(): void;
}

export type OpenEventStream = (url: string, handlers: EventStreamHandlers) => EventStreamConnection;

export interface HttpClientOptions {
  fetch?: typeof fetch;
  openEventStream?: OpenEventStream;
  /** First reconnect delay in ms (doubles up to `maxReconnectDelayMs`). */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
}

/** The browser's `EventSource`, which retries by itself unless the server refused the stream. */
export const openBrowserEventStream: OpenEventStream = (url, handlers) => {
  const source = new EventSource(url);
  source.onopen = () => handlers.onOpen();
  source.onmessage = (event: MessageEvent<unknown>) => handlers.onMessage(typeof event.data === 'string' ? event.data : '');
  source.onerror = () => handlers.onError(source.readyState === EventSource.CLOSED);
  return { close: () => source.close() };
};

/** The web client, whose session token can change (a new address pasted after a restart). */
export interface HttpWorkspaceClient extends WorkspaceClient {
  /** Use `token` from now on; an open event stream reconnects with it at once. */
  setToken(token: string): void;
}

export function createHttpClient(baseUrl: string, initialToken: string, options: HttpClientOptions = {}): HttpWorkspaceClient {
  let token = initialToken;
  const base = baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const openStream = options.openEventStream ?? openBrowserEventStream;
  const firstDelay = options.reconnectDelayMs ?? 500;
  const maxDelay = options.maxReconnectDelayMs ?? 10_000;

  async function call(method: ApiMethod, input: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ApiError('internal', `The workspace service cannot be reached (${detail}). Is the web shell still running?`);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError('internal', `The workspace service answered HTTP ${response.status} without a structured response.`);
    }
    return unwrapResponse(body);
  }

  const listeners = new Set<(event: WorkspaceEvent) => void>();
  let connection: EventStreamConnection | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let delay = firstDelay;
  let hasConnectedBefore = false;
  let disconnected = false;

  function emit(event: WorkspaceEvent): void {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('A workspace event listener failed', error);
      }
    }
  }

  function connect(): void {
    reconnectTimer = null;
    const current = openStream(`${base}/events?token=${encodeURIComponent(token)}`, {
      onOpen() {
        if (connection !== current) return;
        delay = firstDelay;
        if (hasConnectedBefore && disconnected) emit({ type: 'workspace.changed' });
        hasConnectedBefore = true;
        disconnected = false;
      },
      onMessage(data) {
        if (connection !== current) return;
        let raw: unknown;
        try {
          raw = JSON.parse(data);
        } catch {
          return;
        }
        const parsed = WorkspaceEventSchema.safeParse(raw);
        if (parsed.success) emit(parsed.data);
      },
      onError(closed) {
        if (connection !== current) return;
        disconnected = true;
        if (!closed) return;
        current.close();
        connection = null;
        scheduleReconnect();
      },
    });
    connection = current;
  }

  function scheduleReconnect(): void {
    if (listeners.size === 0 || reconnectTimer !== null) return;
    reconnectTimer = setTimeout(connect, delay);
    delay = Math.min(delay * 2, maxDelay);
  }

  function disconnect(): void {
    if (reconnectTimer !== null) clearTimeout(reconnectTimer);
    reconnectTimer = null;
    connection?.close();
    connection = null;
    hasConnectedBefore = false;
    disconnected = false;
    delay = firstDelay;
  }

  return {
    api: createApi(call),
    shell: 'web',
    setToken(next) {
      if (next === token) return;
      token = next;
      if (listeners.size === 0) return;
      // Reconnect now with the new token (events may have been missed meanwhile).
      const hadConnection = hasConnectedBefore;
      disconnect();
      hasConnectedBefore = hadConnection;
      disconnected = hadConnection;
      connect();
    },
    subscribe(listener) {
      // A fresh wrapper per subscription, so subscribing one function twice needs two unsubscribes.
      const entry = (event: WorkspaceEvent): void => listener(event);
      listeners.add(entry);
      if (connection === null && reconnectTimer === null) connect();
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        listeners.delete(entry);
        if (listeners.size === 0) disconnect();
      };
    },
  };
}
