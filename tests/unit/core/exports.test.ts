import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../../src/shared/api/dispatch';
import type { WorkspaceService } from '../../../src/main/core/service';
import { makeTempWorkspace, startService, type TempWorkspace } from './fixtures';

let tw: TempWorkspace;
let service: WorkspaceService | undefined;

afterEach(async () => {
  await service?.close();
  service = undefined;
  tw.cleanup();
});

describe('export.save', () => {
  it('writes into exports/<product>/ and answers the path', async () => {
    tw = makeTempWorkspace();
    ({ service } = await startService(tw));
    const { path } = await service['export.save']({ productId: 'larder', fileName: 'Larder roadmap.md', content: '# Roadmap\n\nNow: …\n' });
    expect(path).toBe(join(tw.folder, 'exports', 'larder', 'Larder roadmap.md'));
    expect(readFileSync(path, 'utf8')).toBe('# Roadmap\n\nNow: …\n');
    // Replacing leaves exactly one file, no temp files.
    await service['export.save']({ productId: 'larder', fileName: 'Larder roadmap.md', content: 'v2' });
    expect(readFileSync(path, 'utf8')).toBe('v2');
    expect(readdirSync(dirname(path))).toEqual(['Larder roadmap.md']);
  });

  it('refuses names that are paths or have other extensions, at the API boundary', async () => {
    tw = makeTempWorkspace();
    ({ service } = await startService(tw));
    for (const fileName of ['../escape.md', '/etc/passwd.md', 'a/b.md', 'x..md', 'run.sh', '.hidden.md', 'a\\b.md']) {
      const answer = await dispatchApiCall(service, 'export.save', { productId: 'larder', fileName, content: 'x' });
      expect(answer.ok, fileName).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('bad-request');
    }
    const bad = await dispatchApiCall(service, 'export.save', { productId: '../larder', fileName: 'a.md', content: 'x' });
    expect(bad.ok).toBe(false);
    expect(existsSync(join(tw.folder, 'exports'))).toBe(false);
  });
});

describe('export.pdf', () => {
  it('is unsupported without a PDF renderer (the web shell prints in the browser)', async () => {
    tw = makeTempWorkspace();
    ({ service } = await startService(tw));
    const answer = await dispatchApiCall(service, 'export.pdf', { productId: 'larder', fileName: 'brief.pdf', html: '<h1>Brief</h1>' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('writes the rendered bytes when a renderer is given, and reports a failing renderer', async () => {
    tw = makeTempWorkspace();
    let failing = false;
    ({ service } = await startService(tw, {
      renderPdf: async (html) => {
        if (failing) throw new Error('no printer');
        return new TextEncoder().encode(`%PDF ${html.length}`);
      },
    }));
    const { path } = await service['export.pdf']({ productId: 'larder', fileName: 'brief.pdf', html: '<h1>Brief</h1>' });
    expect(readFileSync(path, 'utf8')).toBe('%PDF 14');
    failing = true;
    const answer = await dispatchApiCall(service, 'export.pdf', { productId: 'larder', fileName: 'brief.pdf', html: 'x' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('no printer') } });
    expect(readFileSync(path, 'utf8')).toBe('%PDF 14');
  });
});
