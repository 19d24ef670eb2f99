/**
 * The `app://app/…` protocol that serves the built renderer in production (instead of `file://`,
 * which would give the page the whole disk as its origin): files confined to `out/renderer`, the
 * CSP on HTML, nosniff everywhere. Pure Node, so it is unit-tested; `main.ts` turns the answer into
 * a `Response` inside `protocol.handle`.
 */
import { readFile } from 'node:fs/promises';
import { baseSecurityHeaders, htmlSecurityHeaders } from '../host/securityHeaders';
import { isHtmlFile, resolveStaticFile } from '../host/staticFiles';
import { APP_HOST, APP_SCHEME } from './security';

export interface ProtocolAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

function refusal(status: number, message: string): ProtocolAnswer {
  return {
    status,
    headers: { ...baseSecurityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
    body: new TextEncoder().encode(message),
  };
}

export async function answerAppRequest(requestUrl: string, method: string, rendererDir: string): Promise<ProtocolAnswer> {
  if (method !== 'GET' && method !== 'HEAD') return refusal(405, 'Only GET and HEAD are served.');
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refusal(400, 'Malformed URL.');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(404, 'Not found.');
  const found = await resolveStaticFile(rendererDir, url.pathname);
  if (!found.ok) return refusal(found.status, found.reason);
  const content = await readFile(found.filePath);
  return {
    status: 200,
    headers: {
      ...(isHtmlFile(found.filePath) ? htmlSecurityHeaders() : baseSecurityHeaders()),
      'Content-Type': found.contentType,
      'Cache-Control': 'no-cache',
    },
    body: method === 'HEAD' ? null : new Uint8Array(content),
  };
}
