/**
 * The loopback host in front of a real workspace service, attacked the way a web page or another
 * machine would. Extends tests/unit/web/webHost.test.ts (which checks the basic refusals against a
 * fake service) with: connection attempts on every other address of this machine, many spellings
 * of a foreign or rebinding `Host` and `Origin`, tokens in the wrong place, the content types a
 * cross-site form may send without a preflight, and bodies just over the limit (declared, chunked,
 * or lying about their length). Every refusal is checked to happen before the service is touched:
 * the service's file system counts calls, and that count must not move.
 */
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceService } from '../../../src/main/core/service';
import { createWorkspaceService } from '../../../src/main/core/workspaceService';
import { TOKEN_HEADER } from '../../../src/shared/api/httpTransport';
import { startWebHost, type WebHost } from '../../../src/main/web/webHost';
import { fuzzRoot, guardedFs, seedWorkspace, type GuardedFs } from './apiFuzz';

const MAX_BODY = 64 * 1024;
let root: string;
let guard: GuardedFs;
let service: WorkspaceService;
let host: WebHost;

beforeAll(async () => {
  root = fuzzRoot('pm-loopback-');
  const dirs = seedWorkspace(root);
  guard = guardedFs(dirs.workspace, dirs.samples);
  service = await createWorkspaceService({ folder: dirs.workspace, samplesFolder: dirs.samples }, { fs: guard.fs, pollIntervalMs: 0, useFsWatch: false });
  host = await startWebHost({ service, staticDir: root, maxBodyBytes: MAX_BODY });
});

afterAll(async () => {
  await host.close();
  await service.close().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

/** Send bytes exactly as written; resolve with the status line's code (0 if the connection died). */
function rawHttp(text: string | Buffer, address = '127.0.0.1'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    // Write without half-closing: the requests say `Connection: close`, so the server ends it.
    const socket = connect({ host: address, port: host.port }, () => socket.write(text));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0), text: data }));
    socket.on('error', reject);
  });
}

function apiRequest(headers: Record<string, string>, body = '{}', path = '/api/products.list'): string {
  const lines = [`POST ${path} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close', '', body];
  return lines.join('\r\n');
}

const good = (): Record<string, string> => ({ Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token });

/** Run `attempt` and check that the service's file system saw no call meanwhile. */
async function untouched<T>(attempt: () => Promise<T>): Promise<T> {
  const before = guard.calls;
  const result = await attempt();
  expect(guard.calls, 'the service was reached').toBe(before);
  return result;
}

describe('binding', () => {
  it('cannot be reached on any address but 127.0.0.1', async () => {
    const others = ['127.0.0.2', '::1', ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((i) => !i.internal).map((i) => i.address))];
    for (const address of others) {
      const error = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: host.port }, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
      // EINVAL: a link-local address without a scope cannot even be tried.
      expect(['ECONNREFUSED', 'EADDRNOTAVAIL', 'ENETUNREACH', 'EHOSTUNREACH', 'EAFNOSUPPORT', 'EINVAL'], address).toContain(error);
    }
    expect((await rawHttp(apiRequest(good()))).status).toBe(200);
  });
});

describe('Host and Origin', () => {
  const hosts = (port: number): string[] => [
    `evil.example:${port}`,
    `127.0.0.1.nip.io:${port}`,
    `localhost.:${port}`,
    `localhost.evil.example:${port}`,
    `127.0.0.1:${port}@evil.example`,
    `127.0.0.1:${port}.evil.example`,
    `[::1]:${port}`,
    `0.0.0.0:${port}`,
    `127.1:${port}`,
    `2130706433:${port}`,
    `127.0.0.2:${port}`,
    `127.0.0.1:${port + 1}`,
    `127.0.0.1`,
    `localhost`,
    `127.0.0.1:0${port}`,
    ` 127.0.0.1:${port}x`,
    'x'.repeat(4000),
  ];

  it('refuses every foreign or rebinding Host, with a valid token, before the service', async () => {
    await untouched(async () => {
      for (const value of hosts(host.port)) {
        const response = await rawHttp(apiRequest({ ...good(), Host: value }));
        expect([400, 403], value).toContain(response.status);
        expect(response.text, value).not.toContain('"ok":true');
      }
    });
  });

  it('refuses a request with two Host headers whichever comes first, and one with none', async () => {
    await untouched(async () => {
      const own = `Host: 127.0.0.1:${host.port}`;
      const foreignFirst = apiRequest(good()).replace(own, `Host: evil.example:${host.port}\r\n${own}`);
      expect([400, 403]).toContain((await rawHttp(foreignFirst)).status);
      const ownFirst = apiRequest(good()).replace(own, `${own}\r\nHost: evil.example:${host.port}`);
      expect([400, 403]).toContain((await rawHttp(ownFirst)).status);
      const noHost = apiRequest(good()).replace(`Host: 127.0.0.1:${host.port}\r\n`, '').replace('HTTP/1.1', 'HTTP/1.0');
      expect((await rawHttp(noHost)).status).toBe(403);
    });
  });

  it('refuses pages of other origins, including look-alikes and the opaque "null" origin', async () => {
    await untouched(async () => {
      for (const origin of ['https://evil.example', `http://127.0.0.1.evil.example:${host.port}`, `http://localhost:${host.port}.evil.example`, `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 1}`, 'null', 'file://']) {
        expect((await rawHttp(apiRequest({ ...good(), Origin: origin }))).status, origin).toBe(403);
      }
    });
    expect((await rawHttp(apiRequest({ ...good(), Origin: `http://localhost:${host.port}` }))).status).toBe(200);
  });
});

