/**
 * The Electron shell's security decisions as pure functions (unit-tested without Electron):
 * which URLs may open in the system browser, which frames may call the IPC API, where a window
 * may navigate, and which permission requests are granted.
 */
export { CONTENT_SECURITY_POLICY } from '../host/securityHeaders';

/** The privileged custom protocol the production renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8_192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Links the app may hand to `shell.openExternal`: http(s) with a host and no embedded credentials. */
export function isAllowedExternalUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.hostname.length === 0) return false;
  return parsed.username === '' && parsed.password === '';
}

/**
 * Whether two URLs share scheme and host (with port). `URL.origin` is "null" for custom schemes
 * such as `app://`, so the parts are compared instead.
 */
function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.host === b.host && a.host.length > 0;
}

/**
 * Whether an IPC message comes from the app's own page: the sender frame's URL must have the app's
 * origin (`app://app` in production, the dev server's origin in development). A missing frame (it
 * navigated away or was destroyed) is not trusted.
 */
export function isTrustedSender(frameUrl: string | null | undefined, appOrigin: string): boolean {
  const frame = parseUrl(frameUrl);
  const app = parseUrl(appOrigin);
  if (!frame || !app) return false;
  return sameOrigin(frame, app);
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternally: boolean };

/** `will-navigate`: stay on the app's own origin; anything else is refused (links go to the browser). */
export function decideNavigation(targetUrl: string, appOrigin: string): NavigationDecision {
  if (isTrustedSender(targetUrl, appOrigin)) return { action: 'allow' };
  return { action: 'deny', openExternally: isAllowedExternalUrl(targetUrl) };
}

/** `setWindowOpenHandler`: the app never opens windows; allowed web links go to the system browser. */
export function decideWindowOpen(targetUrl: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternalUrl(targetUrl) };
}

/**
 * Permission requests (camera, notifications, geolocation, …) are all refused, with one
 * exception: the app's own page may write plain text to the clipboard ("copy as Markdown").
 */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined, appOrigin: string): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedSender(requestingUrl, appOrigin);
}

/** The origin the renderer is loaded from: the dev server (electron-vite dev) or `app://app`. */
export function rendererOrigin(devServerUrl: string | undefined): string {
  const dev = parseUrl(devServerUrl);
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) return `${dev.protocol}//${dev.host}`;
  return APP_ORIGIN;
}
