import { useState } from 'react';
import type { ConflictChoice } from '../../../../shared/api/contract';
import { serializeProduct } from '../../../../shared/model/productFile';
import { downloadText } from '../../components/exportFile';
import { errorMessage } from '../../components/errors';
import type { DocumentState, DocumentStore } from '../../state/documentStore';

/** The learner's own version of the product as a file they can keep anywhere. */
function downloadMine(store: DocumentStore, product = store.getSnapshot().product): void {
  downloadText(`${product.id}-unsaved.product.json`, serializeProduct(product), 'application/json');
}

/**
 * What stands between the learner's work and the disk, most important first: a conflict with the
 * file on disk (its choices stay until one is made), edits that are not saved (with the reason
 * and a download of the learner's version), unsaved edits of an earlier session, a refused change.
 */
export function DocumentBanner({ store, doc }: { store: DocumentStore; doc: DocumentState }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; copyId: string | null } | null>(null);

  const act = async (action: () => Promise<{ text: string; copyId: string | null } | null>) => {
    setBusy(true);
    try {
      setResult(await action());
    } catch (e) {
      setResult({ text: `That did not work: ${errorMessage(e)}`, copyId: null });
    } finally {
      setBusy(false);
    }
  };
  const resolve = (choice: ConflictChoice, done: string) =>
    void act(async () => {
      const copyId = await store.resolveDiskConflict(choice);
      return { text: copyId ? `${done} Your version is now the product “${copyId}”.` : done, copyId };
    });

  const outcome = result && (
    <div role="status" className="banner banner-info">
      <p>
        {result.text} {result.copyId && <a href={`#/p/${result.copyId}/backlog`}>Open your copy</a>}
      </p>
      <button type="button" onClick={() => setResult(null)}>
        Dismiss
      </button>
    </div>
  );

  const conflict = doc.diskConflict;
  if (conflict) {
    return (
      <div role="alert" className="banner banner-warning" aria-label="Conflict with the file on disk">
        <p>
          <strong>This product changed on disk.</strong> {conflict.message}
          {conflict.canMerge && ' The two versions changed different things, so both can be kept.'}
        </p>
        <div className="actions">
          {conflict.canMerge && (
            <button type="button" disabled={busy} onClick={() => resolve('merge', 'Both versions were merged and saved.')}>
              Merge both
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => resolve('keep-mine-as-copy', 'Your version was saved as a new product; this one now shows the version on disk.')}>
            Keep mine as a copy
          </button>
          {conflict.disk === 'changed' && (
            <button
              type="button"
              disabled={busy}
              onClick={() => resolve('take-disk', 'This product now shows the version on disk. Yours is kept under “Recovered versions” on the start screen.')}
            >
              Take the version on disk
            </button>
          )}
          {conflict.disk === 'missing' && (
            <button type="button" disabled={busy} onClick={() => resolve('write-mine', 'Your version was written back to the workspace.')}>
              Write mine back
            </button>
          )}
        </div>
        {result && <p className="banner-result">{result.text}</p>}
      </div>
    );
  }

  if (doc.saveState === 'error' && doc.notSavedReason !== null && doc.fieldConflict === null) {
    return (
      <div role="alert" className="banner banner-error" aria-label="Not saved">
        <p>
          <strong>Not saved.</strong> {doc.notSavedReason.replace(/^Not saved: /, '')}
        </p>
        <div className="actions">
          <button type="button" onClick={() => downloadMine(store)}>
            Download my version
          </button>
        </div>
      </div>
    );
  }

  if (doc.recovery) {
    const when = new Date(doc.recovery.savedAt).toLocaleString();
    return (
      <div role="alert" className="banner banner-warning" aria-label="Unsaved changes from earlier">
        <p>
          <strong>
            {doc.recovery.edits === 1 ? 'One change' : `${doc.recovery.edits} changes`} from {when} did not reach the disk.
          </strong>{' '}
          They were kept in this tab. Apply them here, keep them as a separate product, or download them.
        </p>
        <div className="actions">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const skipped = store.applyRecovered();
                return { text: skipped > 0 ? `Applied; ${skipped} no longer applied to this version.` : 'Your earlier changes were applied.', copyId: null };
              })
            }
          >
            Apply them
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const recovered = store.recoveredVersion();
                if (!recovered) return null;
                const copyId = await store.saveAsCopy(recovered.product, `${recovered.product.name} (unsaved changes)`);
                store.discardRecovered();
                return { text: 'Your earlier changes were saved as a new product.', copyId };
              })
            }
          >
            Save them as a copy
          </button>
          <button
            type="button"
            onClick={() => {
              const recovered = store.recoveredVersion();
              if (recovered) downloadMine(store, recovered.product);
            }}
          >
            Download them
          </button>
          <button type="button" disabled={busy} onClick={() => store.discardRecovered()}>
            Discard them
          </button>
        </div>
      </div>
    );
  }

  const banner = doc.banner;
  if (banner) {
    return (
      <div role="alert" className="banner banner-warning">
        <p>{banner.message}</p>
        <button type="button" onClick={() => store.dismissBanner()}>
          Dismiss
        </button>
      </div>
    );
  }
  return outcome;
}
