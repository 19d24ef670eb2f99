/**
 * Exports are written into the workspace (`exports/<product>/`) by the service in both shells, and
 * the app says where. PDF: the desktop app prints with Electron; the web shell opens the browser's
 * print dialog on the same HTML (with its print stylesheet), where "Save as PDF" makes the file.
 */
import { ApiError, type WorkspaceClient } from '../../../shared/api/contract';

export interface ExportRequest {
  productId: string;
  fileName: string;
  content: string;
}

/** Write an export into the workspace; resolves with the absolute path written. */
export async function saveExport(client: WorkspaceClient, request: ExportRequest): Promise<string> {
  const { path } = await client.api['export.save'](request);
  return path;
}

/**
 * Make a PDF of `html`: written into the workspace where the shell can print (desktop), otherwise
 * the browser's print dialog opens on it and `null` is returned.
 */
export async function exportPdf(client: WorkspaceClient, request: { productId: string; fileName: string; html: string }): Promise<string | null> {
  try {
    const { path } = await client.api['export.pdf'](request);
    return path;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'unsupported') throw error;
    printInBrowser(request.html);
    return null;
  }
}

/** Print `html` through a hidden frame, so the app page itself is not what gets printed. */
export function printInBrowser(html: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.srcdoc = html;
  frame.addEventListener('load', () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  });
  document.body.append(frame);
}
