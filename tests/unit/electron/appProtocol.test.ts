/** The app:// protocol: the built renderer only, with the CSP on HTML, nothing outside the folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest } from '../../../src/main/electron/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/security';

let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pm-protocol-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const text = (body: Uint8Array | null): string => (body ? new TextDecoder().decode(body) : '');

describe('answerAppRequest', () => {
  it('serves index.html with the CSP and nosniff', async () => {
    const answer = await answerAppRequest('app://app/index.html', 'GET', rendererDir);
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(text(answer.body)).toContain('<div id="root">');
    expect((await answerAppRequest('app://app/', 'GET', rendererDir)).status).toBe(200);
  });

  it('serves scripts as JavaScript', async () => {
    const answer = await answerAppRequest('app://app/assets/index-abc.js?x=1', 'GET', rendererDir);
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://app/%2e%2e/secret.txt',
    'app://app/..%2fsecret.txt',
    'app://app/assets/..%2f..%2fsecret.txt',
    'app://app/%2e%2e%5csecret.txt',
    'app://app/../secret.txt',
  ])('does not leave the renderer folder: %s', async (url) => {
    const answer = await answerAppRequest(url, 'GET', rendererDir);
    expect([400, 403, 404]).toContain(answer.status);
    expect(text(answer.body)).not.toContain('SECRET');
  });

  it('answers only its own host and GET/HEAD', async () => {
    expect((await answerAppRequest('app://other/index.html', 'GET', rendererDir)).status).toBe(404);
    expect((await answerAppRequest('https://app/index.html', 'GET', rendererDir)).status).toBe(404);
    expect((await answerAppRequest('app://app/index.html', 'POST', rendererDir)).status).toBe(405);
    expect((await answerAppRequest('app://app/missing.js', 'GET', rendererDir)).status).toBe(404);
    expect((await answerAppRequest('app://app/index.html', 'HEAD', rendererDir)).body).toBeNull();
  });
});
