/**
 * Many windows on one product, over the Electron transport without Electron: a real workspace
 * service behind the IPC handlers, two renderers (each its own preload bridge, IPC client and
 * document store) on one product. Edits reach the other window and the file; a same-field conflict
 * is asked about and the choice is what is saved; undo is per window; after the service restarts,
 * a window sends again what did not reach the disk.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceClient, WorkspaceEvent } from '../../../src/shared/api/contract';
import type { Edit } from '../../../src/shared/edits/editSchema';
import type { WorkspaceService } from '../../../src/main/core/service';
import { forwardServiceEvents, registerIpcHandlers, type InvokeEventLike } from '../../../src/main/electron/ipc';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../src/main/electron/security';
import { createBridge } from '../../../src/preload/bridge';
import { createIpcClient } from '../../../src/renderer/src/api/ipcClient';
import { DocumentStore } from '../../../src/renderer/src/state/documentStore';
import { makeTempWorkspace, productText, sleep, startService, writeText, type TempWorkspace, type DispatchedService } from '../core/fixtures';
import { FakeIpcMain, fakeRenderer } from './fakeElectronIpc';

const appFrame: InvokeEventLike = { senderFrame: { url: APP_ENTRY_URL } };
const noTextEditing = { isEditingText: () => false, runNativeEdit: () => undefined };
const title = (id: string, text: string): Edit => ({ type: 'story.update', id, patch: { title: text } });

interface Window {
  client: WorkspaceClient;
  store: DocumentStore;
}

let tw: TempWorkspace;
let service: DispatchedService;
let ipcMain: FakeIpcMain;
let windows: ReturnType<typeof fakeRenderer>[];
let cleanups: (() => void)[];

function fileTitles(): string[] {
  const product = JSON.parse(readFileSync(join(tw.folder, 'alpha.product.json'), 'utf8')) as { stories: { title: string }[] };
  return product.stories.map((s) => s.title);
}

function storyTitle(store: DocumentStore, id: string): string | undefined {
  return store.getSnapshot().product.stories.find((s) => s.id === id)?.title;
}

async function until(test: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function connect(target: () => WorkspaceService): () => void {
  ipcMain = new FakeIpcMain();
  windows = [fakeRenderer(ipcMain, appFrame), fakeRenderer(ipcMain, appFrame)];
  const unregister = registerIpcHandlers(ipcMain, target(), () => APP_ORIGIN);
  const unforward = forwardServiceEvents(target(), () => windows.map((w) => w.webContents));
  return () => {
    unregister();
    unforward();
  };
}

async function openWindow(index: number): Promise<Window> {
  const renderer = windows[index];
  if (!renderer) throw new Error('no such window');
  const client = createIpcClient(createBridge(renderer.ipcRenderer, noTextEditing));
  const opened = await client.api['product.open']({ id: 'alpha' });
  return { client, store: new DocumentStore(client, 'alpha', opened) };
}

async function saved(...stores: DocumentStore[]): Promise<void> {
  await until(() => stores.every((s) => s.getSnapshot().saveState === 'saved'), 'every window to show Saved');
}

beforeEach(async () => {
  tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
  mkdirSync(tw.samples, { recursive: true });
  writeText(join(tw.folder, 'alpha.product.json'), productText('alpha'));
  ({ service } = await startService(tw, { writeDelayMs: 20 }));
  cleanups = [connect(() => service)];
});

afterEach(async () => {
  for (const cleanup of cleanups) cleanup();
  await service.close({ force: true });
  tw.cleanup();
});

describe('two Electron windows on one product', () => {
  it('each window shows the other one’s edits, and both reach the file', async () => {
    const a = await openWindow(0);
    const b = await openWindow(1);
    a.store.dispatch(title('st-1', 'Typed in window A'));
    await until(() => storyTitle(b.store, 'st-1') === 'Typed in window A', 'B to show A’s edit');
    b.store.dispatch(title('st-2', 'Typed in window B'));
    await until(() => storyTitle(a.store, 'st-2') === 'Typed in window B', 'A to show B’s edit');
    await saved(a.store, b.store);
    expect(fileTitles().slice(0, 2)).toEqual(['Typed in window A', 'Typed in window B']);
    expect(a.store.getSnapshot().fieldConflict).toBeNull();
  });

  it('edits to different fields made at the same moment are both kept, with no question', async () => {
    const a = await openWindow(0);
    const b = await openWindow(1);
    a.store.dispatch(title('st-1', 'A renames one'));
    b.store.dispatch({ type: 'story.update', id: 'st-1', patch: { description: 'B describes it' } });
    await saved(a.store, b.store);
    for (const { store } of [a, b]) {
      const story = store.getSnapshot().product.stories.find((s) => s.id === 'st-1');
      expect(story).toMatchObject({ title: 'A renames one', description: 'B describes it' });
    }
    expect(b.store.getSnapshot().fieldConflict).toBeNull();
  });

  it('a same-field conflict is asked with both values, and “keep mine” is what is saved', async () => {
    const a = await openWindow(0);
    const b = await openWindow(1);
    // Both edit the title before either has seen the other's edit.
    a.store.dispatch(title('st-1', 'Title from A'));
    b.store.dispatch(title('st-1', 'Title from B'));
    await until(() => a.store.getSnapshot().fieldConflict !== null || b.store.getSnapshot().fieldConflict !== null, 'a conflict question');
    const [asked, other] = b.store.getSnapshot().fieldConflict ? [b, a] : [a, b];
    const mine = asked === b ? 'Title from B' : 'Title from A';
    const theirs = asked === b ? 'Title from A' : 'Title from B';
    const [conflict] = asked.store.getSnapshot().fieldConflict?.conflicts ?? [];
    expect(conflict).toMatchObject({ entity: 'story:st-1', field: 'title', what: 'Title', theirs, mine });
    expect(asked.store.getSnapshot().saveState).toBe('error');
    asked.store.keepMine();
    await saved(a.store, b.store);
    expect(fileTitles()[0]).toBe(mine);
    await until(() => storyTitle(other.store, 'st-1') === mine, 'the other window to show the kept value');
  });

  it('“keep theirs” drops only the conflicting field of my edit', async () => {
    const a = await openWindow(0);
    const b = await openWindow(1);
    a.store.dispatch(title('st-1', 'Title from A'));
    b.store.dispatch({ type: 'story.update', id: 'st-1', patch: { title: 'Title from B', description: 'Described in B' } });
    await until(() => a.store.getSnapshot().fieldConflict !== null || b.store.getSnapshot().fieldConflict !== null, 'a conflict question');
    const asked = b.store.getSnapshot().fieldConflict ? b : a;
    asked.store.keepTheirs();
    await saved(a.store, b.store);
    const story = JSON.parse(readFileSync(join(tw.folder, 'alpha.product.json'), 'utf8')).stories[0] as { title: string; description: string };
    expect(story.title).toBe(asked === b ? 'Title from A' : 'Title from B');
    expect(story.description).toBe('Described in B');
  });

  it('an edit of a story another window deleted meanwhile is asked about, not lost without a word', async () => {
    const a = await openWindow(0);
    const b = await openWindow(1);
    a.store.dispatch({ type: 'story.delete', id: 'st-1' });
    b.store.dispatch(title('st-1', 'Renamed in B'));
    await until(() => a.store.getSnapshot().fieldConflict !== null || b.store.getSnapshot().fieldConflict !== null, 'a conflict question');
    const asked = b.store.getSnapshot().fieldConflict ? b : a;
    const [conflict] = asked.store.getSnapshot().fieldConflict?.conflicts ?? [];
    expect(conflict).toMatchObject({ entity: 'story:st-1', field: '*', what: 'the whole story' });
    expect([conflict?.theirs, conflict?.mine]).toContain('(deleted)');
    asked.store.keepTheirs();
    await saved(a.store, b.store);
    // Keeping theirs keeps the other window's edit whole: the deletion, or the rename.
    if (asked === b) expect(fileTitles()).toHaveLength(2);
    else expect(fileTitles()).toContain('Renamed in B');
  });

  it('undo in a window undoes that window’s own edit only', async () => {
    const a = await openWindow(0);
    const b = await openWindow(1);
    const before = storyTitle(a.store, 'st-1');
    a.store.dispatch(title('st-1', 'A’s edit'));
    await a.store.whenSent();
    b.store.dispatch(title('st-2', 'B’s edit'));
    await until(() => storyTitle(a.store, 'st-2') === 'B’s edit', 'A to show B’s edit');
    a.store.undo();
    await saved(a.store, b.store);
    expect(fileTitles().slice(0, 2)).toEqual([before, 'B’s edit']);
    await until(() => storyTitle(b.store, 'st-1') === before, 'B to show the undo');
    expect(b.store.getSnapshot().canUndo).toBe(true);
  });

  it('after the service restarts, a window sends again its edits that were not on disk', async () => {
    for (const cleanup of cleanups) cleanup();
    await service.close({ force: true });
    ({ service } = await startService(tw, { writeDelayMs: 60_000 }, { maxWriteDelayMs: 120_000 }));
    let current = service;
    const proxy = new Proxy({} as WorkspaceService, { get: (_t, key: keyof WorkspaceService) => current[key] });
    cleanups = [connect(() => proxy)];
    const a = await openWindow(0);
    a.store.dispatch(title('st-1', 'Accepted, never written'));
    await a.store.whenSent();
    expect(a.store.getSnapshot().saveState).toBe('saving');
    // The service goes away without writing (a crash), and a new one starts on the same folder.
    const crashed = current;
    ({ service } = await startService(tw, { writeDelayMs: 20 }));
    current = service;
    // The main process forwards the new service's events to the windows.
    cleanups.push(forwardServiceEvents(service, () => windows.map((w) => w.webContents)));
    cleanups.push(() => void crashed.close({ force: true }).catch(() => undefined));
    expect(fileTitles()[0]).not.toBe('Accepted, never written');
    // The event stream coming back tells the window to catch up.
    const reconnected: WorkspaceEvent = { type: 'workspace.changed' };
    windows[0]?.webContents.send('pm:event', reconnected);
    await until(() => fileTitles()[0] === 'Accepted, never written', 'the edit to reach the file', 5000);
    await saved(a.store);
    expect(existsSync(join(tw.folder, 'alpha.product.json'))).toBe(true);
  });
});
