/**
 * The backlog toolbar's Import… and Export… buttons. Export writes the stories as CSV (every field;
 * importing it again restores them) or the backlog as Markdown into the workspace's exports folder
 * and says where; the product file itself (JSON) is a download, so the learner picks where it goes.
 * While shown, the backlog registers its store so a dropped file can go into this product.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { backlogCsv, backlogFileName } from '../../../../shared/export/backlogCsv';
import { backlogMarkdown } from '../../../../shared/export/backlogMarkdown';
import { serializeProduct } from '../../../../shared/model/productFile';
import type { Product } from '../../../../shared/model/schema';
import { errorMessage } from '../../components/errors';
import { downloadText, useExporter } from '../../components/exportFile';
import type { DocumentStore } from '../../state/documentStore';
import { requestImport, setActiveStore } from './importRequests';
import './BacklogTransfer.css';

/** Written into `exports/<product>/` (the app says where), or — the product file — downloaded. */
const EXPORTS = [
  { key: 'csv', label: 'Stories as CSV', hint: 'Every field; re-import restores the stories', target: 'exports', extension: 'csv', content: backlogCsv },
  { key: 'md', label: 'Backlog as Markdown', hint: 'By column, with criteria as checklists', target: 'exports', extension: 'md', content: backlogMarkdown },
  { key: 'json', label: 'Product file (JSON)', hint: 'The whole product: download it to keep or share', target: 'download', extension: 'product.json', content: serializeProduct },
] as const;

export function BacklogTransfer({ store, product }: { store: DocumentStore; product: Product }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exporter = useExporter(store.id, { className: 'transfer-notice' });
  const menuId = useId();
  const wrapper = useRef<HTMLDivElement | null>(null);
  const toggle = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    setActiveStore(store);
    return () => setActiveStore(null);
  }, [store]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !wrapper.current?.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="backlog-transfer" ref={wrapper}>
      <button type="button" onClick={() => requestImport({ store })}>
        Import…
      </button>
      <button ref={toggle} type="button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
        Export…
      </button>
      {open && (
        <div id={menuId} className="transfer-menu card" role="group" aria-label="Export the backlog">
          {EXPORTS.map((x) => (
            <button
              key={x.key}
              type="button"
              className="transfer-item"
              onClick={() => {
                const fileName = backlogFileName(product, x.extension);
                if (x.target === 'exports') {
                  setOpen(false);
                  toggle.current?.focus();
                  void exporter.exportText(fileName, () => x.content(product));
                  return;
                }
                try {
                  downloadText(fileName, x.content(product), 'application/json');
                  exporter.dismiss();
                  setError(null);
                  setOpen(false);
                  toggle.current?.focus();
                } catch (e) {
                  setError(`The export failed: ${errorMessage(e)}`);
                }
              }}
            >
              <span className="transfer-label">{x.label}</span>
              <span className="transfer-hint muted">{x.hint}</span>
            </button>
          ))}
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
        </div>
      )}
      {!open && exporter.notice}
    </div>
  );
}
