/**
 * The web host's client of its file-JSON worker: replies are matched to requests, the bytes are
 * copied (the caller keeps using them), and a worker that fails or is closed answers null, so the
 * service falls back to stringifying on its own thread. The worker script here is a stand-in that
 * speaks the same protocol; the built worker itself runs in every e2e test of the web shell.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFileJsonWorker } from '../../../src/main/web/fileJsonWorkerClient';

const dir = mkdtempSync(join(tmpdir(), 'pm-json-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const path = join(dir, `${name}.cjs`);
  writeFileSync(path, `const { parentPort } = require('node:worker_threads');\n${body}`);
  return path;
}

/** Answers in reverse order of arrival, in pairs, to prove replies are matched by id. */
const REVERSING = script(
  'reversing',
  `let held = null;
parentPort.on('message', (m) => {
  const reply = { id: m.id, json: new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(m.bytes)))) };
  if (held === null) { held = reply; return; }
  parentPort.postMessage(reply);
  parentPort.postMessage(held);
  held = null;
});`,
);
const CRASHING = script('crashing', `parentPort.on('message', () => { throw new Error('boom'); });`);

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));
const text = (json: Uint8Array | null) => (json === null ? null : new TextDecoder().decode(json));

describe('startFileJsonWorker', () => {
  it('matches replies to requests and leaves the caller its bytes', async () => {
    const worker = startFileJsonWorker(REVERSING);
    try {
      const first = bytes({ a: 1 });
      const answers = Promise.all([worker.fileJson(first), worker.fileJson(bytes({ b: [2] }))]);
      expect((await answers).map(text)).toEqual(['{"a":1}', '{"b":[2]}']);
      expect(first.byteLength).toBeGreaterThan(0);
      expect(new TextDecoder().decode(first)).toContain('"a": 1');
    } finally {
      await worker.close();
    }
  });

  it('answers null for every request once the worker has failed, and after close', async () => {
    const crashing = startFileJsonWorker(CRASHING);
    expect(await crashing.fileJson(bytes({ a: 1 }))).toBeNull();
    expect(await crashing.fileJson(bytes({ a: 2 }))).toBeNull();
    await crashing.close();
    const closed = startFileJsonWorker(REVERSING);
    await closed.close();
    expect(await closed.fileJson(bytes({ a: 3 }))).toBeNull();
  });
});
