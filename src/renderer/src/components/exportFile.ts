/**
 * The one way the app gets an export out. Exports are written into the workspace
 * (`exports/<product>/<file>`) by the service in both shells, and the app says where (`useExporter`
 * and its notice). PDF: the desktop app prints with Electron; the web shell answers `unsupported`,
 * so the same HTML is printed from a hidden frame and the browser's "Save as PDF" makes the file.
 * The only download left is the product file itself (`downloadText`), where the learner picks the place.
 */
import { createElement, useCallback, useRef, useState, type ReactNode } from 'react';
import { ApiError, type WorkspaceClient } from '../../../shared/api/contract';
import { useClient } from '../state/clientContext';
import { errorMessage } from './errors';
import { ExportNotice, type ExportNoticeState } from './ExportNotice';

export interface ExportRequest {
  productId: string;
  fileName: string;
  content: string;
}

export interface PdfRequest {
  productId: string;
  fileName: string;
  html: string;
}

/** Write an export into the workspace; resolves with the absolute path written. */
export async function saveExport(client: WorkspaceClient, request: ExportRequest): Promise<string> {
  const { path } = await client.api['export.save'](request);
  return path;
}

/**
 * Make a PDF of `html`: written into the workspace where the shell can print (desktop) and its path
 * returned; where it cannot (`unsupported`, the web shell) the page is printed with `print` — the
 * browser's print dialog — and `null` is returned.
 */
export async function exportPdf(client: WorkspaceClient, request: PdfRequest, print: (html: string, title: string) => Promise<void> = printHtml): Promise<string | null> {
  try {
    const { path } = await client.api['export.pdf'](request);
    return path;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'unsupported') throw error;
    await print(request.html, request.fileName);
    return null;
  }
}

/** If the print dialog never reports back (some shells do not fire `afterprint`), the frame goes after this. */
const PRINT_FRAME_LIFETIME_MS = 60_000;

/**
 * Print a standalone HTML page (an export with its own print stylesheet) through a hidden frame, so
 * the app around it is not what gets printed. The frame is sandboxed without scripts (the parent
 * calls `print()`; `allow-modals` lets the dialog open), hidden from assistive technology, and removed
 * after printing — or after a minute if `afterprint` never comes. Resolves once the dialog was asked for.
 */
export function printHtml(html: string, title: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.title = `Print preview: ${title}`;
    frame.tabIndex = -1;
    Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0', opacity: '0' });
    const remove = () => {
      if (frame.isConnected) frame.remove();
    };
    frame.addEventListener(
      'load',
      () => {
        const win = frame.contentWindow;
        if (!win) {
          remove();
          reject(new Error('The print preview could not be opened.'));
          return;
        }
        win.addEventListener('afterprint', () => setTimeout(remove, 0), { once: true });
        setTimeout(remove, PRINT_FRAME_LIFETIME_MS);
        win.focus();
        win.print();
        resolve();
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}

/**
 * Offer `content` as a file download, so the browser (or Electron) asks where to keep it. Only for
 * the product file itself; every other export is written into the workspace with `saveExport`.
 */
export function downloadText(fileName: string, content: string, mimeType: string): void {
  const type = /;\s*charset=/i.test(mimeType) ? mimeType : `${mimeType};charset=utf-8`;
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export content, or a function that builds it (so a failure while building is reported too). */
export type ExportContent = string | (() => string);

export interface Exporter {
  /** Write Markdown, HTML or CSV into `exports/<product>/<fileName>` and say where. */
  exportText(fileName: string, content: ExportContent): Promise<void>;
  /** Make `<fileName>.pdf` from an HTML page (or open the browser's print dialog on it) and say so. */
  exportPdf(fileName: string, html: ExportContent): Promise<void>;
  /** The notice about the last export (`<ExportNotice>`), or null: render it near the export buttons. */
  notice: ReactNode;
  dismiss(): void;
}

/**
 * Exports for one product, with the notice that says where each one went. Only the latest export's
 * outcome is shown; Dismiss hands focus back to what started the export.
 */
export function useExporter(productId: string, options: { className?: string } = {}): Exporter {
  const client = useClient();
  const [state, setState] = useState<{ seq: number; notice: ExportNoticeState; origin: HTMLElement | null } | null>(null);
  const seq = useRef(0);

  const run = useCallback(async (task: () => Promise<ExportNoticeState>) => {
    const mine = ++seq.current;
    const origin = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let notice: ExportNoticeState;
    try {
      notice = await task();
    } catch (error) {
      notice = { kind: 'failed', reason: errorMessage(error) };
    }
    if (mine === seq.current) setState({ seq: mine, notice, origin });
  }, []);

  const exportText = useCallback(
    (fileName: string, content: ExportContent) =>
      run(async () => ({ kind: 'saved', path: await saveExport(client, { productId, fileName, content: typeof content === 'string' ? content : content() }) })),
    [client, productId, run],
  );

  const exportPdfFile = useCallback(
    (fileName: string, html: ExportContent) =>
      run(async () => {
        const path = await exportPdf(client, { productId, fileName, html: typeof html === 'string' ? html : html() });
        return path === null ? { kind: 'printing', fileName } : { kind: 'saved', path };
      }),
    [client, productId, run],
  );

  const dismiss = useCallback(() => setState(null), []);

  let notice: ReactNode = null;
  if (state) {
    const { origin } = state;
    /** The notice's own Dismiss button: focus goes back to what started the export, if it is still there. */
    const dismissFromNotice = () => {
      setState(null);
      if (origin?.isConnected) origin.focus();
    };
    notice = createElement(ExportNotice, { key: state.seq, state: state.notice, onDismiss: dismissFromNotice, className: options.className });
  }
  return { exportText, exportPdf: exportPdfFile, notice, dismiss };
}
