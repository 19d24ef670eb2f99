import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { htmlDataUrl, pdfWindowOptions, renderPdf } from '../../../src/main/electron/pdf';

describe('PDF export window', () => {
  it('is hidden, sandboxed, script-free and in its own session', () => {
    const options = pdfWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: 'pdf-export' });
    expect(options.webPreferences?.preload).toBeUndefined();
  });

  it('encodes the HTML as a data URL', () => {
    const url = htmlDataUrl('<h1>Ünïcode</h1>');
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8')).toBe('<h1>Ünïcode</h1>');
  });

  it('prints with the page CSS, blocks network requests, and always destroys the window', async () => {
    const onBeforeRequest = vi.fn();
    const destroy = vi.fn();
    const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 fake'));
    let created: BrowserWindowConstructorOptions | undefined;
    const fake = {
      webContents: { session: { webRequest: { onBeforeRequest } }, setWindowOpenHandler: vi.fn(), printToPDF },
      loadURL: vi.fn(async () => undefined),
      destroy,
    };
    const bytes = await renderPdf('<p>x</p>', (options) => {
      created = options;
      return fake as unknown as BrowserWindow;
    });
    expect(created?.show).toBe(false);
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7 fake');
    expect(onBeforeRequest).toHaveBeenCalledWith({ urls: ['http://*/*', 'https://*/*', 'file://*/*'] }, expect.any(Function));
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ printBackground: true, preferCSSPageSize: true }));
    expect(destroy).toHaveBeenCalledTimes(1);

    printToPDF.mockRejectedValueOnce(new Error('printer on fire'));
    await expect(renderPdf('<p>x</p>', () => fake as unknown as BrowserWindow)).rejects.toThrow('printer on fire');
    expect(destroy).toHaveBeenCalledTimes(2);
  });
});
