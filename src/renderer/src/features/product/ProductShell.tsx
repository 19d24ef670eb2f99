import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../../shared/api/contract';
import { errorMessage } from '../../components/errors';
import { useClient } from '../../state/clientContext';
import { DocumentStore } from '../../state/documentStore';
import { browserStashStorage } from '../../state/unsavedStash';
import { navigate, VIEWS, type View } from '../../state/route';
import { useDocument } from '../../state/useDocument';
import { highlightedStoryIds } from '../../../../shared/practice/scope';
import { BacklogView } from '../backlog/BacklogView';
import { PRACTICE_PANEL_ID, PracticePanel } from '../practice/PracticePanel';
import { PracticeScopeContext, type PracticeScope } from '../practice/PracticeScope';
import { usePracticeState } from '../practice/usePracticeState';
import { PrioritizeView } from '../prioritize/PrioritizeView';
import { RoadmapView } from '../roadmap/RoadmapView';
import { SpecView } from '../spec/SpecView';
import { DocumentBanner } from './DocumentBanner';
import { FieldConflictDialog } from './FieldConflictDialog';
import { SaveIndicator } from './SaveIndicator';
import { useUndoShortcuts } from './useUndoShortcuts';
import { ViewErrorBoundary } from './ViewErrorBoundary';

const VIEW_LABELS: Record<View, string> = {
  backlog: 'Backlog',
  prioritize: 'Prioritize',
  roadmap: 'Roadmap',
  spec: 'Spec',
};

/** Delays between attempts to open a product while the service cannot be reached. */
const OPEN_RETRY_MS = [1000, 2000, 4000] as const;

/** Opens a product and shows its views; owns the product's document store. */
export function ProductShell({ id, view }: { id: string; view: View }) {
  const client = useClient();
  const [store, setStore] = useState<DocumentStore | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let opened: DocumentStore | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let attempt = 0;
    const open = () => {
      client.api['product.open']({ id }).then(
        (result) => {
          if (disposed) {
            // Left before it opened: this view no longer shows it.
            void client.api['product.close']({ id }).catch(() => undefined);
            return;
          }
          setError(null);
          opened = new DocumentStore(client, id, result, { stash: browserStashStorage() });
          setStore(opened);
        },
        (e: unknown) => {
          if (disposed) return;
          // The service cannot be reached (stopped, restarting): keep trying, with back-off.
          if (e instanceof ApiError && e.code === 'internal') {
            const delay = OPEN_RETRY_MS[Math.min(attempt, OPEN_RETRY_MS.length - 1)] ?? 4000;
            attempt += 1;
            setError(`${errorMessage(e)} Trying again in ${Math.round(delay / 1000)} s.`);
            retry = setTimeout(open, delay);
            return;
          }
          setError(errorMessage(e));
        },
      );
    };
    open();
    return () => {
      disposed = true;
      if (retry !== null) clearTimeout(retry);
      const closing = opened;
      if (!closing) return;
      closing.dispose();
      // Once this view's last edits have reached the service, it may save the product and let it go.
      void closing
        .whenSent()
        .then(() => client.api['product.close']({ id }))
        .catch(() => undefined);
    };
  }, [client, id]);

  if (error) {
    return (
      <div className="start">
        <div role="alert" className="banner banner-error">
          This product could not be opened: {error}
        </div>
        <button type="button" onClick={() => navigate({ screen: 'start' })}>
          Back to all products
        </button>
      </div>
    );
  }
  if (!store) return <p className="loading">Opening…</p>;
  return <OpenProduct store={store} view={view} />;
}

function OpenProduct({ store, view }: { store: DocumentStore; view: View }) {
  const doc = useDocument(store);
  useUndoShortcuts(store);
  useUnsavedGuard(store);
  const [practice, setPractice] = usePracticeState(store.id);
  const exercise = practice.open && practice.exerciseId !== null ? doc.product.practice.exercises.find((e) => e.id === practice.exerciseId) : undefined;
  const scope = useMemo<PracticeScope | null>(
    () => (exercise ? { exerciseTitle: exercise.title, storyIds: highlightedStoryIds(doc.product, exercise) } : null),
    [exercise, doc.product],
  );

  useEffect(() => {
    document.title = `${doc.product.name} — ${VIEW_LABELS[view]} — PM Practice Workspace`;
  }, [doc.product.name, view]);

  return (
    <div className="shell">
      <header className="topbar">
        <a
          href="#/"
          className="home-link"
          onClick={(e) => {
            e.preventDefault();
            void store.whenSent().then(() => navigate({ screen: 'start' }));
          }}
        >
          ← All products
        </a>
        <h1 className="product-name">{doc.product.name}</h1>
        <nav aria-label="Views" className="view-nav">
          {VIEWS.map((v) => (
            <a
              key={v}
              href={`#/p/${store.id}/${v}`}
              aria-current={v === view ? 'page' : undefined}
              className={v === view ? 'active' : undefined}
            >
              {VIEW_LABELS[v]}
            </a>
          ))}
        </nav>
        <div className="topbar-actions">
          <button
            type="button"
            className="practice-toggle"
            aria-pressed={practice.open}
            aria-controls={practice.open ? PRACTICE_PANEL_ID : undefined}
            onClick={() => setPractice({ ...practice, open: !practice.open })}
          >
            Practice
          </button>
          <button type="button" onClick={() => store.undo()} disabled={!doc.canUndo} title={doc.undoLabel ? `Undo ${doc.undoLabel}` : 'Nothing to undo'} aria-keyshortcuts="Control+Z Meta+Z">
            Undo
          </button>
          <button type="button" onClick={() => store.redo()} disabled={!doc.canRedo} title={doc.redoLabel ? `Redo ${doc.redoLabel}` : 'Nothing to redo'} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">
            Redo
          </button>
          <SaveIndicator state={doc.saveState} pending={doc.pending} reason={doc.notSavedReason} />
        </div>
      </header>
      <DocumentBanner store={store} doc={doc} />
      {doc.fieldConflict && <FieldConflictDialog key={doc.fieldConflict.conflicts.map((c) => `${c.entity}/${c.field}`).join()} store={store} prompt={doc.fieldConflict} />}
      <div className="practice-layout">
        <PracticeScopeContext.Provider value={scope}>
          <main className="view" id="main">
            <ViewErrorBoundary key={view} view={VIEW_LABELS[view]}>
              {view === 'backlog' && <BacklogView store={store} product={doc.product} />}
              {view === 'prioritize' && <PrioritizeView store={store} product={doc.product} />}
              {view === 'roadmap' && <RoadmapView store={store} product={doc.product} />}
              {view === 'spec' && <SpecView store={store} product={doc.product} />}
            </ViewErrorBoundary>
          </main>
        </PracticeScopeContext.Provider>
        {practice.open && <PracticePanel store={store} product={doc.product} view={view} state={practice} onChange={setPractice} />}
      </div>
    </div>
  );
}

/**
 * Before the page goes away (reload, close, another address) with edits that are not on disk: keep
 * them in the tab's storage, and ask. (The desktop app saves on close in the main process.)
 */
function useUnsavedGuard(store: DocumentStore): void {
  const client = useClient();
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      store.stashNow();
      if (client.shell !== 'web' || !store.hasUnsaved()) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    const onPageHide = () => store.stashNow();
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [client, store]);
}
