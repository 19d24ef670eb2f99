/** The main window's options: a locked-down renderer (isolated, sandboxed, no Node). */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'PM Practice Workspace';
export const DARK_BACKGROUND = '#1b1d22';
export const LIGHT_BACKGROUND = '#ffffff';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (`out/preload/index.cjs`). */
  preloadPath: string;
  /** Whether the OS is in dark mode (the window paints this colour before the page loads). */
  darkBackground: boolean;
}

export function createWindowOptions({ preloadPath, darkBackground }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1320,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: darkBackground ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}
