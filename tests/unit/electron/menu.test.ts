/** The native menu template: the usual commands with their shortcuts, wired to the right actions. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../src/main/electron/menu';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isDev = false) {
  const log: string[] = [];
  const actions: MenuActions = {
    sendCommand: (command) => log.push(`command:${command}`),
    openWorkspaceFolder: () => log.push('open-folder'),
    showAbout: () => log.push('about'),
    newWindow: () => log.push('new-window'),
  };
  const items = flatten(buildMenuTemplate({ appName: 'PM Practice Workspace', platform, isDev, actions }));
  const byId = (id: string): MenuItemConstructorOptions => {
    const item = items.find((candidate) => candidate.id === id);
    if (!item) throw new Error(`no menu item ${id}`);
    return item;
  };
  const click = (id: string): void => {
    const handler = byId(id).click;
    if (!handler) throw new Error(`${id} has no click handler`);
    (handler as () => void)();
  };
  return { items, byId, click, log };
}

describe.each(['linux', 'win32', 'darwin'] as const)('menu on %s', (platform) => {
  it('has New product, Open workspace folder, Undo, Redo, zoom and Quit with accelerators', () => {
    const { byId } = build(platform);
    expect(byId('new-product').accelerator).toBe('CmdOrCtrl+N');
    expect(byId('open-folder').accelerator).toBe('CmdOrCtrl+O');
    expect(byId('open-folder').label).toBe('Open workspace folder…');
    expect(byId('import').label).toBe('Import backlog…');
    expect(byId('undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(byId('redo').accelerator).toBe(platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z');
    expect(byId('zoom-in')).toMatchObject({ role: 'zoomIn', accelerator: 'CmdOrCtrl+=' });
    expect(byId('zoom-out')).toMatchObject({ role: 'zoomOut', accelerator: 'CmdOrCtrl+-' });
    expect(byId('zoom-reset')).toMatchObject({ role: 'resetZoom', accelerator: 'CmdOrCtrl+0' });
    expect(byId('quit')).toMatchObject({ role: 'quit' });
    expect(byId('quit').accelerator).toMatch(/\+Q$/);
    expect(byId('close-window')).toMatchObject({ role: 'close', accelerator: 'CmdOrCtrl+W' });
    expect(byId('new-window')).toMatchObject({ label: 'New window', accelerator: 'CmdOrCtrl+Shift+N' });
    expect(byId('fullscreen').role).toBe('togglefullscreen');
    for (const role of ['cut', 'copy', 'paste', 'selectAll'] as const) {
      expect(byId(role === 'selectAll' ? 'select-all' : role).role).toBe(role);
    }
  });

  it('sends New/Undo/Redo to the renderer as app commands and opens the folder through the service', () => {
    const { click, log } = build(platform);
    click('new-product');
    click('undo');
    click('redo');
    click('open-folder');
    click('import');
    click('about');
    click('new-window');
    expect(log).toEqual(['command:new-product', 'command:undo', 'command:redo', 'open-folder', 'command:import', 'about', 'new-window']);
  });

  it('leaves the Undo/Redo keys to the renderer (text fields keep their own undo)', () => {
    const { byId } = build(platform);
    expect(byId('undo').registerAccelerator).toBe(false);
    expect(byId('redo').registerAccelerator).toBe(false);
  });

  it('offers the developer tools only in development', () => {
    expect(build(platform, false).items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(build(platform, true).items.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});

it('has the macOS application menu only on macOS', () => {
  const mac = buildMenuTemplate({ appName: 'PM', platform: 'darwin', isDev: false, actions: { sendCommand: () => undefined, openWorkspaceFolder: () => undefined, showAbout: () => undefined, newWindow: () => undefined } });
  const linux = buildMenuTemplate({ appName: 'PM', platform: 'linux', isDev: false, actions: { sendCommand: () => undefined, openWorkspaceFolder: () => undefined, showAbout: () => undefined, newWindow: () => undefined } });
  expect(mac[0]?.label).toBe('PM');
  expect(linux[0]?.label).toBe('&File');
  expect(linux.map((item) => item.label ?? item.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help']);
});
