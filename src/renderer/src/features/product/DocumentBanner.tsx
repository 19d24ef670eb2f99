import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import type { Banner, DocumentStore } from '../../state/documentStore';

/** The banner for a change on disk, a failed save, or a refused change. */
export function DocumentBanner({ store, banner }: { store: DocumentStore; banner: Banner | null }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  if (!banner) return result ? <div role="status" className="banner banner-info">{result}</div> : null;

  const act = async (action: () => Promise<string | undefined>) => {
    setBusy(true);
    try {
      const message = await action();
      setResult(message ?? null);
    } catch (e) {
      setResult(`That did not work: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  if (banner.kind === 'conflict') {
    return (
      <div role="alert" className="banner banner-warning">
        <p>
          <strong>This product changed on disk.</strong> {banner.message} Your unsaved changes are kept until you choose.
        </p>
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void act(async () => `Your version was saved as a new product (${await store.keepMineAsCopy()}).`)}>
            Keep mine as a copy
          </button>
          <button type="button" disabled={busy} onClick={() => void act(async () => {
            await store.takeDiskVersion();
            return undefined;
          })}>
            Take the version on disk
          </button>
        </div>
      </div>
    );
  }
  return (
    <div role="alert" className={`banner ${banner.kind === 'save-error' ? 'banner-error' : 'banner-warning'}`}>
      <p>
        {banner.kind === 'save-error' ? <strong>Your changes could not be saved yet.</strong> : null} {banner.message}
        {banner.kind === 'save-error' && ' They are kept here and saving will be retried.'}
      </p>
      <button type="button" onClick={() => store.dismissBanner()}>
        Dismiss
      </button>
    </div>
  );
}
