/**
 * What became of an export, said where the learner clicked: "Saved to <path>" (with the whole path,
 * a "Copy path" button where the clipboard is available, and Dismiss), "Opened the print dialog" when
 * the browser makes the PDF, or the reason it failed. Rendered by `useExporter` (exportFile.ts).
 */
import { Fragment, useState } from 'react';
import './exportNotice.css';

export type ExportNoticeState =
  | { kind: 'saved'; path: string }
  /** The browser's print dialog is open on the page; its "Save as PDF" makes the file. */
  | { kind: 'printing'; fileName: string }
  | { kind: 'failed'; reason: string };

type CopyState = 'idle' | 'copied' | 'failed';

function clipboardWriter(): ((text: string) => Promise<void>) | null {
  if (typeof navigator === 'undefined') return null;
  const clipboard: Partial<Clipboard> | undefined = navigator.clipboard;
  if (typeof clipboard?.writeText !== 'function') return null;
  return (text) => navigator.clipboard.writeText(text);
}

/** A path that may wrap after each folder separator (not in the middle of a name). */
function WrappingPath({ path }: { path: string }) {
  const parts = path.split(/(?<=[/\\])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

export function ExportNotice({ state, onDismiss, className }: { state: ExportNoticeState; onDismiss: () => void; className?: string }) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const writeText = clipboardWriter();
  const classes = (tone: 'info' | 'error') => ['banner', `banner-${tone}`, 'export-notice', className].filter(Boolean).join(' ');

  const dismiss = (
    <button type="button" className="link-button" onClick={onDismiss}>
      Dismiss
    </button>
  );

  if (state.kind === 'failed') {
    return (
      <div role="alert" className={classes('error')}>
        <p className="export-notice-text">The export failed: {state.reason}</p>
        <div className="actions">{dismiss}</div>
      </div>
    );
  }

  if (state.kind === 'printing') {
    return (
      <div role="status" className={classes('info')}>
        <p className="export-notice-text">
          Opened the print dialog for <strong>{state.fileName}</strong>: choose “Save as PDF” to keep a PDF.
        </p>
        <div className="actions">{dismiss}</div>
      </div>
    );
  }

  const copyPath = (write: (text: string) => Promise<void>) => {
    write(state.path).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <div role="status" className={classes('info')}>
      <p className="export-notice-text export-notice-saved">
        <span className="export-notice-check" aria-hidden="true">
          ✓
        </span>
        <span>
          Saved to{' '}
          <code className="export-path">
            <WrappingPath path={state.path} />
          </code>
        </span>
      </p>
      <div className="actions">
        {copy === 'failed' && <span className="export-copy-failed">Could not copy: select the path instead.</span>}
        {writeText && (
          <button type="button" onClick={() => copyPath(writeText)}>
            {copy === 'copied' ? 'Copied' : 'Copy path'}
          </button>
        )}
        {dismiss}
      </div>
    </div>
  );
}
