/**
 * The Electron shell: one window onto the workspace service.
 * - the renderer is served from `app://app/` (a privileged custom protocol confined to
 *   `out/renderer`, with the CSP), or from the electron-vite dev server in development;
 * - single instance; new windows denied; navigation kept on the app's origin; external http(s)
 *   links go to the system browser; every permission request refused but plain clipboard writes;
 * - the service answers `pm:<method>` IPC calls from the app's own frame only;
 * - native menus with the usual shortcuts; dark mode follows the OS;
 * - pending writes are flushed before the app quits; if they cannot be saved, the learner is asked
 *   before anything is dropped.
 */
import { resolve } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell, type WebContents } from 'electron';
import type { WorkspaceService } from '../core/service';
import { defaultWorkspaceFolder } from '../core/paths';
import { createWorkspaceService } from '../core/workspaceService';
import { IPC_COMMAND_CHANNEL, type AppCommand } from '../../shared/ipc/channels';
import { answerAppRequest } from './appProtocol';
import { initialWorkspaceFolder, resolveAppPaths } from './appPaths';
import { forwardServiceEvents, registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { renderPdf } from './pdf';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  decideNavigation,
  decideWindowOpen,
  isAllowedExternalUrl,
  isPermissionGranted,
  rendererOrigin,
} from './security';
import { withRememberedFolder } from './rememberFolder';
import { readSettings, writeSettings } from './settings';
import { createWindowOptions, WINDOW_TITLE } from './windowOptions';

const APP_NAME = WINDOW_TITLE;

// `standard` gives app://app a real origin (so the page's module scripts are same-origin), `secure`
// makes it a secure context; `corsEnabled` only lets Chromium run CORS checks on the scheme (our
// responses carry no CORS headers, so other origins still cannot read them).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

app.setName(APP_NAME);
if (process.env.PM_USER_DATA_DIR) app.setPath('userData', resolve(process.env.PM_USER_DATA_DIR));

const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
const appOrigin = rendererOrigin(devServerUrl);
const paths = resolveAppPaths({ mainDir: __dirname, isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
const settingsFile = (): string => resolve(app.getPath('userData'), 'settings.json');

let mainWindow: BrowserWindow | null = null;
let service: WorkspaceService | null = null;
let quitState: 'running' | 'flushing' | 'done' = 'running';

function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

/** Applied to every web contents the app creates. */
function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, appOrigin);
    if (decision.action === 'deny') {
      event.preventDefault();
      if (decision.openExternally) openExternal(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (decideNavigation(url, appOrigin).action === 'deny') event.preventDefault();
  });
  // Subframes too (`will-navigate` covers only the main frame); the CSP already keeps frames on
  // the app's origin, this is the second lock.
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame && decideNavigation(details.url, appOrigin).action === 'deny') details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function focusedOrMainWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? mainWindow;
}

function sendCommand(command: AppCommand): void {
  const target = focusedOrMainWindow();
  if (target && !target.isDestroyed()) target.webContents.send(IPC_COMMAND_CHANNEL, command);
}

async function chooseFolderWithDialog(): Promise<string | null> {
  const options = {
    title: 'Open workspace folder',
    buttonLabel: 'Use this folder',
    properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
  };
  const parent = focusedOrMainWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const folder = result.canceled ? undefined : result.filePaths[0];
  return folder ?? null;
}

async function openWorkspaceFolder(): Promise<void> {
  if (!service) return;
  try {
    await service['workspace.chooseFolder']({});
  } catch (error) {
    dialog.showErrorBox('Could not open the folder', error instanceof Error ? error.message : String(error));
  }
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: `About ${APP_NAME}`,
    message: `${APP_NAME} ${app.getVersion()}`,
    detail:
      'Practise backlog refinement, prioritisation, roadmapping and spec writing on sample products. ' +
      'Every product is a plain JSON file in your workspace folder.',
    buttons: ['OK'],
  };
  const parent = focusedOrMainWindow();
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

/** True if the learner chooses to quit although some edits could not be saved. */
async function confirmQuitWithUnsavedEdits(reason: string): Promise<boolean> {
  const options = {
    type: 'warning' as const,
    title: 'Some edits are not saved',
    message: 'Some of your edits could not be saved.',
    detail: `${reason}\n\nKeep the app open to free some space or fix the permission; the app keeps trying to save. If you quit now, those edits are lost.`,
    buttons: ['Keep the app open', 'Quit and lose those edits'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const parent = focusedOrMainWindow();
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 1;
}

/** A window of the app; `hash`: where it opens (the app's route, e.g. `#/p/larder/backlog`). */
function createMainWindow(hash = ''): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions({ preloadPath: paths.preload, darkBackground: nativeTheme.shouldUseDarkColors }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(`${devServerUrl ?? APP_ENTRY_URL}${hash}`);
  return window;
}

/** File › New window: another window at the place the focused one shows (both stay live). */
function openNewWindow(): void {
  const focused = focusedOrMainWindow();
  const url = focused?.webContents.getURL() ?? '';
  const hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
  const window = createMainWindow(/^#\/[a-z0-9/-]*$/.test(hash) ? hash : '');
  if (mainWindow === null) mainWindow = window;
}

async function startApp(): Promise<void> {
  nativeTheme.themeSource = 'system';

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, appOrigin));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin, appOrigin),
  );

  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await answerAppRequest(request.url, request.method, paths.rendererDir);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });

  const settings = await readSettings(settingsFile());
  const folder = initialWorkspaceFolder(process.env.PM_WORKSPACE_DIR, settings.workspaceFolder, defaultWorkspaceFolder);
  const workspace = withRememberedFolder(
    await createWorkspaceService({
      folder,
      samplesFolder: paths.samplesDir,
      chooseFolder: chooseFolderWithDialog,
      renderPdf: (html) => renderPdf(html, (options) => new BrowserWindow(options)),
    }),
    (chosen) => writeSettings(settingsFile(), { workspaceFolder: chosen }),
  );
  service = workspace;

  registerIpcHandlers(ipcMain, workspace, () => appOrigin);
  forwardServiceEvents(workspace, () => BrowserWindow.getAllWindows().map((window) => window.webContents));

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        appName: APP_NAME,
        platform: process.platform,
        isDev: !app.isPackaged,
        actions: { sendCommand, openWorkspaceFolder: () => void openWorkspaceFolder(), showAbout, newWindow: openNewWindow },
      }),
    ),
  );

  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = mainWindow;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (quitState === 'done' || !service) return;
    event.preventDefault();
    if (quitState === 'flushing') return;
    quitState = 'flushing';
    const workspace = service;
    const quitNow = (): void => {
      quitState = 'done';
      app.quit();
    };
    workspace.close().then(quitNow, async (error: unknown) => {
      // Edits that cannot be saved (disk full, no permission) are never dropped silently: ask.
      if (await confirmQuitWithUnsavedEdits(error instanceof Error ? error.message : String(error))) {
        await workspace.close({ force: true }).catch((forced: unknown) => console.error('Closing the workspace failed', forced));
        quitNow();
      } else {
        quitState = 'running';
      }
    });
  });
  app
    .whenReady()
    .then(startApp)
    .catch((error: unknown) => {
      dialog.showErrorBox(`${APP_NAME} could not start`, error instanceof Error ? (error.stack ?? error.message) : String(error));
      app.exit(1);
    });
}
