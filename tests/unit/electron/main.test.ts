/**
 * The Electron entry's wiring, with `electron` replaced by an in-memory fake (the real module
 * would try to download the binary): single-instance lock, privileged app:// scheme, permission
 * handlers, IPC for every method, the window's options and URL, the new-window / navigation
 * guards, the menu, and the flush on quit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../src/shared/api/contract';
import type { WorkspaceServiceOptions } from '../../../src/main/core/service';
import { FakeWorkspaceService } from '../web/fakeWorkspaceService';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const userData = `/tmp/pm-main-test-${process.pid}`;
  const state = {
    userData,
    appListeners: new Map<string, Listener[]>(),
    quitCalls: 0,
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, Listener>(),
    ipcHandlers: new Map<string, Listener>(),
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    windows: [] as Array<{
      options: Record<string, unknown>;
      loaded: string[];
      shown: boolean;
      listeners: Map<string, Listener[]>;
      webContents: {
        sent: Array<[string, unknown]>;
        windowOpenHandler: Listener | null;
        listeners: Map<string, Listener[]>;
      };
    }>,
    openedExternally: [] as string[],
    menuTemplate: null as unknown,
    serviceOptions: [] as unknown[],
    themeSource: 'unset',
  };
  return state;
});

type FakeState = typeof fake;
type FakeWindow = FakeState['windows'][number];

vi.mock('electron', () => {
  const on = (map: Map<string, Listener[]>, event: string, listener: Listener): void => {
    map.set(event, [...(map.get(event) ?? []), listener]);
  };
  const app = {
    isPackaged: false,
    setName: () => undefined,
    setPath: (_name: string, value: string) => {
      fake.userData = value;
    },
    getPath: () => fake.userData,
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: () => true,
    on: (event: string, listener: Listener) => on(fake.appListeners, event, listener),
    whenReady: () => Promise.resolve(),
    quit: () => {
      fake.quitCalls += 1;
    },
    exit: () => undefined,
  };
  class BrowserWindow {
    readonly record: FakeWindow;
    readonly webContents: FakeWindow['webContents'] & { send(channel: string, payload: unknown): void; setWindowOpenHandler(h: Listener): void; on(e: string, l: Listener): void; isDestroyed(): boolean };
    constructor(options: Record<string, unknown>) {
      const contents = {
        sent: [] as Array<[string, unknown]>,
        windowOpenHandler: null as Listener | null,
        listeners: new Map<string, Listener[]>(),
        send(channel: string, payload: unknown) {
          contents.sent.push([channel, payload]);
        },
        setWindowOpenHandler(handler: Listener) {
          contents.windowOpenHandler = handler;
        },
        on(event: string, listener: Listener) {
          on(contents.listeners, event, listener);
        },
        isDestroyed: () => false,
      };
      this.webContents = contents;
      this.record = { options, loaded: [], shown: false, listeners: new Map(), webContents: contents };
      fake.windows.push(this.record);
      for (const listener of fake.appListeners.get('web-contents-created') ?? []) listener({}, contents);
    }
    static getAllWindows(): BrowserWindow[] {
      return windows;
    }
    static getFocusedWindow(): BrowserWindow | null {
      return null;
    }
    once(event: string, listener: Listener): void {
      on(this.record.listeners, event, listener);
    }
    on(event: string, listener: Listener): void {
      on(this.record.listeners, event, listener);
    }
    show(): void {
      this.record.shown = true;
    }
    async loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
    }
    isDestroyed(): boolean {
      return false;
    }
  }
  const windows: BrowserWindow[] = [];
  const TrackedWindow = new Proxy(BrowserWindow, {
    construct(target, args: [Record<string, unknown>]) {
      const window = new target(...args);
      windows.push(window);
      return window;
    },
  });
  return {
    app,
    BrowserWindow: TrackedWindow,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showErrorBox: () => undefined, showMessageBox: async () => ({ response: 0 }) },
    ipcMain: {
      handle: (channel: string, listener: Listener) => fake.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => {
        fake.menuTemplate = template;
        return { template };
      },
      setApplicationMenu: () => undefined,
    },
    nativeTheme: {
      shouldUseDarkColors: true,
      set themeSource(value: string) {
        fake.themeSource = value;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes),
      handle: (scheme: string, handler: Listener) => fake.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          fake.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          fake.permissionCheck = handler;
        },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        fake.openedExternally.push(url);
      },
    },
  };
});

const service = new FakeWorkspaceService();
vi.mock('../../../src/main/core/workspaceService', () => ({
  createWorkspaceService: async (options: WorkspaceServiceOptions) => {
    fake.serviceOptions.push(options);
    return service;
  },
}));

let workspaceDir: string;

beforeAll(async () => {
  workspaceDir = mkdtempSync(join(tmpdir(), 'pm-main-ws-'));
  process.env['PM_WORKSPACE_DIR'] = workspaceDir;
  process.env['PM_USER_DATA_DIR'] = join(workspaceDir, 'user-data');
  delete process.env['ELECTRON_RENDERER_URL'];
  await import('../../../src/main/electron/main');
  const start = Date.now();
  while (fake.windows.length === 0 && Date.now() - start < 5_000) await new Promise((resolve) => setTimeout(resolve, 5));
});

afterAll(() => {
  delete process.env['PM_WORKSPACE_DIR'];
  delete process.env['PM_USER_DATA_DIR'];
  rmSync(workspaceDir, { recursive: true, force: true });
});

function firstWindow(): FakeWindow {
  const window = fake.windows[0];
  if (!window) throw new Error('no window was created');
  return window;
}

function listenersOf(map: Map<string, Listener[]>, event: string): Listener[] {
  return map.get(event) ?? [];
}

describe('Electron main wiring', () => {
  it('registers app:// as a standard, secure scheme and serves it through protocol.handle', async () => {
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const handler = fake.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const response = (await handler?.({ url: 'app://app/%2e%2e/%2e%2e/package.json', method: 'GET' })) as Response;
    expect(response).toBeInstanceOf(Response);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('"devDependencies"');
  });

  it('creates the service on PM_WORKSPACE_DIR with the samples, a folder chooser and a PDF renderer', () => {
    expect(fake.serviceOptions).toEqual([{ folder: workspaceDir, samplesFolder: expect.stringMatching(/resources[/\\]samples$/), chooseFolder: expect.any(Function), renderPdf: expect.any(Function) }]);
  });

  it('answers IPC for every method, from the app page only', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(API_METHODS.map((method) => `pm:${method}`).sort());
    const info = fake.ipcHandlers.get('pm:workspace.info');
    await expect(info?.({ senderFrame: { url: 'app://app/index.html' } }, {})).resolves.toMatchObject({ ok: true });
    await expect(info?.({ senderFrame: { url: 'https://evil.example/' } }, {})).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('opens one locked-down window on app://app/index.html and shows it when ready', () => {
    const window = firstWindow();
    expect(window.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: expect.stringMatching(/preload[/\\]index\.cjs$/) });
    expect(window.loaded).toEqual(['app://app/index.html']);
    expect(window.shown).toBe(false);
    for (const listener of listenersOf(window.listeners, 'ready-to-show')) listener();
    expect(window.shown).toBe(true);
    expect(fake.themeSource).toBe('system');
  });

  it('denies new windows and sends only http(s) links to the system browser', () => {
    const handler = firstWindow().webContents.windowOpenHandler;
    expect(handler?.({ url: 'https://example.com/guide' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'app://app/index.html' })).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(['https://example.com/guide']);
  });

  it('keeps navigation on the app origin', () => {
    const [willNavigate] = listenersOf(firstWindow().webContents.listeners, 'will-navigate');
    const navigate = (url: string): boolean => {
      let prevented = false;
      willNavigate?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('app://app/index.html#/p/x')).toBe(false);
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(listenersOf(firstWindow().webContents.listeners, 'will-attach-webview')).toHaveLength(1);
  });

  it('refuses permission requests', () => {
    const decisions: boolean[] = [];
    fake.permissionRequest?.({}, 'media', (granted: boolean) => decisions.push(granted), { requestingUrl: 'app://app/index.html' });
    fake.permissionRequest?.({}, 'notifications', (granted: boolean) => decisions.push(granted), { requestingUrl: 'app://app/index.html' });
    expect(decisions).toEqual([false, false]);
    expect(fake.permissionCheck?.({}, 'geolocation', 'app://app', { requestingUrl: 'app://app/index.html' })).toBe(false);
  });

  it('forwards service events to the window and menu commands to the renderer', () => {
    service.emit({ type: 'workspace.changed' });
    expect(firstWindow().webContents.sent).toContainEqual(['pm:event', { type: 'workspace.changed' }]);
    const items = (fake.menuTemplate as Array<{ submenu?: Array<{ id?: string; click?: () => void }> }>).flatMap((menu) => menu.submenu ?? []);
    items.find((item) => item.id === 'new-product')?.click?.();
    expect(firstWindow().webContents.sent).toContainEqual(['pm:command', 'new-product']);
  });

  it('flushes the service before quitting', async () => {
    const [beforeQuit] = listenersOf(fake.appListeners, 'before-quit');
    let prevented = false;
    beforeQuit?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    const start = Date.now();
    while (fake.quitCalls === 0 && Date.now() - start < 2_000) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(service.closed).toBe(true);
    expect(fake.quitCalls).toBe(1);
    let preventedAgain = false;
    beforeQuit?.({ preventDefault: () => (preventedAgain = true) });
    expect(preventedAgain).toBe(false);
  });
});
