/**
 * The loopback web host, started for real on a free port with a fake service and a temporary
 * folder of static files: binding, token, Host/Origin checks, content type, body limits, input
 * validation before the service, static-file confinement, headers, and server-sent events.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, get as httpGet, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/contract';
import { createToken, singleHostHeader, tokensEqual } from '../../../src/main/web/accessChecks';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/host/securityHeaders';
import { DEFAULT_MAX_BODY_BYTES, startWebHost, type WebHost } from '../../../src/main/web/webHost';
import { FakeWorkspaceService } from './fakeWorkspaceService';
import { apiCall, json, rawRequest, rawSocketRequest, seenResponses, waitFor } from './httpTestUtils';

const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>';
const SECRET = 'TOP-SECRET-OUTSIDE-THE-STATIC-FOLDER';

let root: string;
let staticDir: string;
let service: FakeWorkspaceService;
let host: WebHost;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pm-webhost-'));
  staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(staticDir, 'assets', 'style.css'), 'body{margin:0}');
  writeFileSync(join(staticDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(staticDir, '.env'), SECRET);
  symlinkSync(join(root, 'secret.txt'), join(staticDir, 'assets', 'linked.txt'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

beforeEach(async () => {
  service = new FakeWorkspaceService();
  host = await startWebHost({ service, staticDir, heartbeatMs: 50 });
});

afterEach(async () => {
  await host.close();
});

function errorCode(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null && 'code' in error) return String((error as { code: unknown }).code);
  }
  return undefined;
}

describe('binding and token', () => {
  it('listens on 127.0.0.1 only, on a free port', () => {
    const address = host.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.family).toBe('IPv4');
    expect(address.port).toBe(host.port);
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
  });

  it('uses a fresh 32-byte base64url token per launch', async () => {
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startWebHost({ service, staticDir });
    try {
      expect(other.token).not.toBe(host.token);
    } finally {
      await other.close();
    }
    expect(createToken()).not.toBe(createToken());
  });

  it('compares tokens exactly', () => {
    expect(tokensEqual(host.token, host.token)).toBe(true);
    expect(tokensEqual(`${host.token}x`, host.token)).toBe(false);
    expect(tokensEqual(host.token.slice(1), host.token)).toBe(false);
    expect(tokensEqual('', host.token)).toBe(false);
    expect(tokensEqual(undefined, host.token)).toBe(false);
  });

  it('refuses API calls without the token or with a wrong one (401, structured), before the service', async () => {
    const missing = await rawRequest({ port: host.port, method: 'POST', path: '/api/workspace.info', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    expect(json(missing)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    const wrongSameLength = await apiCall(host.port, host.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), 'workspace.info', {});
    expect(wrongSameLength.status).toBe(401);
    expect(errorCode(json(wrongSameLength))).toBe('unauthorized');

    const wrongShort = await apiCall(host.port, 'nope', 'workspace.info', {});
    expect(wrongShort.status).toBe(401);
    expect(service.calls).toEqual([]);
  });
});

describe('Host and Origin checks', () => {
  it('refuses a foreign Host header even with the right token', async () => {
    const response = await apiCall(host.port, host.token, 'workspace.info', {}, { host: `evil.example:${host.port}` });
    expect(response.status).toBe(403);
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(service.calls).toEqual([]);
  });

  it('refuses a DNS-rebinding Host (attacker.com) for the API, events and static files', async () => {
    const api = await apiCall(host.port, host.token, 'workspace.info', {}, { host: 'attacker.com' });
    expect(api.status).toBe(403);
    const page = await rawRequest({ port: host.port, path: '/', headers: { host: 'attacker.com' } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('<div id="root">');
    const events = await rawRequest({ port: host.port, path: `/events?token=${host.token}`, headers: { host: `attacker.com:${host.port}` } });
    expect(events.status).toBe(403);
    expect(service.calls).toEqual([]);
    expect(service.listenerCount).toBe(0);
  });

  it('refuses the right host name on another port, and a request with no Host at all', async () => {
    const otherPort = await rawRequest({ port: host.port, path: '/', headers: { host: `127.0.0.1:${host.port + 1}` } });
    expect(otherPort.status).toBe(403);
    const noHost = await rawSocketRequest(host.port, 'GET / HTTP/1.0\r\n\r\n');
    expect(noHost).toMatch(/^HTTP\/1\.[01] 403/);
    expect(noHost).not.toContain('<div id="root">');
  });

  it('refuses a request with two Host headers even when the allowed one comes first, before the service', async () => {
    const body = '{}';
    const twoHosts = (first: string, second: string): string =>
      [
        'POST /api/workspace.info HTTP/1.1',
        `Host: ${first}`,
        `Host: ${second}`,
        'Content-Type: application/json',
        `x-pm-token: ${host.token}`,
        `Content-Length: ${body.length}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n');
    const allowed = `127.0.0.1:${host.port}`;
    for (const [first, second] of [
      [allowed, 'evil.example'],
      [allowed, `localhost:${host.port}`],
      [allowed, allowed],
    ] as const) {
      const answer = await rawSocketRequest(host.port, twoHosts(first, second));
      expect(answer, `${first} then ${second}`).toMatch(/^HTTP\/1\.[01] 403/);
      expect(answer).toContain('exactly one Host header');
    }
    expect(service.calls).toEqual([]);
  });

  it('singleHostHeader counts Host headers in any case and gives the value only for exactly one', () => {
    expect(singleHostHeader(['Host', '127.0.0.1:1', 'Accept', '*/*'])).toBe('127.0.0.1:1');
    expect(singleHostHeader(['host', 'a', 'HOST', 'b'])).toBeUndefined();
    expect(singleHostHeader(['Host', 'a', 'X-Host', 'b', 'Host', 'a'])).toBeUndefined();
    expect(singleHostHeader(['Accept', '*/*'])).toBeUndefined();
  });

  it('accepts localhost:<port> and 127.0.0.1:<port>', async () => {
    const viaLocalhost = await apiCall(host.port, host.token, 'workspace.info', {}, { host: `localhost:${host.port}` });
    expect(viaLocalhost.status).toBe(200);
    const viaIp = await apiCall(host.port, host.token, 'workspace.info', {});
    expect(viaIp.status).toBe(200);
  });

  it('refuses calls from a page of another origin', async () => {
    const response = await apiCall(host.port, host.token, 'workspace.info', {}, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(service.calls).toEqual([]);
    const sameOrigin = await apiCall(host.port, host.token, 'workspace.info', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(sameOrigin.status).toBe(200);
  });
});

