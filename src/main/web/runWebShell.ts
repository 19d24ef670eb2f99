/**
 * The web shell's lifecycle, with its dependencies passed in (so tests can run it with a fake
 * service): create the service, start the loopback host, print the one line with the address and
 * token, and on a stop signal close the host and flush the service.
 */
import type { WorkspaceService, WorkspaceServiceOptions } from '../core/service';
import type { WebCliOptions } from './cliArgs';
import { startWebHost, type WebHost } from './webHost';

export interface WebShellDeps {
  createService(options: WorkspaceServiceOptions): Promise<WorkspaceService>;
  /** Where the address line goes (stdout). */
  print(line: string): void;
}

export interface RunningWebShell {
  host: WebHost;
  service: WorkspaceService;
  /** The line printed to stdout. */
  line: string;
  /** Close the host, then flush and close the service (idempotent). */
  stop(): Promise<void>;
}

export function addressLine(host: Pick<WebHost, 'port' | 'token'>): string {
  return `PM Practice Workspace (web shell): http://127.0.0.1:${host.port}/#token=${host.token}`;
}

export async function runWebShell(options: WebCliOptions, deps: WebShellDeps): Promise<RunningWebShell> {
  const service = await deps.createService({
    folder: options.workspace,
    samplesFolder: options.samples,
    ...(options.writeDelayMs === undefined ? {} : { writeDelayMs: options.writeDelayMs }),
  });
  let host: WebHost;
  try {
    host = await startWebHost({ service, staticDir: options.staticDir, port: options.port, ...(options.token === undefined ? {} : { token: options.token }) });
  } catch (error) {
    await service.close();
    throw error;
  }
  const line = addressLine(host);
  deps.print(line);
  let stopping: Promise<void> | null = null;
  return {
    host,
    service,
    line,
    stop() {
      stopping ??= (async () => {
        try {
          await host.close();
        } finally {
          // A terminal cannot ask "quit anyway?": if edits cannot be saved, close regardless
          // (products in conflict are still saved as copies) and report what was not saved.
          await service.close().catch(async (error: unknown) => {
            await service.close({ force: true }).catch(() => undefined);
            throw error;
          });
        }
      })();
      return stopping;
    },
  };
}
