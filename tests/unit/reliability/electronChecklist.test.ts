/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item by
 * item, against the real main-process wiring with `electron` replaced by an in-memory fake (the
 * binary cannot be downloaded here). SECURITY.md maps each item to its implementation and to the
 * test that covers it; tests/unit/electron/*.test.ts cover the pure helpers. This file checks what
 * only the wiring shows: *every* window (the app's and the hidden PDF window) is locked down, every
 * web contents gets the navigation / new-window / webview / redirect guards, every IPC channel
 * checks its sender, `shell.openExternal` is reached only from those guards and only with http(s),
 * the Electron in use is current, and quitting never drops edits that could not be saved.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../src/shared/api/contract';
import type { WorkspaceServiceOptions } from '../../../src/main/core/service';
import { FakeWorkspaceService } from '../web/fakeWorkspaceService';

type Listener = (...args: unknown[]) => unknown;

interface FakeContents {
  listeners: Map<string, Listener[]>;
  windowOpenHandler: Listener | null;
  sent: unknown[];
}

const fake = vi.hoisted(() => ({
  appListeners: new Map<string, ((...args: unknown[]) => unknown)[]>(),
  quitCalls: 0,
  schemes: [] as { scheme: string; privileges: Record<string, unknown> }[],
  protocolHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  permissionRequest: null as ((...args: unknown[]) => unknown) | null,
  windows: [] as { options: Record<string, unknown>; loaded: string[]; contents: { listeners: Map<string, ((...args: unknown[]) => unknown)[]>; windowOpenHandler: ((...args: unknown[]) => unknown) | null; sent: unknown[] } }[],
  openedExternally: [] as string[],
  messageBoxes: [] as Record<string, unknown>[],
  messageBoxResponse: 0,
  serviceOptions: [] as unknown[],
}));

vi.mock('electron', () => {
  const on = (map: Map<string, Listener[]>, event: string, listener: Listener): void => {
    map.set(event, [...(map.get(event) ?? []), listener]);
  };
  const allWindows: unknown[] = [];
  class BrowserWindow {
    readonly webContents: Record<string, unknown>;
    private readonly record: (typeof fake.windows)[number];
    constructor(options: Record<string, unknown>) {
      const contents: FakeContents = { listeners: new Map(), windowOpenHandler: null, sent: [] };
      this.record = { options, loaded: [], contents };
      fake.windows.push(this.record);
      allWindows.push(this);
      this.webContents = {
        on: (event: string, listener: Listener) => on(contents.listeners, event, listener),
        setWindowOpenHandler: (handler: Listener) => {
          contents.windowOpenHandler = handler;
        },
        send: (channel: string, payload: unknown) => contents.sent.push([channel, payload]),
        isDestroyed: () => false,
        session: { webRequest: { onBeforeRequest: () => undefined } },
        printToPDF: async () => Buffer.from('%PDF-1.7'),
      };
      for (const listener of fake.appListeners.get('web-contents-created') ?? []) listener({}, this.webContents);
    }
    static getAllWindows(): unknown[] {
      return allWindows;
    }
    static getFocusedWindow(): null {
      return null;
    }
    once(): void {}
    on(): void {}
    show(): void {}
    destroy(): void {}
    async loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
    }
  }
  return {
    app: {
      isPackaged: false,
      setName: () => undefined,
      setPath: () => undefined,
      getPath: () => '/tmp/pm-electron-checklist-user-data',
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => on(fake.appListeners, event, listener),
      whenReady: () => Promise.resolve(),
      quit: () => {
        fake.quitCalls += 1;
      },
      exit: () => undefined,
    },
    BrowserWindow,
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showErrorBox: () => undefined,
      showMessageBox: async (...args: unknown[]) => {
        fake.messageBoxes.push(args.at(-1) as Record<string, unknown>);
        return { response: fake.messageBoxResponse };
      },
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => fake.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
    },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: () => undefined },
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof fake.schemes) => fake.schemes.push(...schemes),
      handle: (scheme: string, handler: Listener) => fake.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          fake.permissionRequest = handler;
        },
        setPermissionCheckHandler: () => undefined,
      },
    },
    shell: {
      openExternal: async (url: string) => {
        fake.openedExternally.push(url);
      },
    },
  };
});

/** A service whose `close()` fails (as with a full disk) until told otherwise. */
class ClosableService extends FakeWorkspaceService {
  failClose = true;
  closeCalls: ({ force?: boolean } | undefined)[] = [];
  override async close(options?: { force?: boolean }): Promise<void> {
    this.closeCalls.push(options);
    if (this.failClose && !options?.force) throw new Error('Some edits could not be saved, so the workspace was not closed: Disk full (ENOSPC) while saving "alpha.product.json".');
    this.closed = true;
  }
}

const service = new ClosableService();
vi.mock('../../../src/main/core/workspaceService', () => ({
  createWorkspaceService: async (options: WorkspaceServiceOptions) => {
    fake.serviceOptions.push(options);
    return service;
  },
}));

