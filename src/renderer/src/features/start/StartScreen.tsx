import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiOutput } from '../../../../shared/api/contract';
import { combineProgress, type PracticeProgress } from '../../../../shared/practice/progress';
import { errorMessage } from '../../components/errors';
import { useClient } from '../../state/clientContext';
import { navigate } from '../../state/route';
import { ImportEntry } from '../import/ImportEntry';
import { RecoveredVersions } from './RecoveredVersions';
import { LIMITS } from '../../../../shared/model/limits';

type Listing = ApiOutput<'products.list'>;
type ProductEntry = Extract<Listing['products'][number], { status: 'ok' }>;
type BrokenEntry = Extract<Listing['products'][number], { status: 'broken' }>;
type TrashEntry = ApiOutput<'trash.list'>['entries'][number];

/** The start screen: the workspace's products, broken files, recovered versions, samples, new product, and trash. */
export function StartScreen() {
  const client = useClient();
  const [listing, setListing] = useState<Listing | null>(null);
  const [trash, setTrash] = useState<TrashEntry[]>([]);
  const [folder, setFolder] = useState<{ folder: string; canChooseFolder: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; restore?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(
    () =>
      Promise.all([client.api['products.list']({}), client.api['trash.list']({}), client.api['workspace.info']({})]).then(
        ([list, trashList, info]) => {
          setListing(list);
          setTrash(trashList.entries);
          setFolder(info);
        },
        (e: unknown) => setError(errorMessage(e)),
      ),
    [client],
  );

  useEffect(() => {
    document.title = 'PM Practice Workspace';
    void refresh();
    return client.subscribe((event) => {
      if (event.type === 'workspace.changed') void refresh();
    });
  }, [client, refresh]);

  /** Run an action, show its error, refresh the lists. */
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await action();
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
        await refresh();
      }
    },
    [refresh],
  );

  const products = listing?.products.filter((p): p is ProductEntry => p.status === 'ok') ?? [];
  const broken = listing?.products.filter((p): p is BrokenEntry => p.status === 'broken') ?? [];
  const workspaceProgress = combineProgress(products.map((p) => p.practice).filter((p): p is PracticeProgress => p !== undefined));

  return (
    <div className="start">
      <header className="start-header">
        <h1>PM Practice Workspace</h1>
        <p className="muted">
          Practise backlog refinement, prioritisation, roadmapping and spec writing on sample products. Every product is one JSON file in your workspace.
        </p>
        {folder && (
          <p className="workspace-folder">
            <span className="muted">Workspace folder:</span> <code>{folder.folder}</code>
            {folder.canChooseFolder && (
              <button type="button" className="link-button" onClick={() => void run(async () => void (await client.api['workspace.chooseFolder']({})))}>
                Change…
              </button>
            )}
          </p>
        )}
      </header>

      {error && (
        <div role="alert" className="banner banner-error">
          {error}
        </div>
      )}
      {notice && (
        <div role="status" className="banner banner-info">
          {notice.text}
          {notice.restore && (
            <button
              type="button"
              onClick={() => {
                const trashId = notice.restore;
                setNotice(null);
                if (trashId) void run(async () => void (await client.api['trash.restore']({ trashId })));
              }}
            >
              Undo
            </button>
          )}
        </div>
      )}

      <main className="start-main">
        <section aria-labelledby="products-heading" className="start-section">
          <h2 id="products-heading">Your products</h2>
          {workspaceProgress.exercises > 0 && (
            <p className="practice-summary" aria-label="Practice progress across the workspace">
              <strong>Practice:</strong> {progressText(workspaceProgress)} across your workspace.
            </p>
          )}
          {listing === null ? (
            <p className="muted">Loading…</p>
          ) : products.length === 0 ? (
            <p className="muted">No products yet. Start from a sample below, or create a blank product.</p>
          ) : (
            <ul className="product-list" aria-label="Your products">
              {products.map((p) => (
                <ProductRow
                  key={p.id}
                  entry={p}
                  busy={busy}
                  onOpen={() => navigate({ screen: 'product', id: p.id, view: 'backlog' })}
                  onDuplicate={() => run(async () => void (await client.api['product.duplicate']({ id: p.id })))}
                  onRename={(name) => run(async () => void (await client.api['product.rename']({ id: p.id, name })))}
                  onDelete={() =>
                    run(async () => {
                      const { trashId } = await client.api['product.delete']({ id: p.id });
                      setNotice({ text: `“${p.name}” moved to the trash.`, restore: trashId });
                    })
                  }
                />
              ))}
            </ul>
          )}
          <NewProductForm
            busy={busy}
            onCreate={(name) =>
              run(async () => {
                const { id } = await client.api['product.create']({ name });
                navigate({ screen: 'product', id, view: 'backlog' });
              })
            }
          />
          <ImportEntry />
        </section>

        {broken.length > 0 && (
          <section aria-labelledby="broken-heading" className="start-section">
            <h2 id="broken-heading">Files that could not be opened</h2>
            <p className="muted">These files are left exactly as they are. Fix them in a text editor, or restore a backup (.bak) beside them.</p>
            <ul className="broken-list" aria-label="Broken files">
              {broken.map((b) => (
                <li key={b.file} className="broken-item">
                  <strong>{b.file}</strong>
                  <p>{b.reason}</p>
                  <code className="path">{b.path}</code>
                </li>
              ))}
            </ul>
          </section>
        )}

        <RecoveredVersions onChanged={refresh} />

        <section aria-labelledby="samples-heading" className="start-section">
          <h2 id="samples-heading">Sample products</h2>
          <p className="muted">Each sample is copied into your workspace; the original is never changed, so you can start again at any time.</p>
          <ul className="sample-list" aria-label="Sample products">
            {listing?.samples.map((s) => (
              <li key={s.sampleId} className="card sample-card">
                <h3>{s.name}</h3>
                <p>{s.summary}</p>
                <p className="muted">{s.storyCount} stories</p>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Start practising with ${s.name}`}
                  onClick={() =>
                    run(async () => {
                      const { id } = await client.api['product.createFromSample']({ sampleId: s.sampleId });
                      navigate({ screen: 'product', id, view: 'backlog' });
                    })
                  }
                >
                  Start practising
                </button>
              </li>
            ))}
          </ul>
        </section>

        {trash.length > 0 && (
          <section aria-labelledby="trash-heading" className="start-section">
            <h2 id="trash-heading">Trash</h2>
            <ul className="trash-list" aria-label="Trash">
              {trash.map((t) => (
                <li key={t.trashId} className="trash-item">
                  <span>
                    {t.name} <span className="muted">deleted {new Date(t.deletedAt).toLocaleString()}</span>
                  </span>
                  <button type="button" disabled={busy} aria-label={`Restore ${t.name}`} onClick={() => run(async () => void (await client.api['trash.restore']({ trashId: t.trashId })))}>
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}

function ProductRow(props: {
  entry: ProductEntry;
  busy: boolean;
  onOpen: () => void;
  onDuplicate: () => void;
  onRename: (name: string) => void;
  onDelete: () => void;
}) {
  const { entry, busy } = props;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(entry.name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRenaming(false);
    if (name.trim() && name.trim() !== entry.name) props.onRename(name.trim());
  };

  return (
    <li className="card product-card">
      {renaming ? (
        <form onSubmit={submit} className="inline-form">
          <label>
            <span className="visually-hidden">New name for {entry.name}</span>
            <input value={name} autoFocus onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)} maxLength={LIMITS.shortText} />
          </label>
          <button type="submit">Save name</button>
          <button type="button" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <h3>
          <a
            href={`#/p/${entry.id}/backlog`}
            onClick={(e) => {
              e.preventDefault();
              props.onOpen();
            }}
          >
            {entry.name}
          </a>
        </h3>
      )}
      <p>{entry.summary}</p>
      <p className="muted">
        {entry.storyCount} stories · <code>{entry.id}.product.json</code>
        {entry.migratedFrom !== null && ` · will be upgraded from format v${entry.migratedFrom} on the next save`}
      </p>
      {entry.practice && entry.practice.exercises > 0 && (
        <p className="practice-progress" aria-label={`Practice progress for ${entry.name}`}>
          <span>Practice: {progressText(entry.practice)}</span>
          <span className="practice-progress-bar" aria-hidden="true">
            <span style={{ width: `${Math.round((100 * entry.practice.passed) / entry.practice.exercises)}%` }} />
          </span>
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={props.onOpen} aria-label={`Open ${entry.name}`}>
          Open
        </button>
        <button type="button" disabled={busy} onClick={props.onDuplicate} aria-label={`Duplicate ${entry.name}`}>
          Duplicate
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setName(entry.name);
            setRenaming(true);
          }}
          aria-label={`Rename ${entry.name}`}
        >
          Rename
        </button>
        <button type="button" disabled={busy} onClick={props.onDelete} aria-label={`Delete ${entry.name}`} className="danger">
          Delete
        </button>
      </div>
    </li>
  );
}

/** "2 of 6 exercises passed · 3 attempted · average best score 71". */
function progressText(p: PracticeProgress): string {
  const parts = [`${p.passed} of ${p.exercises} ${p.exercises === 1 ? 'exercise' : 'exercises'} passed`, `${p.attempted} attempted`];
  if (p.averageScore !== null) parts.push(`average best score ${p.averageScore}`);
  return parts.join(' · ');
}

function NewProductForm({ busy, onCreate }: { busy: boolean; onCreate: (name: string) => void }) {
  const [name, setName] = useState('');
  return (
    <form
      className="inline-form new-product"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) {
          onCreate(name.trim());
          setName('');
        }
      }}
    >
      <label>
        New blank product
        <input id="new-product-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Product name" maxLength={LIMITS.shortText} />
      </label>
      <button type="submit" disabled={busy || !name.trim()}>
        Create
      </button>
    </form>
  );
}
