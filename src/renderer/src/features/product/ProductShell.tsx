import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../components/errors';
import { useClient } from '../../state/clientContext';
import { DocumentStore } from '../../state/documentStore';
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
import { SaveIndicator } from './SaveIndicator';
import { useUndoShortcuts } from './useUndoShortcuts';
import { ViewErrorBoundary } from './ViewErrorBoundary';

const VIEW_LABELS: Record<View, string> = {
  backlog: 'Backlog',
  prioritize: 'Prioritize',
  roadmap: 'Roadmap',
  spec: 'Spec',
};

/** Opens a product and shows its views; owns the product's document store. */
export function ProductShell({ id, view }: { id: string; view: View }) {
  const client = useClient();
  const [store, setStore] = useState<DocumentStore | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let opened: DocumentStore | null = null;
    client.api['product.open']({ id }).then(
      (result) => {
        if (disposed) {
          // Left before it opened: this view no longer shows it.
          void client.api['product.close']({ id }).catch(() => undefined);
          return;
        }
        opened = new DocumentStore(client, id, result.product, result.revision);
        setStore(opened);
      },
      (e: unknown) => !disposed && setError(errorMessage(e)),
    );
    return () => {
      disposed = true;
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
          <SaveIndicator state={doc.saveState} pending={doc.pending} />
        </div>
      </header>
      <DocumentBanner store={store} banner={doc.banner} />
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