const ROOT = resolve(__dirname, '../../..');

beforeAll(async () => {
  process.env['PM_WORKSPACE_DIR'] = '/tmp/pm-electron-checklist-workspace';
  delete process.env['ELECTRON_RENDERER_URL'];
  await import('../../../src/main/electron/main');
  const start = Date.now();
  while (fake.windows.length === 0 && Date.now() - start < 5_000) await new Promise((r) => setTimeout(r, 5));
  // Make the hidden PDF window too, through the renderer the service was given.
  const options = fake.serviceOptions[0] as WorkspaceServiceOptions;
  await options.renderPdf?.('<h1>Spec</h1>');
});

afterAll(() => {
  delete process.env['PM_WORKSPACE_DIR'];
});

function listeners(contents: FakeContents, event: string): Listener[] {
  return contents.listeners.get(event) ?? [];
}

function prevented(listener: Listener | undefined, ...args: unknown[]): boolean {
  let result = false;
  listener?.({ preventDefault: () => (result = true) }, ...args);
  return result;
}

describe('Electron security checklist, on the real wiring', () => {
  it('#2–4, 6, 8–11: every window is isolated, sandboxed, without Node, with web security and no insecure content, experiments or webviews', () => {
    expect(fake.windows.length).toBe(2); // the app window and the hidden PDF window
    for (const window of fake.windows) {
      const prefs = window.options['webPreferences'] as Record<string, unknown>;
      expect(prefs['contextIsolation']).toBe(true);
      expect(prefs['sandbox']).toBe(true);
      expect(prefs['nodeIntegration']).toBe(false);
      expect(prefs['nodeIntegrationInWorker'] ?? false).toBe(false);
      expect(prefs['nodeIntegrationInSubFrames'] ?? false).toBe(false);
      expect(prefs['webSecurity']).not.toBe(false);
      expect(prefs['allowRunningInsecureContent'] ?? false).toBe(false);
      expect(prefs['experimentalFeatures'] ?? false).toBe(false);
      expect(prefs['enableBlinkFeatures']).toBeUndefined();
      expect(prefs['webviewTag'] ?? false).toBe(false);
    }
  });

  it('#1, 18: the app is loaded from the privileged app:// scheme (secure, no CSP bypass), never file:// or http', () => {
    expect(fake.windows[0]?.loaded).toEqual(['app://app/index.html']);
    for (const window of fake.windows) for (const url of window.loaded) expect(url).not.toMatch(/^(file|http):/);
    expect(fake.schemes).toHaveLength(1);
    const privileges = fake.schemes[0]?.privileges ?? {};
    expect(privileges).toMatchObject({ standard: true, secure: true });
    expect(privileges['bypassCSP'] ?? false).toBe(false);
    expect(privileges['allowServiceWorkers'] ?? false).toBe(false);
  });

  it('#7: HTML from app:// carries the CSP, and the page itself declares a CSP without inline or eval scripts', async () => {
    const handler = fake.protocolHandlers.get('app');
    // The built renderer may not exist in a unit run: the refusal path must still send nosniff.
    const response = (await handler?.({ url: 'app://app/index.html', method: 'GET' })) as Response;
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    if (response.status === 200) expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(meta.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(meta).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });

  it('#5: every permission request is refused, except clipboard writes from the app page', () => {
    const decide = (permission: string, url: string): boolean => {
      let granted: boolean | null = null;
      fake.permissionRequest?.({}, permission, (g: boolean) => (granted = g), { requestingUrl: url });
      return granted ?? false;
    };
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'serial', 'usb', 'display-capture']) {
      expect(decide(permission, 'app://app/index.html'), permission).toBe(false);
    }
    expect(decide('clipboard-sanitized-write', 'app://app/index.html')).toBe(true);
    expect(decide('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });

  it('#11–14: every web contents (the PDF window too) denies new windows, webviews, and navigation or redirects away from the app', () => {
    for (const window of fake.windows) {
      const c = window.contents;
      expect(c.windowOpenHandler?.({ url: 'app://app/index.html' })).toEqual({ action: 'deny' });
      expect(listeners(c, 'will-attach-webview')).toHaveLength(1);
      expect(prevented(listeners(c, 'will-attach-webview')[0], {}, { src: 'https://evil.example' })).toBe(true);
      const [navigate] = listeners(c, 'will-navigate');
      expect(prevented(navigate, 'https://evil.example/')).toBe(true);
      expect(prevented(navigate, 'file:///etc/passwd')).toBe(true);
      expect(prevented(navigate, 'app://app/index.html#/p/x')).toBe(false);
      const [redirect] = listeners(c, 'will-redirect');
      expect(prevented(redirect, 'https://evil.example/')).toBe(true);
      expect(prevented(redirect, 'app://app/index.html')).toBe(false);
      const [frame] = listeners(c, 'will-frame-navigate');
      const frameNavigation = (url: string, isMainFrame: boolean): boolean => {
        let result = false;
        frame?.({ url, isMainFrame, preventDefault: () => (result = true) });
        return result;
      };
      expect(frameNavigation('https://evil.example/', false)).toBe(true);
      expect(frameNavigation('app://app/frame.html', false)).toBe(false);
    }
  });

  it('#15: shell.openExternal gets only http(s) links the page tried to open or navigate to, and is called nowhere else', () => {
    fake.openedExternally.length = 0;
    const c = fake.windows[0]?.contents;
    if (!c) throw new Error('no window');
    for (const url of ['https://example.com/guide', 'http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-settings:', 'https://user:pw@example.com/', 'app://app/index.html']) {
      c.windowOpenHandler?.({ url });
      prevented(listeners(c, 'will-navigate')[0], url);
    }
    expect(fake.openedExternally).toEqual(['https://example.com/guide', 'https://example.com/guide', 'http://example.org/', 'http://example.org/']);
    // Redirects and subframes never open anything.
    prevented(listeners(c, 'will-redirect')[0], 'https://example.com/redirected');
    expect(fake.openedExternally).not.toContain('https://example.com/redirected');
    // Source check: the only call of shell.openExternal is the guarded one in main.ts.
    const calls: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name) && /\bshell\.openExternal\s*\(/.test(readFileSync(path, 'utf8'))) calls.push(path.slice(ROOT.length + 1));
      }
    };
    walk(join(ROOT, 'src'));
    expect(calls).toEqual(['src/main/electron/main.ts']);
    expect(readFileSync(join(ROOT, 'src/main/electron/main.ts'), 'utf8')).toMatch(/if \(isAllowedExternalUrl\(url\)\) void shell\.openExternal\(url\)/);
  });

  it('#17: every IPC channel refuses frames that are not the app page, before the service', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(API_METHODS.map((m) => `pm:${m}`).sort());
    const before = service.calls.length;
    for (const [channel, handler] of fake.ipcHandlers) {
      for (const frame of [{ url: 'https://evil.example/' }, { url: 'file:///x/index.html' }, { url: 'app://other/index.html' }, null]) {
        await expect(handler({ senderFrame: frame }, {}), channel).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      }
    }
    expect(service.calls.length).toBe(before);
  });

  it('#16: runs a current Electron (45 or newer, the supported majors when this was written)', () => {
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    const declared = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['electron'] ?? '';
    expect(Number(installed.version.split('.')[0])).toBeGreaterThanOrEqual(45);
    expect(declared).toMatch(/^\^?(4[5-9]|[5-9]\d)\./);
  });

  it('#20: the sandboxed preload exposes one function per API method and nothing of Electron', async () => {
    const { createBridge } = await import('../../../src/preload/bridge');
    const invoked: string[] = [];
    const bridge = createBridge(
      { invoke: async (channel: string) => (invoked.push(channel), null), on: () => undefined, removeListener: () => undefined },
      { isEditingText: () => false, runNativeEdit: () => undefined },
    );
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'onCommand', 'onEvent', 'shell'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const method of API_METHODS) await (bridge[method] as (input: unknown) => Promise<unknown>)({});
    expect(invoked).toEqual(API_METHODS.map((m) => `pm:${m}`));
    const preload = readFileSync(join(ROOT, 'src/preload/index.ts'), 'utf8');
    expect(preload).toMatch(/contextBridge\.exposeInMainWorld\('pmWorkspace', createBridge\(/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});

describe('quitting with edits that cannot be saved', () => {
  const quit = (): boolean => prevented(fake.appListeners.get('before-quit')?.[0]);
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 20; i += 1) await new Promise((r) => setTimeout(r, 1));
  };

  it('asks first; "Keep the app open" keeps it open, and "Quit" after a second failure closes by force', async () => {
    fake.messageBoxResponse = 0;
    expect(quit()).toBe(true);
    await settle();
    expect(fake.messageBoxes).toHaveLength(1);
    expect(String(fake.messageBoxes[0]?.['detail'])).toMatch(/Disk full \(ENOSPC\)/);
    expect(fake.messageBoxes[0]?.['buttons']).toEqual(['Keep the app open', 'Quit and lose those edits']);
    expect(fake.quitCalls).toBe(0);
    expect(service.closed).toBe(false);
    expect(service.closeCalls).toEqual([undefined]);

    // Still failing; this time the learner chooses to quit: only now is the close forced.
    fake.messageBoxResponse = 1;
    expect(quit()).toBe(true);
    await settle();
    expect(fake.messageBoxes).toHaveLength(2);
    expect(service.closeCalls).toEqual([undefined, undefined, { force: true }]);
    expect(service.closed).toBe(true);
    expect(fake.quitCalls).toBe(1);
    // The app's own quit after closing is not held up again.
    expect(quit()).toBe(false);
  });
});
