/**
 * The workspace service as both shells host it: a handler per `WorkspaceApi` method, plus events
 * and shutdown. Transports (IPC, loopback HTTP) wrap it with `dispatchApiCall`, which validates
 * every input once; they never reach past it.
 */
import type { ApiHandlers, ApiParsedInput, WorkspaceEvent } from '../../shared/api/contract';

export interface OpenAnswerJson {
  /** The answer's compact ASCII JSON, in parts to be sent one after another (not copied into one). */
  parts: Uint8Array[];
  /** Whether the product's JSON was made off the service's thread from the file just read. */
  fromFile: boolean;
}

export interface WorkspaceService extends ApiHandlers {
  /**
   * `product.open`'s answer as compact ASCII JSON, for a transport that sends text (the web host):
   * the same value, made without stringifying 10 MB on this thread when the file was just read.
   * Fails as `product.open` does (with an `ApiError`).
   */
  openAsJson?(input: ApiParsedInput<'product.open'>): Promise<OpenAnswerJson>;
  /** Subscribe to events for every client; returns the unsubscribe function. */
  subscribe(listener: (event: WorkspaceEvent) => void): () => void;
  /**
   * Flush every pending write and stop watching files. If some edits cannot be saved (disk full,
   * permission, …) it throws `io` and the service stays open — edits kept in memory, writes still
   * retried — so the shell can tell the learner instead of quitting; with `force` it closes anyway
   * and the error lists what was not saved. (Edits of a product in conflict are set aside as a
   * recovered version on closing, in both cases.)
   */
  close(options?: { force?: boolean }): Promise<void>;
}

export interface WorkspaceServiceOptions {
  /** The workspace folder of `<id>.product.json` files (created if missing). */
  folder: string;
  /** The read-only folder of sample product files (`resources/samples`). */
  samplesFolder: string;
  /** How long writes to one file are coalesced, in ms (default 50; a write also starts at most 1 s after the first unsaved edit). */
  writeDelayMs?: number;
  /**
   * Chooses a new workspace folder (Electron shows a dialog); absent on the web host, where
   * `workspace.chooseFolder` answers `unsupported`.
   */
  chooseFolder?: () => Promise<string | null>;
  /**
   * Renders export HTML to PDF bytes (Electron's printToPDF); absent on the web host, where
   * `export.pdf` answers `unsupported`.
   */
  renderPdf?: (html: string) => Promise<Uint8Array>;
}
