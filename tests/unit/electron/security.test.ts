/** The Electron shell's security decisions. */
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  decideNavigation,
  decideWindowOpen,
  isAllowedExternalUrl,
  isPermissionGranted,
  isTrustedSender,
  rendererOrigin,
} from '../../../src/main/electron/security';

describe('isAllowedExternalUrl', () => {
  it.each(['https://example.com', 'http://example.com/path?q=1#x', 'https://www.productplan.com/glossary/rice-scoring-model/'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'app://app/index.html',
    'smb://server/share',
    'ms-settings:privacy',
    'ssh://host',
    'mailto:someone@example.com',
    'https://user:pass@example.com/',
    'not a url',
    'http://',
    '//example.com',
    '',
    `https://example.com/${'a'.repeat(9_000)}`,
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl(null)).toBe(false);
    expect(isAllowedExternalUrl({ toString: () => 'https://example.com' })).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the app page in production (custom protocol, whose URL origin is "null")', () => {
    expect(isTrustedSender(APP_ENTRY_URL, APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('app://app/index.html#/p/civic-cloud/backlog', APP_ORIGIN)).toBe(true);
  });

  it('trusts the dev server page in development', () => {
    expect(isTrustedSender('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender('http://localhost:5173/#/p/x', rendererOrigin('http://localhost:5173/'))).toBe(true);
  });

  it.each([
    ['https://evil.example/', APP_ORIGIN],
    ['app://evil/index.html', APP_ORIGIN],
    ['file:///home/me/out/renderer/index.html', APP_ORIGIN],
    ['http://localhost:5174/', 'http://localhost:5173'],
    ['https://localhost:5173/', 'http://localhost:5173'],
    ['about:blank', APP_ORIGIN],
    ['data:text/html,hi', APP_ORIGIN],
    ['', APP_ORIGIN],
  ])('refuses %s for origin %s', (frame, origin) => {
    expect(isTrustedSender(frame, origin)).toBe(false);
  });

  it('refuses a missing frame', () => {
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(undefined, APP_ORIGIN)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('allows navigation within the app only; web links are sent to the system browser', () => {
    expect(decideNavigation('app://app/index.html#/p/x', APP_ORIGIN)).toEqual({ action: 'allow' });
    expect(decideNavigation('https://example.com/', APP_ORIGIN)).toEqual({ action: 'deny', openExternally: true });
    expect(decideNavigation('file:///etc/passwd', APP_ORIGIN)).toEqual({ action: 'deny', openExternally: false });
    expect(decideNavigation('javascript:alert(1)', APP_ORIGIN)).toEqual({ action: 'deny', openExternally: false });
  });

  it('never opens a new app window', () => {
    expect(decideWindowOpen('https://example.com/')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('app://app/index.html')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('file:///c:/windows/system32/calc.exe')).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('permissions, CSP and origin', () => {
  it('denies every permission except plain clipboard writes from the app page', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'openExternal', 'clipboard-read', 'fullscreen', 'pointerLock']) {
      expect(isPermissionGranted(permission, APP_ENTRY_URL, APP_ORIGIN)).toBe(false);
    }
    expect(isPermissionGranted('clipboard-sanitized-write', APP_ENTRY_URL, APP_ORIGIN)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', APP_ORIGIN)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, APP_ORIGIN)).toBe(false);
  });

  it('uses a strict CSP', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });

  it('derives the renderer origin from the dev server URL, else app://app', () => {
    expect(rendererOrigin(undefined)).toBe(APP_ORIGIN);
    expect(rendererOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(rendererOrigin('javascript:alert(1)')).toBe(APP_ORIGIN);
  });
});
