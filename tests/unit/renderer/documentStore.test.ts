/**
 * The renderer's document store sends edits after the frame that shows them: at once in the
 * document, in one request per frame, in order, each against the revision the service confirmed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceClient, WorkspaceEvent } from '../../../src/shared/api/contract';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { DocumentStore } from '../../../src/renderer/src/state/documentStore';
import { afterFrame } from '../../../src/renderer/src/state/afterFrame';
import { richProduct } from '../shared/productBuilders';

interface Sent {
  baseRevision: number;
  edits: Edit[];
}

function fakeClient(): { client: WorkspaceClient; sent: Sent[] } {
  const sent: Sent[] = [];
  let revision = 1;
  const api = {
    'product.applyEdits': async (input: { baseRevision: number; edits: Edit[] }) => {
      sent.push({ baseRevision: input.baseRevision, edits: input.edits });
      revision += 1;
      return { status: 'applied', revision };
    },
  };
  const client = { api, subscribe: (_listener: (event: WorkspaceEvent) => void) => () => undefined } as unknown as WorkspaceClient;
  return { client, sent };
}

const title = (id: string, text: string): Edit => ({ type: 'story.update', id, patch: { title: text } });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('DocumentStore sending', () => {
  it('applies edits at once and sends the edits of one turn in one request, in order', async () => {
    const { client, sent } = fakeClient();
    const store = new DocumentStore(client, 'rich', { product: richProduct(), revision: 1, migratedFrom: null, epoch: 'e1', savedRevision: 1, conflict: null });
    store.dispatch(title('s1', 'First'));
    store.dispatch(title('s2', 'Second'));
    expect(store.getSnapshot().product.stories.find((s) => s.id === 's2')?.title).toBe('Second');
    expect(store.getSnapshot().saveState).toBe('saving');
    expect(sent).toEqual([]);
    await store.whenSent();
    expect(sent).toEqual([{ baseRevision: 1, edits: [title('s1', 'First'), title('s2', 'Second')] }]);
    store.dispatch(title('s1', 'Third'));
    await store.whenSent();
    // The answer (revision 2) came before the event stream's copy of the batch: the next batch is made on it.
    expect(sent[1]).toEqual({ baseRevision: 2, edits: [title('s1', 'Third')] });
  });

  it('waits for the frame to be drawn, or for the fallback timer when no frame comes', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    const ran: string[] = [];
    afterFrame(() => ran.push('drawn'));
    vi.advanceTimersByTime(50);
    expect(ran).toEqual([]);
    frames.shift()?.();
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['drawn']);
    vi.advanceTimersByTime(200);
    expect(ran).toEqual(['drawn']);
    // A hidden page draws no frame: the timer runs the task, once.
    afterFrame(() => ran.push('hidden'), 100);
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['drawn', 'hidden']);
    frames.shift()?.();
    vi.advanceTimersByTime(10);
    expect(ran).toEqual(['drawn', 'hidden']);
  });
});
