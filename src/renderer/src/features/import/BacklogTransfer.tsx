/**
 * The backlog toolbar's Import… and Export… buttons. Export offers the stories as CSV (every
 * field; importing it again restores them), the backlog as Markdown, and the product file (JSON),
 * each as a download. While shown, the backlog registers its store so a dropped file can go into
 * this product.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { backlogCsv, backlogFileName } from '../../../../shared/export/backlogCsv';
import { backlogMarkdown } from '../../../../shared/export/backlogMarkdown';
import { serializeProduct } from '../../../../shared/model/productFile';
import type { Product } from '../../../../shared/model/schema';
import { errorMessage } from '../../components/errors';
import type { DocumentStore } from '../../state/documentStore';
import { downloadFile } from './downloadFile';
import { requestImport, setActiveStore } from './importRequests';
import './import.css';

const EXPORTS = [
  { key: 'csv', label: 'Stories as CSV', hint: 'Every field; re-import restores the stories', make: (p: Product) => ({ name: backlogFileName(p, 'csv'), content: backlogCsv(p), type: 'text/csv;charset=utf-8' }) },
  { key: 'md', label: 'Backlog as Markdown', hint: 'By column, with criteria as checklists', make: (p: Product) => ({ name: backlogFileName(p, 'md'), content: backlogMarkdown(p), type: 'text/markdown;charset=utf-8' }) },
  { key: 'json', label: 'Product file (JSON)', hint: 'The whole product, to keep or share', make: (p: Product) => ({ name: backlogFileName(p, 'product.json'), content: serializeProduct(p), type: 'application/json' }) },
] as const;

export function BacklogTransfer({ store, product }: { store: DocumentStore; product: Product }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
                try {
                  const file = x.make(product);
                  downloadFile(file.name, file.content, file.type);
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
    </div>
  );
}
