/**
 * The shell's own small settings (`<userData>/settings.json`): the workspace folder chosen last.
 * Read tolerantly (a damaged file means defaults), written atomically (temp file + rename).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AppSettings {
  workspaceFolder: string | null;
}

export const DEFAULT_SETTINGS: AppSettings = { workspaceFolder: null };

export function parseSettings(text: string): AppSettings {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null) return { ...DEFAULT_SETTINGS };
    const folder = (json as Record<string, unknown>)['workspaceFolder'];
    return { workspaceFolder: typeof folder === 'string' && isAbsolute(folder) ? folder : null };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function readSettings(file: string): Promise<AppSettings> {
  try {
    return parseSettings(await readFile(file, 'utf8'));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function writeSettings(file: string, settings: AppSettings): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(settings, null, 2)}\n`, 'utf8');
  await rename(temp, file);
}
