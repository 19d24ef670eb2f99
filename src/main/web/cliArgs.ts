/** Command-line options of `npm run web` (`node out/main/web.js`), parsed without side effects. */
import { resolve } from 'node:path';

export interface WebCliOptions {
  workspace: string;
  port: number;
  samples: string;
  staticDir: string;
  writeDelayMs: number | undefined;
  /** PM_WEB_TOKEN: keep one session token across restarts, so open pages reconnect by themselves. */
  token: string | undefined;
  help: boolean;
}

export interface WebCliDefaults {
  /** The folder of the built `web.js` (`out/main`): samples and the renderer are found from it. */
  builtDir: string;
  /** The workspace folder when `--workspace` is not given. */
  defaultWorkspace: () => string;
}

export const WEB_CLI_USAGE = `Usage: node out/main/web.js [options]

  --workspace <dir>    the workspace folder of product files (default: PM_WORKSPACE_DIR or the
                       default workspace under your documents)
  --port <n>           the loopback port (default 0: a free port)
  --samples <dir>      the folder of sample products (default: resources/samples of this repo)
  --static <dir>       the built renderer (default: out/renderer)
  --write-delay <ms>   how long writes to one file are coalesced
  --help               show this text

  PM_WEB_TOKEN=<token> keeps the session token across restarts (16-256 letters, digits, - or _),
  so a page left open reconnects by itself when the web shell is started again.`;

export class CliUsageError extends Error {}

const VALUE_FLAGS = ['--workspace', '--port', '--samples', '--static', '--write-delay'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function isValueFlag(name: string): name is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(name);
}

export function parseWebCliArgs(argv: readonly string[], defaults: WebCliDefaults, env: NodeJS.ProcessEnv = {}): WebCliOptions {
  const values = new Map<ValueFlag, string>();
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!isValueFlag(name)) throw new CliUsageError(`Unknown option ${arg}.`);
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined || value.length === 0 || (eq === -1 && value.startsWith('--'))) {
      throw new CliUsageError(`The option ${name} needs a value.`);
    }
    values.set(name, value);
  }

  const port = values.has('--port') ? parseInteger(values.get('--port'), '--port', 0, 65_535) : 0;
  const writeDelayMs = values.has('--write-delay') ? parseInteger(values.get('--write-delay'), '--write-delay', 0, 60_000) : undefined;
  const workspaceArg = values.get('--workspace') ?? (env.PM_WORKSPACE_DIR || undefined);
  const token = env.PM_WEB_TOKEN || undefined;
  if (token !== undefined && !/^[A-Za-z0-9_-]{16,256}$/.test(token)) {
    throw new CliUsageError('PM_WEB_TOKEN must be 16 to 256 letters, digits, "-" or "_".');
  }
  return {
    workspace: resolve(workspaceArg ?? defaults.defaultWorkspace()),
    port,
    samples: resolve(values.get('--samples') ?? resolve(defaults.builtDir, '../../resources/samples')),
    staticDir: resolve(values.get('--static') ?? resolve(defaults.builtDir, '../renderer')),
    writeDelayMs,
    token,
    help,
  };
}

function parseInteger(text: string | undefined, flag: string, min: number, max: number): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new CliUsageError(`${flag} needs a whole number.`);
  const value = Number(text);
  if (value < min || value > max) throw new CliUsageError(`${flag} must be between ${min} and ${max}.`);
  return value;
}
