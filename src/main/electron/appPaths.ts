/** Where the Electron shell finds its parts, in development and when packaged. */
import { join, resolve } from 'node:path';

export interface AppPathsInput {
  /** The folder of the built main bundle (`out/main`). */
  mainDir: string;
  isPackaged: boolean;
  /** `process.resourcesPath` (packaged apps keep the samples there, as `samples/`). */
  resourcesPath: string;
}

export interface AppPaths {
  preload: string;
  rendererDir: string;
  samplesDir: string;
}

export function resolveAppPaths({ mainDir, isPackaged, resourcesPath }: AppPathsInput): AppPaths {
  return {
    preload: resolve(mainDir, '../preload/index.cjs'),
    rendererDir: resolve(mainDir, '../renderer'),
    samplesDir: isPackaged ? join(resourcesPath, 'samples') : resolve(mainDir, '../../resources/samples'),
  };
}

/** The workspace folder at start: `PM_WORKSPACE_DIR`, else the one remembered, else the default. */
export function initialWorkspaceFolder(envDir: string | undefined, remembered: string | null, fallback: () => string): string {
  if (envDir && envDir.trim().length > 0) return resolve(envDir);
  if (remembered) return remembered;
  return fallback();
}