describe('API requests', () => {
  it('answers a valid call with the service result', async () => {
    const response = await apiCall(host.port, host.token, 'workspace.info', {});
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(json(response)).toEqual({ ok: true, result: { folder: '/fake/workspace', canChooseFolder: false } });
    expect(service.calls).toEqual([{ method: 'workspace.info', input: {} }]);

    const created = await apiCall(host.port, host.token, 'product.create', { name: 'Bike Share' });
    expect(json(created)).toEqual({ ok: true, result: { id: 'bike-share' } });
  });

  it('passes domain errors through as structured responses', async () => {
    const response = await apiCall(host.port, host.token, 'product.open', { id: 'missing-product' });
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no product missing-product.' } });
    const unsupported = await apiCall(host.port, host.token, 'workspace.chooseFolder', {});
    expect(errorCode(json(unsupported))).toBe('unsupported');
  });

  it('refuses a non-JSON content type with 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await rawRequest({
        port: host.port,
        method: 'POST',
        path: '/api/workspace.info',
        headers: { 'content-type': contentType, 'x-pm-token': host.token },
        body: '{}',
      });
      expect(response.status).toBe(415);
      expect(errorCode(json(response))).toBe('bad-request');
    }
    const none = await rawRequest({ port: host.port, method: 'POST', path: '/api/workspace.info', headers: { 'x-pm-token': host.token }, body: '{}' });
    expect(none.status).toBe(415);
    expect(service.calls).toEqual([]);
  });

  it('accepts application/json with a charset parameter', async () => {
    const response = await apiCall(host.port, host.token, 'workspace.info', {}, { 'content-type': 'application/json; charset=utf-8' });
    expect(response.status).toBe(200);
  });

  it('refuses other HTTP methods on the API with 405', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const response = await rawRequest({ port: host.port, method, path: '/api/workspace.info', headers: { 'x-pm-token': host.token } });
      expect(response.status, method).toBe(405);
      expect(response.headers['allow']).toBe('POST');
    }
    expect(service.calls).toEqual([]);
  });

  it('refuses a body one byte over the default 128 MiB limit with 413 and a message naming the size and the limit', async () => {
    // Only the headers are sent: the declared length alone is refused, before any body is read.
    const declared = DEFAULT_MAX_BODY_BYTES + 1;
    const answer = await rawSocketRequest(
      host.port,
      [
        'POST /api/product.create HTTP/1.1',
        `Host: 127.0.0.1:${host.port}`,
        'Content-Type: application/json',
        `x-pm-token: ${host.token}`,
        `Content-Length: ${declared}`,
        '',
        '{"name":"',
      ].join('\r\n'),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('"code":"bad-request"');
    expect(answer).toContain('The request body is 134,217,729 bytes, over the limit of 134,217,728 bytes (128 MiB); nothing was done.');
    expect(service.calls).toEqual([]);
  });

  it('accepts a body of exactly the limit', async () => {
    const small = await startWebHost({ service, staticDir, maxBodyBytes: 1024 });
    try {
      const envelope = { productId: 'civic-cloud', fileName: 'notes.md', content: '' };
      const input = { ...envelope, content: 'x'.repeat(1024 - JSON.stringify(envelope).length) };
      expect(Buffer.byteLength(JSON.stringify(input))).toBe(1024);
      const response = await apiCall(small.port, small.token, 'export.save', input);
      expect(response.status).toBe(200);
      expect(service.calls.map((c) => c.method)).toEqual(['export.save']);
    } finally {
      await small.close();
    }
  });

  it('refuses a chunked body that grows over the limit with 413 and says so', async () => {
    const small = await startWebHost({ service, staticDir, maxBodyBytes: 1024 });
    try {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: small.port, method: 'POST', path: '/api/product.create', headers: { 'content-type': 'application/json', 'x-pm-token': small.token }, agent: false },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.write(`{"name":"${'y'.repeat(600)}`);
        req.write(`${'y'.repeat(600)}"}`);
        req.end();
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'bad-request', message: 'The request body grew past the limit of 1,024 bytes; nothing was done.' } });
      expect(service.calls).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('answers invalid JSON with 400 bad-request', async () => {
    const response = await rawRequest({
      port: host.port,
      method: 'POST',
      path: '/api/product.create',
      headers: { 'content-type': 'application/json', 'x-pm-token': host.token },
      body: '{"name": "unterminated',
    });
    expect(response.status).toBe(400);
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(service.calls).toEqual([]);
  });

  it('answers an unknown method with unknown-method', async () => {
    const response = await apiCall(host.port, host.token, 'fs.readFile', { path: '/etc/passwd' });
    expect(errorCode(json(response))).toBe('unknown-method');
    const proto = await apiCall(host.port, host.token, '__proto__', {});
    expect(errorCode(json(proto))).toBe('unknown-method');
    const bare = await apiCall(host.port, host.token, '', {});
    expect(errorCode(json(bare))).toBe('unknown-method');
    expect(service.calls).toEqual([]);
  });

  it('answers bad input with bad-request and never calls the service', async () => {
    const cases: Array<[string, unknown]> = [
      ['product.open', { id: '../x' }],
      ['product.open', { id: '..\\..\\windows' }],
      ['product.open', { id: '/etc/passwd' }],
      ['product.open', { id: 5 }],
      ['product.open', {}],
      ['product.open', { id: 'ok', extra: true }],
      ['product.create', { name: 'x'.repeat(10_000) }],
      ['product.create', { name: '   ' }],
      ['product.create', { name: ['array'] }],
      ['product.applyEdits', { id: 'p', baseRevision: -1, edits: [] }],
      ['product.applyEdits', { id: 'p', baseRevision: 0, edits: [{ type: 'no.such.edit' }] }],
      ['trash.restore', { trashId: '../../etc' }],
      ['workspace.info', []],
      ['workspace.info', 'text'],
    ];
    for (const [method, input] of cases) {
      const response = await apiCall(host.port, host.token, method, input);
      expect(response.status, `${method} ${JSON.stringify(input).slice(0, 60)}`).toBe(200);
      expect(errorCode(json(response)), `${method} ${JSON.stringify(input).slice(0, 60)}`).toBe('bad-request');
    }
    expect(service.calls).toEqual([]);
  });
});

