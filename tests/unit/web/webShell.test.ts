/** `npm run web`: argument parsing and the start/stop lifecycle (with a fake service). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceServiceOptions } from '../../../src/main/core/service';
import { CliUsageError, parseWebCliArgs } from '../../../src/main/web/cliArgs';
import { runWebShell } from '../../../src/main/web/runWebShell';
import { FakeWorkspaceService } from './fakeWorkspaceService';
import { apiCall, json, rawRequest } from './httpTestUtils';

const defaults = { builtDir: '/repo/out/main', defaultWorkspace: () => '/home/me/Documents/PM Practice Workspace' };

describe('parseWebCliArgs', () => {
  it('defaults: default workspace, free port, the repo samples and renderer next to the built file', () => {
    expect(parseWebCliArgs([], defaults)).toEqual({
      workspace: '/home/me/Documents/PM Practice Workspace',
      port: 0,
      samples: '/repo/resources/samples',
      staticDir: '/repo/out/renderer',
      writeDelayMs: undefined,
      token: undefined,
      help: false,
    });
  });

  it('reads every option, in both --flag value and --flag=value forms', () => {
    const options = parseWebCliArgs(['--workspace', 'ws', '--port=8123', '--samples', '/s', '--static=/st', '--write-delay', '50'], defaults);
    expect(options).toEqual({ workspace: resolve('ws'), port: 8123, samples: '/s', staticDir: '/st', writeDelayMs: 50, token: undefined, help: false });
  });

  it('takes PM_WORKSPACE_DIR when --workspace is absent', () => {
    expect(parseWebCliArgs([], defaults, { PM_WORKSPACE_DIR: '/tmp/ws' }).workspace).toBe('/tmp/ws');
    expect(parseWebCliArgs(['--workspace', '/a'], defaults, { PM_WORKSPACE_DIR: '/tmp/ws' }).workspace).toBe('/a');
  });

  it.each([[['--port', 'abc']], [['--port', '70000']], [['--port']], [['--workspace', '--port', '1']], [['--unknown']], [['--write-delay', '-5']]])(
    'refuses %j with a usage error',
    (argv) => {
      expect(() => parseWebCliArgs(argv, defaults)).toThrow(CliUsageError);
    },
  );
});

describe('runWebShell', () => {
  let staticDir: string;
  beforeAll(() => {
    staticDir = mkdtempSync(join(tmpdir(), 'pm-shell-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>PM</title>');
  });
  afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

  it('creates the service, prints one line with a working address and token, and stops cleanly', async () => {
    const service = new FakeWorkspaceService();
    const created: WorkspaceServiceOptions[] = [];
    const printed: string[] = [];
    const shell = await runWebShell(
      { workspace: '/ws', port: 0, samples: '/samples', staticDir, writeDelayMs: 40, token: undefined, help: false },
      {
        createService: async (options) => {
          created.push(options);
          return service;
        },
        print: (line) => printed.push(line),
      },
    );
    expect(created).toEqual([{ folder: '/ws', samplesFolder: '/samples', writeDelayMs: 40 }]);
    expect(printed).toHaveLength(1);
    const match = /^PM Practice Workspace \(web shell\): http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)$/.exec(printed[0] ?? '');
    expect(match).not.toBeNull();
    const port = Number(match?.[1]);
    const token = match?.[2] ?? '';
    const page = await rawRequest({ port, path: '/' });
    expect(page.body).toBe('<!doctype html><title>PM</title>');
    expect(json(await apiCall(port, token, 'workspace.info', {}))).toMatchObject({ ok: true });

    await shell.stop();
    await shell.stop();
    expect(service.closed).toBe(true);
    await expect(rawRequest({ port, path: '/' })).rejects.toThrow();
  });

  it('closes the service when the host cannot start', async () => {
    const service = new FakeWorkspaceService();
    const first = await runWebShell(
      { workspace: '/ws', port: 0, samples: '/s', staticDir, writeDelayMs: undefined, token: undefined, help: false },
      { createService: async () => new FakeWorkspaceService(), print: () => undefined },
    );
    try {
      await expect(
        runWebShell(
          { workspace: '/ws', port: first.host.port, samples: '/s', staticDir, writeDelayMs: undefined, token: undefined, help: false },
          { createService: async () => service, print: () => undefined },
        ),
      ).rejects.toThrow(/EADDRINUSE/);
      expect(service.closed).toBe(true);
    } finally {
      await first.stop();
    }
  });
});
