/**
 * Watching the workspace folder for changes made by other programs: `fs.watch` for a quick
 * reaction where the platform supports it, and polling as the backstop (network drives, some
 * containers and editors' rename tricks make `fs.watch` miss events). Bursts are debounced and
 * scans never overlap.
 */
import { watch, type FSWatcher } from 'node:fs';

export interface FolderWatcherOptions {
  folder: string;
  /** How often to scan even without a watch event, in ms (0 disables polling). */
  pollIntervalMs: number;
  /** How long to wait for a burst of watch events to settle, in ms. */
  debounceMs: number;
  /** Use `fs.watch` in addition to polling. */
  useFsWatch: boolean;
  /** The scan; errors are passed to `onError` and do not stop the watcher. */
  scan: () => Promise<void>;
  onError?: (error: unknown) => void;
}

export class FolderWatcher {
  private watcher: FSWatcher | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly options: FolderWatcherOptions) {}

  start(): void {
    if (this.options.useFsWatch) {
      try {
        this.watcher = watch(this.options.folder, { persistent: false }, () => this.poke());
        this.watcher.on('error', () => {
          // The folder went away or the platform gave up: polling carries on alone.
          this.watcher?.close();
          this.watcher = null;
        });
      } catch {
        this.watcher = null;
      }
    }
    if (this.options.pollIntervalMs > 0) {
      this.pollTimer = setInterval(() => this.trigger(), this.options.pollIntervalMs);
      this.pollTimer.unref();
    }
  }

  /** A watch event: scan once the burst settles. */
  poke(): void {
    if (this.stopped) return;
    if (this.debounceTimer !== null) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      this.trigger();
    }, this.options.debounceMs);
    this.debounceTimer.unref();
  }

  /** Scan now (or right after the scan in progress); resolves when a scan covering this call ends. */
  trigger(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runScans().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runScans(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.options.scan();
      } catch (error) {
        this.options.onError?.(error);
      }
    } while (this.again && !this.stopped);
  }

  /** Stop watching; resolves when a scan in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.watcher?.close();
    this.watcher = null;
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    if (this.debounceTimer !== null) clearTimeout(this.debounceTimer);
    this.pollTimer = null;
    this.debounceTimer = null;
    await this.running;
  }
}