describe('static files', () => {
  it('serves index.html for / with the CSP and the right content type, without the token', async () => {
    const response = await rawRequest({ port: host.port, path: '/' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(response.body).toBe(INDEX_HTML);
    expect(response.body).not.toContain(host.token);
  });

  it('serves assets with their content types', async () => {
    const js = await rawRequest({ port: host.port, path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await rawRequest({ port: host.port, path: '/assets/style.css?v=1' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const svg = await rawRequest({ port: host.port, path: '/assets/logo.svg' });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    const head = await rawRequest({ port: host.port, method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const missing = await rawRequest({ port: host.port, path: '/assets/nothing.js' });
    expect(missing.status).toBe(404);
    expect(json(missing)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses path traversal in every spelling, and symlinks or dotfiles', async () => {
    const attempts = [
      '/../secret.txt',
      '/../../etc/passwd',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/assets/linked.txt',
      '/.env',
      '/index.html%00.js',
      '/%E0%A4%A',
    ];
    for (const path of attempts) {
      const response = await rawRequest({ port: host.port, path });
      expect([400, 403, 404], path).toContain(response.status);
      expect(response.body, path).not.toContain(SECRET);
      expect(response.body, path).not.toContain('root:');
    }
  });

  it('refuses writes to static paths', async () => {
    const response = await rawRequest({ port: host.port, method: 'POST', path: '/index.html', body: 'x' });
    expect(response.status).toBe(405);
  });
});

describe('server-sent events', () => {
  function openEvents(path: string): Promise<{ res: IncomingMessage; text: () => string; destroy: () => void }> {
    return new Promise((resolve, reject) => {
      const req = httpGet({ host: '127.0.0.1', port: host.port, path, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('error', () => undefined);
        resolve({ res, text: () => text, destroy: () => req.destroy() });
      });
      req.on('error', reject);
    });
  }

  it('delivers events pushed by the service, with heartbeats, and unsubscribes on close', async () => {
    const stream = await openEvents(`/events?token=${host.token}`);
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toMatch(/^text\/event-stream/);
    await waitFor(() => service.listenerCount === 1);
    service.emit({ type: 'product.changed', id: 'civic-cloud', epoch: 'e1', revision: 7 });
    service.emit({ type: 'workspace.changed' });
    await waitFor(() => stream.text().includes('workspace.changed'));
    expect(stream.text()).toContain(`data: ${JSON.stringify({ type: 'product.changed', id: 'civic-cloud', epoch: 'e1', revision: 7 })}\n\n`);
    expect(stream.text()).toContain(`data: ${JSON.stringify({ type: 'workspace.changed' })}\n\n`);
    await waitFor(() => /: heartbeat/.test(stream.text()));
    stream.destroy();
    await waitFor(() => service.listenerCount === 0);
  });

  it('refuses the stream without the right token', async () => {
    const none = await rawRequest({ port: host.port, path: '/events' });
    expect(none.status).toBe(401);
    const wrong = await rawRequest({ port: host.port, path: '/events?token=wrong-token-value' });
    expect(wrong.status).toBe(401);
    expect(errorCode(json(wrong))).toBe('unauthorized');
    expect(service.listenerCount).toBe(0);
  });

  it('ends open streams when the host closes', async () => {
    const stream = await openEvents(`/events?token=${host.token}`);
    await waitFor(() => service.listenerCount === 1);
    const ended = new Promise<void>((resolve) => stream.res.on('close', () => resolve()));
    await host.close();
    await ended;
    expect(service.listenerCount).toBe(0);
  });
});

describe('headers on every response', () => {
  it('never sends CORS headers and always sends nosniff', async () => {
    const before = seenResponses.length;
    const evil = { origin: 'https://evil.example' };
    await rawRequest({ port: host.port, method: 'OPTIONS', path: '/api/workspace.info', headers: { ...evil, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-pm-token, content-type' } });
    await rawRequest({ port: host.port, path: '/', headers: evil });
    await rawRequest({ port: host.port, path: '/' });
    await rawRequest({ port: host.port, path: '/assets/app.js' });
    await rawRequest({ port: host.port, path: '/missing' });
    await rawRequest({ port: host.port, path: '/%2e%2e/secret.txt' });
    await rawRequest({ port: host.port, path: '/events' });
    await apiCall(host.port, host.token, 'workspace.info', {});
    await apiCall(host.port, host.token, 'workspace.info', {}, evil);
    await apiCall(host.port, 'wrong', 'workspace.info', {});
    await apiCall(host.port, host.token, 'product.open', { id: '../x' });
    await rawRequest({ port: host.port, method: 'POST', path: '/api/workspace.info', headers: { 'content-type': 'text/plain', 'x-pm-token': host.token }, body: '{}' });
    expect(seenResponses.length - before).toBe(12);
    // Every response any test in this file received, including errors and preflights.
    for (const response of seenResponses) {
      const names = Object.keys(response.headers);
      expect(names.filter((name) => name.startsWith('access-control-'))).toEqual([]);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('favicon', () => {
  it('answers a missing /favicon.ico with 204 instead of a console-visible 404', async () => {
    const response = await rawRequest({ port: host.port, path: '/favicon.ico' });
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
  });
});

describe('product.open from the service\'s JSON text (openAsJson)', () => {
  class JsonFake extends FakeWorkspaceService {
    readonly jsonCalls: unknown[] = [];
    openAsJson = async (input: unknown) => {
      this.jsonCalls.push(input);
      if (typeof input === 'object' && input !== null && 'id' in input && input.id === 'gone') throw new ApiError('not-found', 'There is no product "gone".');
      return { parts: [Buffer.from('{"product":{"name":"Caf\\u00e9"},', 'latin1'), Buffer.from('"revision":7,"migratedFrom":null}', 'latin1')], fromFile: true };
    };
  }

  let jsonHost: WebHost;
  let fake: JsonFake;

  beforeEach(async () => {
    fake = new JsonFake();
    jsonHost = await startWebHost({ service: fake, staticDir });
  });

  afterEach(async () => {
    await jsonHost.close();
  });

  it('sends the service\'s text as the result, with a Server-Timing header', async () => {
    const response = await apiCall(jsonHost.port, jsonHost.token, 'product.open', { id: 'civic-cloud' });
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({ ok: true, result: { product: { name: 'Café' }, revision: 7, migratedFrom: null } });
    expect(response.headers['server-timing']).toMatch(/^open;dur=\d+(\.\d)?;desc="JSON from the file"$/);
    expect(fake.jsonCalls).toEqual([{ id: 'civic-cloud' }]);
    // product.open itself was not called: its answer would have been stringified here.
    expect(fake.calls.map((c) => c.method)).not.toContain('product.open');
  });

  it('checks the input before the service sees it', async () => {
    for (const input of [{ id: '../x' }, { id: 5 }, { id: 'ok', extra: true }]) {
      const response = await apiCall(jsonHost.port, jsonHost.token, 'product.open', input);
      expect(errorCode(json(response))).toBe('bad-request');
    }
    expect(fake.jsonCalls).toEqual([]);
  });

  it('answers the service\'s error as product.open would', async () => {
    const response = await apiCall(jsonHost.port, jsonHost.token, 'product.open', { id: 'gone' });
    expect(json(response)).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no product "gone".' } });
  });
});
