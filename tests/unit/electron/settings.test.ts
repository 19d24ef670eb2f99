/** The shell's settings file: tolerant reading, atomic writing. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSettings, readSettings, writeSettings } from '../../../src/main/electron/settings';

const root = mkdtempSync(join(tmpdir(), 'pm-settings-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('settings', () => {
  it('round-trips the workspace folder and leaves no temp files', async () => {
    const file = join(root, 'nested', 'settings.json');
    await writeSettings(file, { workspaceFolder: '/home/me/pm' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ workspaceFolder: '/home/me/pm' });
    expect(await readSettings(file)).toEqual({ workspaceFolder: '/home/me/pm' });
    expect(readdirSync(join(root, 'nested'))).toEqual(['settings.json']);
  });

  it('falls back to defaults for a missing, damaged or hostile file', async () => {
    expect(await readSettings(join(root, 'none.json'))).toEqual({ workspaceFolder: null });
    const damaged = join(root, 'damaged.json');
    writeFileSync(damaged, '{"workspaceFolder": "/x"');
    expect(await readSettings(damaged)).toEqual({ workspaceFolder: null });
    expect(parseSettings('{"workspaceFolder": "relative/path"}')).toEqual({ workspaceFolder: null });
    expect(parseSettings('{"workspaceFolder": 42}')).toEqual({ workspaceFolder: null });
    expect(parseSettings('null')).toEqual({ workspaceFolder: null });
  });
});
