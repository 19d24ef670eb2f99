/**
 * The Electron shell, driven by Playwright's `_electron`. Skipped where the Electron binary is
 * not installed: it is a download this machine (and CI here) cannot make. The check reads
 * `node_modules/electron/path.txt` and looks in `dist/` without `require('electron')`, which
 * would try to download it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, _electron, type ElectronApplication } from '@playwright/test';

const root = resolve(__dirname, '../..');

function electronBinaryPath(): string | null {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? join(override, relative) : join(electronDir, 'dist', relative);
  return relative.length > 0 && existsSync(binary) ? binary : null;
}

const electronBinary = electronBinaryPath();
const electronBinaryExists = electronBinary !== null;

test.skip(!electronBinaryExists, 'Electron binary is not installed on this machine (it cannot be downloaded here)');

/** The built app launched on fresh workspace and user-data folders, closed and removed after `run`. */
async function withApp(run: (app: ElectronApplication) => Promise<void>): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'pm-electron-ws-'));
  const userData = mkdtempSync(join(tmpdir(), 'pm-electron-data-'));
  const app = await _electron.launch({
    executablePath: electronBinary ?? undefined,
    args: [join(root, 'out/main/index.js')],
    cwd: root,
    env: { ...process.env, PM_WORKSPACE_DIR: workspace, PM_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: '' },
  });
  try {
    await run(app);
  } finally {
    await app.close();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(userData, { recursive: true, force: true });
  }
}

test('the Electron shell opens the start screen in a locked-down renderer', async () => {
  expect(existsSync(join(root, 'out/main/index.js')), 'run `npm run build` first').toBe(true);
  await withApp(async (app) => {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: 'PM Practice Workspace' })).toBeVisible();
    expect(window.url()).toMatch(/^app:\/\/app\//);

    const exposed = await window.evaluate(() => {
      const page = window as unknown as Record<string, unknown>;
      const bridge = page['pmWorkspace'] as Record<string, unknown> | undefined;
      return {
        require: typeof page['require'],
        process: typeof page['process'],
        module: typeof page['module'],
        bridgeShell: bridge?.['shell'],
        bridgeHasIpc: bridge ? 'ipcRenderer' in bridge || 'invoke' in bridge : null,
      };
    });
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridgeShell: 'electron', bridgeHasIpc: false });

  });
});

test('File › New window opens a second window on the same product; an edit in one shows in the other', async () => {
  await withApp(async (app) => {
    const first = await app.firstWindow();
    await first.getByRole('button', { name: 'Start practising with Larder' }).click();
    await expect(first.getByRole('navigation', { name: 'Views' })).toBeVisible();
    const opened = app.waitForEvent('window');
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('new-window')?.click());
    const second = await opened;
    await expect(second.getByRole('navigation', { name: 'Views' })).toBeVisible();
    const cards = (page: typeof first) => page.getByRole('region', { name: 'Board' }).getByRole('list', { name: 'Backlog stories' }).getByRole('button');
    await cards(first).first().click();
    const title = first.getByRole('complementary', { name: 'Story' }).getByLabel('Title');
    await title.fill('Renamed in the first window');
    await title.press('Enter');
    await expect(cards(second).filter({ hasText: 'Renamed in the first window' })).toBeVisible({ timeout: 1000 });
  });
});
