/**
 * `npm run web`: the workspace in a browser over loopback HTTP (no Electron needed).
 * Prints exactly one line, `PM Practice Workspace (web shell): http://127.0.0.1:PORT/#token=TOKEN`.
 */
import { join } from 'node:path';
import { defaultWorkspaceFolder } from '../core/paths';
import { createWorkspaceService } from '../core/workspaceService';
import { CliUsageError, parseWebCliArgs, WEB_CLI_USAGE } from './cliArgs';
import { startFileJsonWorker } from './fileJsonWorkerClient';
import { runWebShell } from './runWebShell';

/** The folder of this file once built (`out/main`); the bundle is CommonJS, so `__dirname` exists. */
const builtDir = typeof __dirname === 'string' ? __dirname : process.cwd();

async function main(): Promise<void> {
  let options;
  try {
    options = parseWebCliArgs(process.argv.slice(2), { builtDir, defaultWorkspace: defaultWorkspaceFolder }, process.env);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n\n${WEB_CLI_USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${WEB_CLI_USAGE}\n`);
    return;
  }
  // Built next to this file (electron.vite.config.ts lists it as an entry of the main build).
  const jsonWorker = startFileJsonWorker(join(builtDir, 'fileJsonWorker.js'));
  const shell = await runWebShell(options, {
    createService: (serviceOptions) => createWorkspaceService(serviceOptions, { fileJson: jsonWorker.fileJson }),
    print: (line) => process.stdout.write(`${line}\n`),
  });
  const onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`Received ${signal}: saving and closing…\n`);
    shell.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Closing failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(`The web shell could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
