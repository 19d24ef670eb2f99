/**
 * The loopback web host: the same workspace service as the Electron shell, for a browser.
 *
 * - binds 127.0.0.1 only (a free port by default);
 * - every request must carry exactly one `Host: 127.0.0.1:<port>` or `localhost:<port>` (DNS rebinding) and,
 *   if the browser sends an `Origin`, this host's own origin;
 * - `POST /api/<method>` with `content-type: application/json` and the per-launch token in
 *   `x-pm-token`; the body is the method's input; the answer is always a structured
 *   `ApiResponse` from `dispatchApiCall` (HTTP 200 for results and domain errors alike, so that an
 *   expected "not found" is not a network failure; transport refusals use 4xx statuses);
 * - `GET /events?token=…` streams service events (server-sent events);
 * - every other GET serves the built renderer from `staticDir`, confined to it;
 * - no CORS headers at all; `nosniff` everywhere; a strict CSP on HTML.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { ApiErrorCode, ApiResponse } from '../../shared/api/contract';
import { checkApiInput, dispatchApiCall, failureResponse } from '../../shared/api/dispatch';
import { TOKEN_HEADER } from '../../shared/api/httpTransport';
import type { OpenAnswerJson, WorkspaceService } from '../core/service';
import { createToken, isAllowedHost, isAllowedOrigin, isJsonContentType, singleHostHeader, tokensEqual } from './accessChecks';
import { openEventStream, type OpenStream } from './eventStream';
import { asciiJsonBytes } from '../core/asciiJson';
import { bodyTooLargeMessage, readBodyText } from './readBody';
import { baseSecurityHeaders, htmlSecurityHeaders } from '../host/securityHeaders';
import { isHtmlFile, resolveStaticFile } from '../host/staticFiles';

export interface WebHostOptions {
  service: WorkspaceService;
  /** The built renderer (`out/renderer`). */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to a fresh random token. */
  token?: string;
  /** The largest accepted request body (default `DEFAULT_MAX_BODY_BYTES`). */
  maxBodyBytes?: number;
  /** Interval of the server-sent-events heartbeat comment (default 15 s). */
  heartbeatMs?: number;
}

export interface WebHost {
  /** `http://127.0.0.1:<port>/` (without the token). */
  url: string;
  port: number;
  token: string;
  server: Server;
  /** Stop accepting requests, end event streams and close every connection. */
  close(): Promise<void>;
}

/**
 * The largest request body, 128 MiB: what the biggest real requests need. Importing a 50 MiB file
 * (the importers' limit) sends the whole new product or one batch of edits, about 75 MB of JSON for
 * a Jira export of that size; an export of `MAX_EXPORT_CHARS` characters is up to 120 MB of UTF-8.
 * `tests/unit/web/bodyLimit.test.ts` checks both still fit. (See SECURITY.md.)
 */
