/**
 * Test fixtures for the workspace core: small valid products built in code (not from
 * `resources/samples`, which other people write), a v1 file as the old app wrote it, temp
 * folders, and an fs adapter that counts and can fail or hang chosen steps.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ranksBetween } from '../../../src/shared/model/rank';
import { ProductSchema, type Product } from '../../../src/shared/model/schema';
import { serializeProduct } from '../../../src/shared/model/productFile';
import { interceptFs, nodeFs, type FsAdapter, type FsOp } from '../../../src/main/core/fsAdapter';
import { API_METHODS, type WorkspaceApi, type WorkspaceEvent } from '../../../src/shared/api/contract';
import { dispatchApiCall, unwrapResponse } from '../../../src/shared/api/dispatch';
import type { WorkspaceService } from '../../../src/main/core/service';
import { createWorkspaceService, type WorkspaceServiceDeps } from '../../../src/main/core/workspaceService';

/** A valid product with `storyCount` stories, canonical (all defaults filled). */
export function makeProduct(id: string, options: { name?: string; storyCount?: number } = {}): Product {
  const storyCount = options.storyCount ?? 3;
  const ranks = ranksBetween(null, null, storyCount);
  const statuses = ['backlog', 'ready', 'in-progress', 'done'];
  return ProductSchema.parse({
    schemaVersion: 2,
    id,
    name: options.name ?? `Product ${id}`,
    summary: 'A product made for a test.',
    epics: [{ id: 'ep-1', title: 'Onboarding', rank: 'a0' }],
    stories: Array.from({ length: storyCount }, (_, i) => ({
      id: `st-${i + 1}`,
      title: `Write story number ${i + 1}`,
      asA: 'learner',
      iWant: `to practise task ${i + 1}`,
      soThat: 'I get better at product work',
      acceptanceCriteria: [{ id: `st-${i + 1}-ac1`, text: 'Given a story, when I refine it, then it is ready' }],
      estimate: 3,
      status: statuses[i % statuses.length],
      rank: ranks[i],
      epicId: 'ep-1',
      labels: ['test'],
    })),
    board: {
      columns: [
        { id: 'backlog', name: 'Backlog', category: 'backlog' },
        { id: 'ready', name: 'Ready', category: 'todo' },
        { id: 'in-progress', name: 'In progress', category: 'in-progress', wipLimit: 3 },
        { id: 'done', name: 'Done', category: 'done' },
      ],
    },
  });
}

/** The canonical text of `makeProduct(...)`. */
export function productText(id: string, options: { name?: string; storyCount?: number } = {}): string {
  return serializeProduct(makeProduct(id, options));
}

