/**
 * Serving the built renderer from a folder: URL path → file path, confined to the folder (no
 * `..`, no encoded traversal, no backslashes, no NUL, no symlink escape), and content types.
 * Used by the web host and by Electron's `app://` protocol.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export function isHtmlFile(filePath: string): boolean {
  return extname(filePath).toLowerCase() === '.html';
}

export type StaticPathResult =
  | { ok: true; relativePath: string }
  | { ok: false; status: 400 | 403; reason: string };

/**
 * Decode and check the path part of a request URL (without query or fragment). Returns the
 * relative path inside the static folder (`index.html` for `/`), or why it is refused.
 */
export function checkStaticPath(urlPath: string): StaticPathResult {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400, reason: 'The path is not validly encoded.' };
  }
  if (!decoded.startsWith('/')) return { ok: false, status: 400, reason: 'The path must start with /.' };
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return { ok: false, status: 400, reason: 'The path contains a forbidden character.' };
  }
  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return { ok: false, status: 403, reason: 'The path leaves the served folder.' };
  }
  if (segments.some((segment) => segment.startsWith('.'))) {
    return { ok: false, status: 403, reason: 'Hidden files are not served.' };
  }
  const relativePath = segments.length === 0 || decoded.endsWith('/') ? [...segments, 'index.html'].join('/') : segments.join('/');
  return { ok: true, relativePath };
}

export type StaticFileResult =
  | { ok: true; filePath: string; contentType: string; size: number }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Find the file a URL path names inside `rootDir`, refusing anything that resolves (also through
 * symlinks) outside of it.
 */
export async function resolveStaticFile(rootDir: string, urlPath: string): Promise<StaticFileResult> {
  const checked = checkStaticPath(urlPath);
  if (!checked.ok) return checked;
  const root = resolve(rootDir);
  const candidate = resolve(root, checked.relativePath);
  if (!isInside(root, candidate)) return { ok: false, status: 403, reason: 'The path leaves the served folder.' };
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(candidate);
  } catch {
    return { ok: false, status: 404, reason: 'Not found.' };
  }
  if (!isInside(realRoot, realFile)) return { ok: false, status: 403, reason: 'The path leaves the served folder.' };
  try {
    const info = await stat(realFile);
    if (!info.isFile()) return { ok: false, status: 404, reason: 'Not found.' };
    return { ok: true, filePath: realFile, contentType: contentTypeFor(realFile), size: info.size };
  } catch {
    return { ok: false, status: 404, reason: 'Not found.' };
  }
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}