export const DEFAULT_MAX_BODY_BYTES = 128 * 1024 * 1024;
export const DEFAULT_HEARTBEAT_MS = 15_000;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? createToken();
  if (token.length < 16) throw new Error('The web host token must be at least 16 characters long.');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const { service, staticDir } = options;
  const streams = new Set<OpenStream>();
  let port = 0;

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendError(res, 500, 'internal', message);
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(singleHostHeader(req.rawHeaders), port)) {
      sendError(res, 403, 'unauthorized', `This host answers only http://127.0.0.1:${port}/ and http://localhost:${port}/, named in exactly one Host header.`);
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      sendError(res, 403, 'unauthorized', 'Requests from pages of other origins are refused.');
      return;
    }
    const rawUrl = req.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const pathname = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    const query = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1);

    if (pathname === '/api' || pathname.startsWith('/api/')) {
      await handleApi(req, res, pathname.slice('/api/'.length));
    } else if (pathname === '/events') {
      handleEvents(req, res, query);
    } else {
      await handleStatic(req, res, pathname);
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, encodedMethod: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendError(res, 405, 'bad-request', 'The API accepts only POST requests.');
      return;
    }
    if (!tokensEqual(headerValue(req.headers[TOKEN_HEADER]), token)) {
      sendError(res, 401, 'unauthorized', 'The request lacks the valid session token. Open the address printed when the web shell started.');
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      sendError(res, 415, 'bad-request', 'The API accepts only content-type: application/json.');
      return;
    }
    const body = await readBodyText(req, maxBodyBytes);
    if (!body.ok) {
      if (body.reason === 'aborted') {
        res.destroy();
        return;
      }
      res.setHeader('Connection', 'close');
      sendError(res, 413, 'bad-request', bodyTooLargeMessage(maxBodyBytes, body.declaredBytes));
      req.resume();
      return;
    }
    let input: unknown;
    try {
      input = body.text.trim().length === 0 ? {} : JSON.parse(body.text);
    } catch {
      sendError(res, 400, 'bad-request', 'The request body is not valid JSON.');
      return;
    }
    let method: string;
    try {
      method = decodeURIComponent(encodedMethod);
    } catch {
      method = encodedMethod;
    }
    if (method === 'product.open' && service.openAsJson) {
      await sendOpenAnswer(res, service.openAsJson, input);
      return;
    }
    const response = await dispatchApiCall(service, method, input);
    sendJson(res, 200, response);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, query: string): void {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendError(res, 405, 'bad-request', 'The event stream accepts only GET requests.');
      return;
    }
    if (!tokensEqual(new URLSearchParams(query).get('token'), token)) {
      sendError(res, 401, 'unauthorized', 'The event stream needs the valid session token.');
      return;
    }
    const stream = openEventStream(req, res, service, heartbeatMs, () => streams.delete(stream));
    streams.add(stream);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendError(res, 405, 'bad-request', 'Only GET and HEAD are served here.');
      return;
    }
    const found = await resolveStaticFile(staticDir, pathname);
    if (!found.ok && found.status === 404 && pathname === '/favicon.ico') {
      // Browsers ask for it unprompted; "no content" keeps a missing icon out of the console.
      res.writeHead(204, { ...baseSecurityHeaders(), 'Cache-Control': 'max-age=86400' });
      res.end();
      return;
    }
    if (!found.ok) {
      sendError(res, found.status, found.status === 404 ? 'not-found' : 'bad-request', found.reason);
      return;
    }
    const content = await readFile(found.filePath);
    res.writeHead(200, {
      ...(isHtmlFile(found.filePath) ? htmlSecurityHeaders() : baseSecurityHeaders()),
      'Content-Type': found.contentType,
      'Content-Length': String(content.length),
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    server,
    close() {
      closing ??= new Promise<void>((resolveClose) => {
        for (const stream of [...streams]) stream.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function sendJson(res: ServerResponse, status: number, payload: ApiResponse): void {
  sendJsonBytes(res, status, asciiJsonBytes(JSON.stringify(payload)));
}

/** A JSON body given in parts (sent one after another, never copied into one buffer). */
function sendJsonBytes(res: ServerResponse, status: number, body: Uint8Array | readonly Uint8Array[], extraHeaders: Record<string, string> = {}): void {
  const parts = body instanceof Uint8Array ? [body] : body;
  res.writeHead(status, {
    ...baseSecurityHeaders(),
    ...extraHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(parts.reduce((sum, part) => sum + part.byteLength, 0)),
    'Cache-Control': 'no-store',
  });
  for (const part of parts) res.write(part);
  res.end();
}

/**
 * `product.open` answered from the service's JSON text of the product (see `openAsJson`): the same
 * response `dispatchApiCall` would give, without stringifying the product here. A `Server-Timing`
 * header says how long the service took and whether the product's JSON came from the file.
 */
async function sendOpenAnswer(res: ServerResponse, openAsJson: NonNullable<WorkspaceService['openAsJson']>, input: unknown): Promise<void> {
  const started = performance.now();
  let answer: OpenAnswerJson;
  try {
    const checked = checkApiInput('product.open', input);
    if (!checked.ok) {
      sendJson(res, 200, checked.response);
      return;
    }
    answer = await openAsJson(checked.input);
  } catch (error) {
    sendJson(res, 200, failureResponse(error));
    return;
  }
  const timing = `open;dur=${(performance.now() - started).toFixed(1)};desc="${answer.fromFile ? 'JSON from the file' : 'JSON from the product'}"`;
  sendJsonBytes(res, 200, [Buffer.from('{"ok":true,"result":', 'latin1'), ...answer.parts, Buffer.from('}', 'latin1')], { 'Server-Timing': timing });
}

function sendError(res: ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}