/** A schemaVersion 1 file as the old app wrote it (points, AC string, top-level rice, no ranks, column limit). */
export function v1ProductText(id: string): string {
  const doc = {
    schemaVersion: 1,
    id,
    name: 'Old Product',
    summary: 'Written by version one.',
    stories: [
      {
        id: 'st-1',
        title: 'Sign up with email',
        points: 5,
        acceptanceCriteria: '- Given a new visitor\n- When they sign up\n- Then they get a welcome email',
        rice: { reach: 100, impact: 2, confidence: 80, effort: 1 },
        status: 'backlog',
      },
      { id: 'st-2', title: 'Reset a password', points: 3, acceptanceCriteria: '', status: 'todo' },
    ],
    board: {
      columns: [
        { id: 'backlog', name: 'Backlog', category: 'backlog', limit: 0 },
        { id: 'todo', name: 'To do', category: 'todo', limit: 4 },
      ],
    },
    roadmap: {
      items: [{ id: 'rm-1', title: 'Self-serve onboarding', column: 'now' }],
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export interface TempWorkspace {
  root: string;
  folder: string;
  samples: string;
  cleanup(): void;
}

/** A fresh temp root with `workspace/` (not created: the service creates it) and `samples/`. */
export function makeTempWorkspace(): TempWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'pm-core-'));
  const folder = join(root, 'workspace');
  const samples = join(root, 'samples');
  return {
    root,
    folder,
    samples,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function writeText(path: string, text: string | Buffer): void {
  writeFileSync(path, text);
}

/** A node fs adapter that counts every operation per kind and can be told to fail or hang a step. */
export interface CountingFs {
  fs: FsAdapter;
  counts: Map<FsOp, number>;
  count(op: FsOp): number;
  /** How many renames landed on `path` (each is one completed replacement of the file). */
  renamesTo(path: string): number;
  /** The most replacements of `path` that were in progress at the same time. */
  maxConcurrentWrites(path: string): number;
  /** Make the next matching operations fail with `code` until `clear()`. */
  failOn(op: FsOp, code: string, match?: (path: string) => boolean): void;
  /** Make matching operations wait until `release()` is called. */
  hangOn(op: FsOp, match?: (path: string) => boolean): void;
  release(): void;
  clear(): void;
}

export function makeCountingFs(): CountingFs {
  const counts = new Map<FsOp, number>();
  let failure: { op: FsOp; code: string; match: (path: string) => boolean } | null = null;
  let hang: { op: FsOp; match: (path: string) => boolean } | null = null;
  let waiters: (() => void)[] = [];
  const renames = new Map<string, number>();
  const active = new Map<string, number>();
  const maxActive = new Map<string, number>();
  const targetOfTemp = (path: string): string | null => {
    const m = /^(.*)[/\\]\.(.+)\.\d+\.[0-9a-f]{12}\.tmp$/.exec(path);
    return m ? join(m[1] ?? '', m[2] ?? '') : null;
  };
  const fs = interceptFs(nodeFs, async (op, path) => {
    counts.set(op, (counts.get(op) ?? 0) + 1);
    if (op === 'rename') {
      renames.set(path, (renames.get(path) ?? 0) + 1);
      active.set(path, (active.get(path) ?? 1) - 1);
    }
    const target = targetOfTemp(path);
    if (target !== null && op === 'openExclusive') {
      const n = (active.get(target) ?? 0) + 1;
      active.set(target, n);
      maxActive.set(target, Math.max(maxActive.get(target) ?? 0, n));
    }
    if (target !== null && op === 'unlink') active.set(target, (active.get(target) ?? 1) - 1);
    if (failure && failure.op === op && failure.match(path)) {
      const error = new Error(`${failure.code}: injected failure, ${op} '${path}'`) as NodeJS.ErrnoException;
      error.code = failure.code;
      throw error;
    }
    if (hang && hang.op === op && hang.match(path)) {
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  });
  return {
    fs,
    counts,
    count: (op) => counts.get(op) ?? 0,
    renamesTo: (path) => renames.get(path) ?? 0,
    maxConcurrentWrites: (path) => maxActive.get(path) ?? 0,
    failOn: (op, code, match = () => true) => {
      failure = { op, code, match };
    },
    hangOn: (op, match = () => true) => {
      hang = { op, match };
    },
    release: () => {
      hang = null;
      const w = waiters;
      waiters = [];
      for (const resolve of w) resolve();
    },
    clear: () => {
      failure = null;
    },
  };
}

/** Collects events and waits for one that matches. */
export class EventLog {
  readonly events: WorkspaceEvent[] = [];
  private waiters: { test: (e: WorkspaceEvent) => boolean; resolve: (e: WorkspaceEvent) => void }[] = [];

  readonly listener = (event: WorkspaceEvent): void => {
    this.events.push(event);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(event)) return true;
      w.resolve(event);
      return false;
    });
  };

  /** The first event (already seen or future) that matches, or a rejection after `timeoutMs`. */
  waitFor<T extends WorkspaceEvent>(test: (e: WorkspaceEvent) => e is T, timeoutMs?: number): Promise<T>;
  waitFor(test: (e: WorkspaceEvent) => boolean, timeoutMs?: number): Promise<WorkspaceEvent>;
  waitFor(test: (e: WorkspaceEvent) => boolean, timeoutMs = 5000): Promise<WorkspaceEvent> {
    const seen = this.events.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No matching event within ${timeoutMs} ms; saw ${JSON.stringify(this.events)}`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  clear(): void {
    this.events.length = 0;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The service as the transports reach it: every call validated by `dispatchApiCall` first. */
export type DispatchedService = Omit<WorkspaceService, keyof WorkspaceApi> & WorkspaceApi;

/** `service` with every method called through the dispatcher (as IPC and HTTP call it). */
export function throughDispatcher(service: WorkspaceService): DispatchedService {
  const methods = Object.fromEntries(API_METHODS.map((method) => [method, async (input: unknown) => unwrapResponse(await dispatchApiCall(service, method, input))]));
  return { ...service, ...(methods as unknown as WorkspaceApi) };
}

/** Start a service on a temp workspace, recording its events; polling is fast so tests stay quick. */
export async function startService(
  tw: TempWorkspace,
  options: { writeDelayMs?: number; chooseFolder?: () => Promise<string | null>; renderPdf?: (html: string) => Promise<Uint8Array> } = {},
  deps: WorkspaceServiceDeps = {},
): Promise<{ service: DispatchedService; events: EventLog }> {
  const service = throughDispatcher(await createWorkspaceService(
    { folder: tw.folder, samplesFolder: tw.samples, writeDelayMs: options.writeDelayMs ?? 20, ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}), ...(options.renderPdf ? { renderPdf: options.renderPdf } : {}) },
    { pollIntervalMs: 50, watchDebounceMs: 20, retryDelaysMs: [50, 100], settleMs: 50, ...deps },
  ));
  const events = new EventLog();
  service.subscribe(events.listener);
  return { service, events };
}
