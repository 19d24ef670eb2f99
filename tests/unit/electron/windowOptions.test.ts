/** The main window is created locked down: isolated, sandboxed, no Node, the built preload. */
import { describe, expect, it } from 'vitest';
import { createWindowOptions, DARK_BACKGROUND, LIGHT_BACKGROUND } from '../../../src/main/electron/windowOptions';
import { resolveAppPaths, initialWorkspaceFolder } from '../../../src/main/electron/appPaths';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', darkBackground: false });

  it('isolates and sandboxes the renderer without Node', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    });
  });

  it('waits for ready-to-show, has a title and a usable size, and paints the OS theme colour', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('PM Practice Workspace');
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.backgroundColor).toBe(LIGHT_BACKGROUND);
    expect(createWindowOptions({ preloadPath: '/p', darkBackground: true }).backgroundColor).toBe(DARK_BACKGROUND);
  });
});

describe('app paths', () => {
  it('finds the preload, the renderer and the repo samples from out/main in development', () => {
    expect(resolveAppPaths({ mainDir: '/repo/out/main', isPackaged: false, resourcesPath: '/ignored' })).toEqual({
      preload: '/repo/out/preload/index.cjs',
      rendererDir: '/repo/out/renderer',
      samplesDir: '/repo/resources/samples',
    });
  });

  it('takes the samples from the resources folder when packaged', () => {
    expect(resolveAppPaths({ mainDir: '/opt/app/resources/app.asar/out/main', isPackaged: true, resourcesPath: '/opt/app/resources' }).samplesDir).toBe(
      '/opt/app/resources/samples',
    );
  });

  it('chooses the workspace folder: PM_WORKSPACE_DIR, then the remembered one, then the default', () => {
    const fallback = () => '/home/me/Documents/PM Practice Workspace';
    expect(initialWorkspaceFolder('/tmp/e2e', '/remembered', fallback)).toBe('/tmp/e2e');
    expect(initialWorkspaceFolder(undefined, '/remembered', fallback)).toBe('/remembered');
    expect(initialWorkspaceFolder('', null, fallback)).toBe('/home/me/Documents/PM Practice Workspace');
  });
});
