/**
 * Getting an export out of the app: a download (works in the web shell and in Electron) and
 * printing the standalone HTML page (the browser's print dialog, where "Save as PDF" makes the PDF).
 */

/** Offer `content` as a file download named `fileName`. */
export function downloadText(fileName: string, content: string, mimeType: string): void {
  const blob = new Blob([content], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Print a standalone HTML document: it is loaded into a hidden frame and that frame's
 * `window.print()` opens the print dialog, so the page's own print stylesheet applies and the app
 * around it is not printed. Resolves once the dialog has been opened.
 */
export function printHtml(html: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'Roadmap print preview';
    frame.style.position = 'fixed';
    frame.style.width = '0';
    frame.style.height = '0';
    frame.style.border = '0';
    frame.style.right = '0';
    frame.style.bottom = '0';
    frame.onload = () => {
      const win = frame.contentWindow;
      if (!win) {
        frame.remove();
        reject(new Error('The print preview could not be opened.'));
        return;
      }
      win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
      win.focus();
      win.print();
      // If the print dialog never reports back (some shells), tidy up after a while.
      setTimeout(() => frame.remove(), 60_000);
      resolve();
    };
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}
