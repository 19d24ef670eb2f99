/**
 * Response headers both shells send with what they serve: a strict Content Security Policy (no
 * inline scripts, no eval, nothing from another origin), no MIME sniffing, no framing, no referrer.
 * There are deliberately no CORS headers anywhere: only the app's own page may call the API.
 */

/** The renderer's Content Security Policy (the web host and Electron's `app://` protocol). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response. */
export function baseSecurityHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Headers on an HTML document: the base set plus the CSP. */
export function htmlSecurityHeaders(): Record<string, string> {
  return { ...baseSecurityHeaders(), 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
}
