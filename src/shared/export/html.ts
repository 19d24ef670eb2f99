/**
 * Building HTML as strings, safely: every piece of text and every attribute value from a product
 * goes through `escapeHtml`, links only keep http(s) and mailto targets, and a page is assembled
 * from parts the exporter made itself — raw HTML from a document is never passed through.
 * Shared by every exporter (specs, portfolio, roadmap, backlog).
 */
import { isPortableFileName } from '../model/portableFileName';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for element content or a quoted attribute value: `& < > " '` escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Attribute values use the same escaping (always write them double-quoted). */
export const escapeAttr = escapeHtml;

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The link target if it is an absolute http, https or mailto URL, else null. As browsers do,
 * tabs and newlines anywhere and control characters or spaces at either end are dropped before
 * the scheme is read, so "java\tscript:" or " javascript:" cannot smuggle a script link through;
 * anything else unusual in the scheme ("java\u200bscript:") simply does not match.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (cleaned === '' || cleaned.length > 2048) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (!scheme?.[1] || !SAFE_SCHEMES.has(`${scheme[1].toLowerCase()}:`)) return null;
  try {
    const url = new URL(cleaned);
    if (!SAFE_SCHEMES.has(url.protocol)) return null;
    if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  } catch {
    return null;
  }
  return cleaned;
}

/** `name="value"` pairs, each value escaped; null/undefined/false attributes are left out. */
export function htmlAttrs(attrs: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeAttr(String(value))}"`;
  }
  return out;
}

export interface HtmlPage {
  title: string;
  /** A stylesheet the exporter wrote (inlined in a <style> element). */
  css: string;
  /** Body HTML the exporter built with escaping. */
  body: string;
  lang?: string;
}

/**
 * The Content Security Policy of every exported HTML page: no scripts, nothing loaded from
 * anywhere (images only as `data:`), inline styles only — so even a mistake upstream could not run
 * code or call home when the file is opened in a browser. Every page is made by `htmlPage`.
 */
export const EXPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The `<meta>` element that carries `EXPORT_CONTENT_SECURITY_POLICY` in an exported page. */
export const EXPORT_CSP_META = `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(EXPORT_CONTENT_SECURITY_POLICY)}">`;

/** A standalone page: no scripts, no external resources, and the export CSP in its head. */
export function htmlPage({ title, css, body, lang = 'en' }: HtmlPage): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeAttr(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    EXPORT_CSP_META,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="PM Practice Workspace">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/**
 * A file name from a title: letters, digits and hyphens, e.g. `prd-scan-to-stock.md`. A title that
 * would make a name Windows reserves ("CON", "com1") gets the fallback added: `con-spec.md`.
 */
export function fileNameFrom(title: string, extension: string, fallback = 'export'): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  const name = `${stem || fallback}.${extension}`;
  return isPortableFileName(name) ? name : `${stem}-${fallback}.${extension}`;
}
