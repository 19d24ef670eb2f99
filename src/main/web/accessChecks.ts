/**
 * The loopback host's gatekeeping, as pure functions: the per-launch token, the `Host` header
 * (refuses DNS-rebinding pages whose address resolves to 127.0.0.1 under a foreign name) and the
 * `Origin` header (refuses other sites' pages, which cannot read answers anyway without CORS).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token for one launch: 32 bytes, base64url. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of a presented token with the expected one (any length). */
export function tokensEqual(presented: string | undefined | null, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || expected.length === 0) return false;
  // Hashing first gives equal-length buffers, so the comparison time does not depend on the input.
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/**
 * The request's one `Host` header from Node's `rawHeaders` (name, value, name, value, …), or
 * undefined when there is none or more than one. Node keeps only the first of several in
 * `req.headers.host`, but a proxy or cache in front may route by another one, so a request that
 * names two hosts is refused whichever comes first.
 */
export function singleHostHeader(rawHeaders: readonly string[]): string | undefined {
  let host: string | undefined;
  let count = 0;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() !== 'host') continue;
    count += 1;
    host = rawHeaders[i + 1];
  }
  return count === 1 ? host : undefined;
}

/** The only `Host` values the host answers: `127.0.0.1:<port>` and `localhost:<port>`. */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (typeof hostHeader !== 'string') return false;
  const host = hostHeader.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** An `Origin` header, when a browser sends one, must be this host's own origin. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  const origin = originHeader.toLowerCase();
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Whether a `content-type` header names JSON (`application/json`, optionally with parameters). */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (typeof contentType !== 'string') return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}
