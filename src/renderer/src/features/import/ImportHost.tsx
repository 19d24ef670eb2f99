/**
 * The one place the import dialog lives (mounted once in the app): opens it for the start screen's
 * and backlog's buttons, the File menu's "Import backlog…", and a file dropped anywhere on the
 * window (with a drop overlay while a file is dragged over it). Says what was imported afterwards.
 */
import { useEffect, useRef, useState } from 'react';
import { onAppCommand } from '../../api';
import type { DocumentStore } from '../../state/documentStore';
import { ImportDialog, type Destination } from './ImportDialog';
import { getActiveStore, onImportRequest, requestImport } from './importRequests';
import './ImportHost.css';

interface OpenDialog {
  key: number;
  file: File | null;
  store: DocumentStore | null;
  destination: Destination;
}

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function ImportHost() {
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const counter = useRef(0);

  useEffect(
    () =>
      onImportRequest((request) => {
        counter.current += 1;
        const store = request.store ?? getActiveStore();
        setDialog({ key: counter.current, file: request.file ?? null, store, destination: request.store ? 'open' : 'new' });
      }),
    [],
  );

  useEffect(() => onAppCommand((command) => command === 'import' && requestImport()), []);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      // Allow the drop (and keep the browser from opening the file instead).
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (e.defaultPrevented || !hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) requestImport({ file });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <>
      {dragging && (
        <div className="import-drop-overlay" aria-hidden="true">
          <div className="import-drop-card">
            <strong>Drop to import</strong>
            <span>a Jira CSV, a Trello board JSON, any CSV of stories, or a product file</span>
          </div>
        </div>
      )}
      <div className="import-notice-region" role="status" aria-live="polite">
        {notice && (
          <p className="import-notice">
            {notice}
            <button type="button" className="link-button" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        )}
      </div>
      {dialog && (
        <ImportDialog
          key={dialog.key}
          initialFile={dialog.file}
          store={dialog.store}
          defaultDestination={dialog.destination}
          onClose={() => setDialog(null)}
          onImported={setNotice}
        />
      )}
    </>
  );
}