describe('token', () => {
  it('is required in its header, exactly; nowhere else counts', async () => {
    await untouched(async () => {
      const { [TOKEN_HEADER]: _token, ...noToken } = good();
      const attempts: [string, string][] = [
        ['missing', apiRequest(noToken)],
        ['empty', apiRequest({ ...noToken, [TOKEN_HEADER]: '' })],
        ['in the query', apiRequest(noToken, '{}', `/api/products.list?token=${host.token}`)],
        ['as a bearer token', apiRequest({ ...noToken, Authorization: `Bearer ${host.token}` })],
        ['as a cookie', apiRequest({ ...noToken, Cookie: `token=${host.token}` })],
        ['in the body', apiRequest(noToken, JSON.stringify({ token: host.token }))],
        ['upper-cased', apiRequest({ ...noToken, [TOKEN_HEADER]: host.token.toUpperCase() })],
        ['with a prefix', apiRequest({ ...noToken, [TOKEN_HEADER]: `x${host.token}` })],
        ['truncated', apiRequest({ ...noToken, [TOKEN_HEADER]: host.token.slice(0, -1) })],
        ['twice', apiRequest(noToken).replace('Content-Type', `${TOKEN_HEADER}: ${host.token}\r\n${TOKEN_HEADER}: ${host.token}\r\nContent-Type`)],
      ];
      for (const [label, text] of attempts) expect((await rawHttp(text)).status, label).toBe(401);
    });
  });
});

describe('content type', () => {
  it('accepts only application/json; the types a cross-site form sends without a preflight are refused', async () => {
    await untouched(async () => {
      for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json', 'application/jsonp', 'application/json-patch+json', 'application/x-json', 'text/plain;application/json', '']) {
        const text = type === '' ? apiRequest(good()).replace('Content-Type: application/json\r\n', '') : apiRequest({ ...good(), 'Content-Type': type });
        expect((await rawHttp(text)).status, type || '(none)').toBe(415);
      }
    });
    for (const type of ['application/json', 'Application/JSON', 'application/json; charset=utf-8']) {
      expect((await rawHttp(apiRequest({ ...good(), 'Content-Type': type }))).status, type).toBe(200);
    }
  });
});

describe('body size', () => {
  const bodyOf = (bytes: number): string => {
    const frame = JSON.stringify({ name: '' });
    return JSON.stringify({ name: 'x'.repeat(bytes - frame.length) });
  };

  it('accepts a body of exactly the limit and refuses one byte more, before the service', async () => {
    const atLimit = bodyOf(MAX_BODY);
    expect(Buffer.byteLength(atLimit)).toBe(MAX_BODY);
    // At the limit the request reaches validation (the name is too long for a product: bad-request).
    const accepted = await rawHttp(apiRequest(good(), atLimit, '/api/product.create'));
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain('"code":"bad-request"');
    await untouched(async () => {
      expect((await rawHttp(apiRequest(good(), bodyOf(MAX_BODY + 1), '/api/product.create'))).status).toBe(413);
    });
  });

  it('refuses a chunked body that grows past the limit, and a body longer than its Content-Length says', async () => {
    await untouched(async () => {
      const chunked = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/product.create', headers: { ...good(), 'Transfer-Encoding': 'chunked' }, agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        for (let i = 0; i < 10; i += 1) req.write('x'.repeat(MAX_BODY / 8));
        req.end();
      });
      expect(chunked).toBe(413);
    });
    // Declares 2 bytes and sends more: the surplus is never taken as the body. Node's parser reads
    // it as a malformed next request and refuses the connection (400); the host keeps serving.
    {
      const lying = `POST /api/products.list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\n${TOKEN_HEADER}: ${host.token}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}${'{"name":"x"}'.repeat(1000)}`;
      const response = await rawHttp(lying);
      expect([200, 400]).toContain(response.status);
      expect(response.text).not.toContain('"code":"internal"');
      expect((await rawHttp(apiRequest(good()))).status).toBe(200);
    }
  });
});
