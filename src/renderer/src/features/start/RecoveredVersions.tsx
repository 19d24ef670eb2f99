import { useModalDialog } from '../../components/useModalDialog';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ApiOutput } from '../../../../shared/api/contract';
import { errorMessage } from '../../components/errors';
import { useClient } from '../../state/clientContext';
import './recoveredVersions.css';

type RecoveredVersion = ApiOutput<'recovery.list'>['entries'][number];

function nameOf(entry: RecoveredVersion): string {
  return entry.status === 'ok' ? entry.name : entry.productId;
}

function whenOf(entry: RecoveredVersion): string {
  return new Date(entry.savedAt).toLocaleString();
}

/**
 * "Recovered versions" on the start screen: the versions of the learner's work the app set aside
 * rather than lose (see `src/main/core/recoveredVersions.ts`). Shown only when there are any. A
 * version is restored as a new product (nothing opens; the product list gains it) and stays here
 * until the learner deletes it, after confirming.
 *
 * The live region is outside the section so that "deleted" is still announced when the last
 * version goes and the section with it.
 */
export function RecoveredVersions({ onChanged }: { onChanged: () => Promise<void> }) {
  const client = useClient();
  const [entries, setEntries] = useState<RecoveredVersion[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<RecoveredVersion | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const refresh = useCallback(
    () =>
      client.api['recovery.list']({}).then(
        (list) => setEntries(list.entries),
        (e: unknown) => setError(errorMessage(e)),
      ),
    [client],
  );

  useEffect(() => {
    void refresh();
    return client.subscribe((event) => {
      if (event.type === 'workspace.changed') void refresh();
    });
  }, [client, refresh]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setAnnouncement('');
    try {
      setAnnouncement(await action());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      await Promise.all([refresh(), onChanged()]);
    }
  };

  const restore = (entry: RecoveredVersion) =>
    run(async () => {
      const { id } = await client.api['recovery.restore']({ recoveryId: entry.recoveryId });
      const listed = (await client.api['products.list']({})).products.find((p) => p.status === 'ok' && p.id === id);
      const newName = listed?.status === 'ok' ? listed.name : id;
      return `Restored “${nameOf(entry)}” as a copy: “${newName}” is now in Your products.`;
    });

  const remove = (entry: RecoveredVersion) => {
    setConfirming(null);
    void run(async () => {
      await client.api['recovery.delete']({ recoveryId: entry.recoveryId });
      return `Deleted the recovered version of “${nameOf(entry)}”.`;
    }).then(() => headingRef.current?.focus());
  };

  return (
    <>
      <div role="status" className={announcement ? 'banner banner-info recovered-announcement' : 'visually-hidden'}>
        {announcement}
      </div>
      {(entries.length > 0 || error) && (
        <section aria-labelledby="recovered-heading" className="start-section">
          <h2 id="recovered-heading" ref={headingRef} tabIndex={-1}>
            Recovered versions
          </h2>
          <p className="muted">
            Versions of your work the app set aside rather than lose. Each stays here until you delete it; restoring one makes a new product and changes
            nothing else.
          </p>
          {error && (
            <div role="alert" className="banner banner-error">
              {error}
            </div>
          )}
          <ul className="recovered-list" aria-label="Recovered versions">
            {entries.map((entry) => (
              <RecoveredItem key={entry.recoveryId} entry={entry} busy={busy} onRestore={() => void restore(entry)} onDelete={() => setConfirming(entry)} />
            ))}
          </ul>
        </section>
      )}
      {confirming && <ConfirmDeleteDialog entry={confirming} onConfirm={() => remove(confirming)} onClose={() => setConfirming(null)} />}
    </>
  );
}

function RecoveredItem({ entry, busy, onRestore, onDelete }: { entry: RecoveredVersion; busy: boolean; onRestore: () => void; onDelete: () => void }) {
  const name = nameOf(entry);
  const when = whenOf(entry);
  // The buttons' names say which version they act on; the visible text stays short.
  const which = <span className="visually-hidden">{` ${name}, set aside ${when}`}</span>;
  return (
    <li className={`card recovered-item${entry.status === 'broken' ? ' recovered-broken' : ''}`}>
      <h3>{name}</h3>
      <p>{entry.reason}.</p>
      <p className="muted">
        Set aside <time dateTime={new Date(entry.savedAt).toISOString()}>{when}</time>
        {entry.status === 'ok' && ` · ${entry.storyCount} ${entry.storyCount === 1 ? 'story' : 'stories'}`}
      </p>
      {entry.status === 'broken' && (
        <>
          <p>This file can no longer be read, so it cannot be restored: {entry.problem}</p>
          <code className="path">{entry.path}</code>
        </>
      )}
      <div className="actions">
        {entry.status === 'ok' && (
          <button type="button" disabled={busy} onClick={onRestore}>
            Restore as a copy{which}
          </button>
        )}
        <button type="button" disabled={busy} onClick={onDelete} className="danger">
          Delete…{which}
        </button>
      </div>
    </li>
  );
}

/** A modal confirmation; Cancel has the focus first, so Enter alone never deletes. */
function ConfirmDeleteDialog({ entry, onConfirm, onClose }: { entry: RecoveredVersion; onConfirm: () => void; onClose: () => void }) {
  const ref = useModalDialog();
  const headingId = useId();
  const textId = useId();


  return (
    <dialog ref={ref} className="recovered-dialog" aria-labelledby={headingId} aria-describedby={textId} onClose={onClose} onCancel={onClose}>
      <h2 id={headingId}>Delete this recovered version?</h2>
      <p id={textId}>
        The version of “{nameOf(entry)}” set aside {whenOf(entry)} will be deleted for good. It does not go to the trash. Your products are not
        changed.
      </p>
      <div className="actions recovered-dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          Delete recovered version
        </button>
      </div>
    </dialog>
  );
}
