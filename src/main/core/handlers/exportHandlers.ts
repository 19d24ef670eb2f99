/** Exports, written into `<workspace>/exports/<productId>/`. */
import { dirname, resolve } from 'node:path';
import { ApiError, ExportFileNameSchema } from '../../../shared/api/contract';
import { atomicWrite } from '../atomicWrite';
import { ensureRealFolder } from '../ensureFolder';
import { toApiError } from '../fsErrors';
import { checkPortableFileName, checkProductId, childPath, EXPORTS_DIR } from '../paths';
import type { Handlers, WorkspaceContext } from './context';

export function exportHandlers(ws: WorkspaceContext): Handlers<'export.save' | 'export.pdf'> {
  /**
   * `<workspace>/exports/<productId>/<fileName>`. Paths are built from these two fields, so they
   * are checked here too, whoever calls (the same rules as the contract's).
   */
  function exportTarget(productId: string, fileName: string): { dir: string; path: string } {
    checkProductId(productId);
    const named = ExportFileNameSchema.safeParse(fileName);
    if (!named.success) throw new ApiError('bad-request', named.error.issues[0]?.message ?? 'Not an export file name.');
    const dir = childPath(resolve(ws.folder(), EXPORTS_DIR), checkPortableFileName(productId), '');
    const path = resolve(dir, checkPortableFileName(fileName));
    if (dirname(path) !== dir) throw new ApiError('bad-request', 'That export name would leave the exports folder.');
    return { dir, path };
  }

  /** Write an export crash-safely where `exportTarget` says. */
  async function writeExport({ dir, path }: { dir: string; path: string }, fileName: string, data: Uint8Array): Promise<string> {
    try {
      await ensureRealFolder(ws.fs, dirname(dir));
      await ensureRealFolder(ws.fs, dir);
      await atomicWrite(ws.fs, path, data);
    } catch (error) {
      throw toApiError(error, `writing the export ${fileName}`);
    }
    return path;
  }

  return {
    'export.save': async ({ productId, fileName, content }) => ({ path: await writeExport(exportTarget(productId, fileName), fileName, Buffer.from(content, 'utf8')) }),

    'export.pdf': async ({ productId, fileName, html }) => {
      const target = exportTarget(productId, fileName);
      const render = ws.options.renderPdf;
      if (!render) throw new ApiError('unsupported', 'PDF export is done by the browser here: use its print dialog and choose “Save as PDF”.');
      let pdf: Uint8Array;
      try {
        pdf = await render(html);
      } catch (error) {
        throw new ApiError('internal', `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}`);
      }
      return { path: await writeExport(target, fileName, pdf) };
    },
  };
}
