/**
 * The renderer's export functions (components/exportFile.ts) against a real workspace service over
 * the dispatch boundary, as a transport would call it: text exports land in
 * `exports/<product>/<file>`, PDFs are written where the shell can print and otherwise handed to the
 * browser's print dialog, and failures reach the caller with their reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceService } from '../../../src/main/core/service';
import { ApiError, apiMethods, type ApiHandlers, type WorkspaceApi, type WorkspaceClient } from '../../../src/shared/api/contract';
import { dispatchApiCall, unwrapResponse } from '../../../src/shared/api/dispatch';
import { exportPdf, saveExport } from '../../../src/renderer/src/components/exportFile';
import { makeTempWorkspace, startService, type TempWorkspace } from '../core/fixtures';

let tw: TempWorkspace | undefined;
let service: WorkspaceService | undefined;

afterEach(async () => {
  await service?.close();
  service = undefined;
  tw?.cleanup();
  tw = undefined;
});

/** A client that goes through `dispatchApiCall` and unwraps the answer, like the HTTP and IPC clients. */
function clientFor(api: ApiHandlers, shell: WorkspaceClient['shell']): WorkspaceClient {
  const entries = Object.keys(apiMethods).map((method) => [method, async (input: unknown) => unwrapResponse(await dispatchApiCall(api, method, input))]);
  return { api: Object.fromEntries(entries) as unknown as WorkspaceApi, subscribe: () => () => undefined, shell };
}

async function start(renderPdf?: (html: string) => Promise<Uint8Array>): Promise<{ client: WorkspaceClient; folder: string }> {
  const temp = makeTempWorkspace();
  tw = temp;
  ({ service } = await startService(temp, renderPdf ? { renderPdf } : {}));
  return { client: clientFor(service, renderPdf ? 'electron' : 'web'), folder: temp.folder };
}

function recordingPrinter() {
  const printed: { html: string; title: string }[] = [];
  return { printed, print: async (html: string, title: string) => void printed.push({ html, title }) };
}

describe('saveExport', () => {
  it('writes the content into exports/<product>/<file> and resolves with that path', async () => {
    const { client, folder } = await start();
    const content = '\uFEFFID,Title\r\nst-1,"Scan a barcode, fast"\r\n';
    const path = await saveExport(client, { productId: 'larder', fileName: 'larder-stories.csv', content });
    expect(path).toBe(join(folder, 'exports', 'larder', 'larder-stories.csv'));
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('rejects a name the service refuses with the reason, writing nothing', async () => {
    const { client, folder } = await start();
    const failure = saveExport(client, { productId: 'larder', fileName: '../larder.md', content: 'x' });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('export file name') });
    expect(existsSync(join(folder, 'exports'))).toBe(false);
  });
});

describe('exportPdf', () => {
  const html = '<!DOCTYPE html><title>Roadmap</title><h1>Larder</h1>';

  it('in the web shell (unsupported) prints the page in the browser and resolves with null', async () => {
    const { client, folder } = await start();
    const printer = recordingPrinter();
    await expect(exportPdf(client, { productId: 'larder', fileName: 'larder-roadmap.pdf', html }, printer.print)).resolves.toBeNull();
    expect(printer.printed).toEqual([{ html, title: 'larder-roadmap.pdf' }]);
    expect(existsSync(join(folder, 'exports'))).toBe(false);
  });

  it('where the shell makes PDFs, writes the file and does not print', async () => {
    const { client, folder } = await start(async (page) => new TextEncoder().encode(`%PDF-1.7 ${page.length}`));
    const printer = recordingPrinter();
    const path = await exportPdf(client, { productId: 'larder', fileName: 'larder-roadmap.pdf', html }, printer.print);
    expect(path).toBe(join(folder, 'exports', 'larder', 'larder-roadmap.pdf'));
    expect(readFileSync(join(folder, 'exports', 'larder', 'larder-roadmap.pdf'), 'utf8')).toBe(`%PDF-1.7 ${html.length}`);
    expect(printer.printed).toEqual([]);
  });

  it('a failing PDF renderer or a bad name is an error, not a silent print', async () => {
    const { client } = await start(async () => {
      throw new Error('no printer');
    });
    const printer = recordingPrinter();
    await expect(exportPdf(client, { productId: 'larder', fileName: 'larder-roadmap.pdf', html }, printer.print)).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('no printer') });
    await expect(exportPdf(client, { productId: 'larder', fileName: 'larder-roadmap.html', html }, printer.print)).rejects.toMatchObject({ code: 'bad-request' });
    expect(printer.printed).toEqual([]);
  });
});
