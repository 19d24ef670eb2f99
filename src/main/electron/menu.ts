/**
 * The native application menu as a pure template builder (tested without Electron) plus the
 * one-line wiring. Undo/Redo/New product are app commands sent to the renderer, where the document
 * store and its undo history live. Undo/Redo show their shortcuts but do not register them on
 * Windows/Linux (`registerAccelerator: false`): the renderer handles those keys itself (text
 * fields keep their own undo), so a key press is never handled twice.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc/channels';

export interface MenuActions {
  /** Send an app command to the focused window's renderer. */
  sendCommand(command: AppCommand): void;
  /** File › Open workspace folder… */
  openWorkspaceFolder(): void;
  /** File › New window: another window, at the same place, live on the same products. */
  newWindow(): void;
  /** Help › About */
  showAbout(): void;
}

export interface MenuTemplateInput {
  appName: string;
  platform: NodeJS.Platform;
  /** Development build: adds the developer tools toggle. */
  isDev: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate({ appName, platform, isDev, actions }: MenuTemplateInput): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { id: 'about', label: `About ${appName}`, click: () => actions.showAbout() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { id: 'quit', role: 'quit', accelerator: 'Cmd+Q' },
      ],
    });
  }

  template.push({
    label: '&File',
    submenu: [
      { id: 'new-product', label: 'New product', accelerator: 'CmdOrCtrl+N', click: () => actions.sendCommand('new-product') },
      { id: 'open-folder', label: 'Open workspace folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspaceFolder() },
      { id: 'import', label: 'Import backlog…', click: () => actions.sendCommand('import') },
      { type: 'separator' },
      { id: 'new-window', label: 'New window', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
      { id: 'close-window', role: 'close', label: 'Close window', accelerator: 'CmdOrCtrl+W' },
      ...(isMac ? [] : [{ type: 'separator' } as const, { id: 'quit', role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  });

  template.push({
    label: '&Edit',
    submenu: [
      {
        id: 'undo',
        label: 'Undo',
        accelerator: 'CmdOrCtrl+Z',
        registerAccelerator: false,
        click: () => actions.sendCommand('undo'),
      },
      {
        id: 'redo',
        label: 'Redo',
        accelerator: platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z',
        registerAccelerator: false,
        click: () => actions.sendCommand('redo'),
      },
      { type: 'separator' },
      { id: 'cut', role: 'cut' },
      { id: 'copy', role: 'copy' },
      { id: 'paste', role: 'paste' },
      { id: 'select-all', role: 'selectAll' },
    ],
  });

  template.push({
    label: '&View',
    submenu: [
      { id: 'reload', role: 'reload' },
      ...(isDev ? [{ id: 'devtools', role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { id: 'zoom-reset', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { id: 'zoom-in', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { id: 'zoom-out', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      { type: 'separator' },
      { id: 'fullscreen', role: 'togglefullscreen' },
    ],
  });

  template.push({ id: 'window', role: 'windowMenu' });

  template.push({
    role: 'help',
    submenu: isMac
      ? [{ id: 'help-about', label: `About ${appName}`, click: () => actions.showAbout() }]
      : [{ id: 'about', label: `About ${appName}`, click: () => actions.showAbout() }],
  });

  return template;
}
