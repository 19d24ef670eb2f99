/**
 * PDF export in the desktop app: the export HTML (built by src/shared/export, with no scripts) is
 * loaded into a hidden, sandboxed window with JavaScript disabled and printed with `printToPDF`,
 * using the page's own print stylesheet.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

/** Options for the hidden print window: no preload, no scripts, no Node, never shown. */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1000,
    height: 1400,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Its own in-memory session, so blocking requests here never touches the app's session.
      partition: 'pdf-export',
    },
  };
}

/** A data: URL for the HTML, so nothing is written to disk before the PDF. */
export function htmlDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

/** Render `html` to PDF bytes with a fresh hidden window made by `createWindow`. */
export async function renderPdf(html: string, createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow): Promise<Uint8Array> {
  const win = createWindow(pdfWindowOptions());
  try {
    // Exported pages are self-contained: refuse every request the page might make.
    win.webContents.session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'file://*/*'] }, (_details, callback) => callback({ cancel: true }));
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    await win.loadURL(htmlDataUrl(html));
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}
