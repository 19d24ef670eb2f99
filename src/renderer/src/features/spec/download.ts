/**
 * Handing an export to the learner: a file download (works in the browser and in Electron), and
 * printing an exported page with its own print stylesheet (the browser's "Save as PDF").
 */

/** Offer `content` as a file download. */
export function downloadText(fileName: string, content: string, mimeType: string): void {
  const blob = new Blob([content], { type: `${mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Print a standalone HTML page (the exported spec or portfolio) through a hidden frame, so the
 * page's own print stylesheet is used — in the browser "Save as PDF" makes the PDF. The frame is
 * sandboxed without scripts.
 */
export function printHtml(html: string, title: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('title', `Print preview: ${title}`);
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0', opacity: '0' });
  frame.srcdoc = html;
  frame.addEventListener('load', () => {
    const win = frame.contentWindow;
    if (!win) return;
    win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0));
    win.focus();
    win.print();
    // Browsers that do not fire afterprint still get the frame cleaned up.
    setTimeout(() => frame.isConnected && frame.remove(), 60_000);
  });
  document.body.appendChild(frame);
}
