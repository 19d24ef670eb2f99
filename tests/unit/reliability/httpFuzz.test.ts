/**
 * API fuzzing through the loopback HTTP host: the real host with its token, in front of a real
 * workspace service on a temp folder. JSON payloads of every family (see apiFuzz.ts), plus raw
 * bodies that are not JSON (random bytes, invalid UTF-8, truncated JSON) and method names with
 * URL tricks. Every answer is a structured `ApiResponse`; the server stays up; afterwards every
 * product file is valid and nothing outside the workspace was touched.
 */
import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceService } from '../../../src/main/core/service';
import { createWorkspaceService } from '../../../src/main/core/workspaceService';
import { TOKEN_HEADER } from '../../../src/shared/api/httpTransport';
import { startWebHost, type WebHost } from '../../../src/main/web/webHost';
import { checkAnswer, expectAllProductFilesValid, fuzzCase, fuzzRoot, guardedFs, safeStringify, seedWorkspace, snapshotTree, type FuzzCase, type GuardedFs } from './apiFuzz';

const RUNS = Number(process.env['PM_FUZZ_HTTP_RUNS'] ?? 4_000);
const RAW_RUNS = Number(process.env['PM_FUZZ_HTTP_RAW_RUNS'] ?? 600);
const SEED = Number(process.env['PM_FUZZ_SEED'] ?? 424_242);

let root: string;
let dirs: ReturnType<typeof seedWorkspace>;
let guard: GuardedFs;
let service: WorkspaceService;
let host: WebHost;
let outsideBefore: Map<string, string>;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  root = fuzzRoot('pm-http-fuzz-');
  dirs = seedWorkspace(root);
  outsideBefore = snapshotTree(dirs.outside);
  guard = guardedFs(dirs.workspace, dirs.samples);
  service = await createWorkspaceService({ folder: dirs.workspace, samplesFolder: dirs.samples, writeDelayMs: 5 }, { fs: guard.fs, pollIntervalMs: 0, useFsWatch: false, retryDelaysMs: [50] });
  host = await startWebHost({ service, staticDir: root });
});

afterAll(async () => {
  agent.destroy();
  await host.close();
  await service.close({ force: true }).catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

function post(path: string, body: Buffer | string, contentType = 'application/json'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: 'POST', path, agent, headers: { 'content-type': contentType, [TOKEN_HEADER]: host.token, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The method in the URL path, percent-encoded as a browser's fetch would (so `/` and `..` stay in the name). */
function methodPath(method: string): string {
  return `/api/${encodeURIComponent(method)}`;
}

async function liveRevision(id: unknown): Promise<number> {
  try {
    return (await service['product.open']({ id: String(id) })).revision;
  } catch {
    return 0;
  }
}

describe('HTTP fuzzing', () => {
  it(`answers ${RUNS} arbitrary JSON payloads across every method with a structured error or a valid answer`, async () => {
    const tally = new Map<string, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fuzzCase(true), async (c: FuzzCase) => {
        if (c.liveRevision && typeof c.input === 'object' && c.input !== null && 'id' in c.input) {
          (c.input as Record<string, unknown>)['baseRevision'] = await liveRevision((c.input as { id: unknown }).id);
        }
        // JSON has no `undefined`; an absent body means `{}` to the host.
        const body = c.input === undefined ? '' : JSON.stringify(c.input);
        const response = await post(methodPath(c.method), body);
        sent += 1;
        expect(response.status, `${c.method} ${body.slice(0, 200)}`).toBe(200);
        const outcome = checkAnswer(c, JSON.parse(response.body));
        tally.set(`${c.family}:${outcome}`, (tally.get(`${c.family}:${outcome}`) ?? 0) + 1);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`HTTP fuzz: ${sent} payloads; outcomes ${safeStringify(Object.fromEntries([...tally].sort()))}`);
    expect(sent).toBe(RUNS);
    expect(tally.get('shaped:ok') ?? 0).toBeGreaterThan(RUNS / 20);
  }, 120_000);

  it(`answers ${RAW_RUNS} raw bodies that are not JSON, and odd method paths, with a structured refusal`, async () => {
    const rawBody = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
      fc.string({ maxLength: 100 }).map((text) => Buffer.from(`{${text}`)),
      fc.constantFrom(Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('{"id": "al'), Buffer.from('\u0000'), Buffer.from('NaN'), Buffer.from('{"a":1}{"b":2}')),
    );
    const path = fc.oneof(
      fc.constantFrom('/api/product.open', '/api/', '/api', '/api/%2e%2e%2fproduct.open', '/api/product.open/../workspace.info', '/api/%E0%A4%A', '/api/product.open?x=1', '/api//product.open'),
      fc.string({ maxLength: 30 }).map((s) => `/api/${encodeURIComponent(s)}`),
    );
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(rawBody, path, async (body, p) => {
        const response = await post(p, body);
        sent += 1;
        expect([200, 400], `${p} ${body.toString('hex').slice(0, 80)}`).toContain(response.status);
        const parsed = JSON.parse(response.body) as { ok: boolean; error?: { code: string } };
        if (!parsed.ok) expect(parsed.error?.code).not.toBe('internal');
      }),
      { numRuns: RAW_RUNS, seed: SEED + 2 },
    );
    expect(sent).toBe(RAW_RUNS);
  }, 60_000);

  it('touched nothing outside the workspace, wrote only valid product files, and still answers', async () => {
    expect(guard.violations).toEqual([]);
    expect(snapshotTree(dirs.outside)).toEqual(outsideBefore);
    expect(expectAllProductFilesValid(dirs.workspace)).toBeGreaterThan(2);
    const info = await post('/api/workspace.info', '{}');
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, result: { folder: dirs.workspace } });
  });
});
