/** Static-file path checks and content types (shared by the web host and Electron's app:// protocol). */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStaticPath, contentTypeFor, resolveStaticFile } from '../../../src/main/host/staticFiles';

describe('checkStaticPath', () => {
  it('maps / and folders to index.html', () => {
    expect(checkStaticPath('/')).toEqual({ ok: true, relativePath: 'index.html' });
    expect(checkStaticPath('/docs/')).toEqual({ ok: true, relativePath: 'docs/index.html' });
    expect(checkStaticPath('/assets/app-1a2b.js')).toEqual({ ok: true, relativePath: 'assets/app-1a2b.js' });
    expect(checkStaticPath('/assets/my%20file.css')).toEqual({ ok: true, relativePath: 'assets/my file.css' });
  });

  it.each([
    ['/../secret', 403],
    ['/a/../../secret', 403],
    ['/%2e%2e/secret', 403],
    ['/%2E%2e/secret', 403],
    ['/..%2fsecret', 403],
    ['/./index.html', 403],
    ['/.git/config', 403],
    ['/..%5csecret', 400],
    ['/a\\b', 400],
    ['/index.html%00', 400],
    ['/%E0%A4%A', 400],
    ['relative/path', 400],
    ['http://evil.example/', 400],
  ])('refuses %s with %i', (path, status) => {
    expect(checkStaticPath(path)).toMatchObject({ ok: false, status });
  });
});

describe('resolveStaticFile', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pm-static-'));
    mkdirSync(join(root, 'public', 'assets'), { recursive: true });
    writeFileSync(join(root, 'public', 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'public', 'assets', 'a.js'), '1');
    writeFileSync(join(root, 'outside.txt'), 'secret');
    symlinkSync(join(root, 'outside.txt'), join(root, 'public', 'assets', 'escape.txt'));
    symlinkSync(join(root, 'public', 'assets', 'a.js'), join(root, 'public', 'assets', 'inside.js'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds files inside the folder', async () => {
    const found = await resolveStaticFile(join(root, 'public'), '/assets/a.js');
    expect(found).toMatchObject({ ok: true, contentType: 'text/javascript; charset=utf-8', size: 1 });
    expect(await resolveStaticFile(join(root, 'public'), '/')).toMatchObject({ ok: true, contentType: 'text/html; charset=utf-8' });
    expect(await resolveStaticFile(join(root, 'public'), '/assets/inside.js')).toMatchObject({ ok: true });
  });

  it('refuses symlinks that lead outside, and answers 404 for missing files and folders', async () => {
    expect(await resolveStaticFile(join(root, 'public'), '/assets/escape.txt')).toMatchObject({ ok: false, status: 403 });
    expect(await resolveStaticFile(join(root, 'public'), '/assets/none.js')).toMatchObject({ ok: false, status: 404 });
    expect(await resolveStaticFile(join(root, 'public'), '/assets')).toMatchObject({ ok: false, status: 404 });
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer build outputs and defaults to octet-stream', () => {
    expect(contentTypeFor('x.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x.png')).toBe('image/png');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
    expect(contentTypeFor('Makefile')).toBe('application/octet-stream');
  });
});
