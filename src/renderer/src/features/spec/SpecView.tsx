/**
 * The Spec view: the product's specs (create from a template, rename, duplicate, delete — each an
 * undoable edit), the editor for the chosen one, completeness checks and linked stories beside
 * it, exports (Markdown, HTML, print-to-PDF) and the portfolio pack.
 */
// This component's stylesheet first: its parts' stylesheets, imported with them below, refine it.
import './SpecView.css';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { specFileName, specToHtml, specToMarkdown } from '../../../../shared/export/spec';
import { LIMITS, type Product, type SpecTemplate } from '../../../../shared/model/schema';
import { createSpec, duplicateSpec } from '../../../../shared/spec/specList';
import { SPEC_TEMPLATES } from '../../../../shared/spec/templates';
import { CommitField } from '../../components/CommitField';
import { useExporter } from '../../components/exportFile';
import type { DocumentStore } from '../../state/documentStore';
import { NewSpecDialog } from './NewSpecDialog';
import { PortfolioDialog } from './PortfolioDialog';
import { SpecEditor, type SpecEditorHandle } from './SpecEditor';
import { SpecSidePanel } from './SpecSidePanel';
import { backlogHref } from './specData';

/** The spec id in the address, `#/p/<product>/spec/<spec>`, so a reload reopens the same spec. */
function specIdFromHash(): string | null {
  const m = /^#\/p\/[a-z0-9-]+\/spec\/([A-Za-z0-9_-]+)/.exec(window.location.hash);
  return m?.[1] ?? null;
}

function rememberSpec(productId: string, specId: string | null): void {
  const hash = specId ? `#/p/${productId}/spec/${specId}` : `#/p/${productId}/spec`;
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}

type Notice = { text: string; undo: boolean } | null;

export function SpecView({ store, product }: { store: DocumentStore; product: Product }) {
  const [selected, setSelected] = useState<string | null>(() => {
    const fromHash = specIdFromHash();
    return product.specs.some((s) => s.id === fromHash) ? fromHash : (product.specs[0]?.id ?? null);
  });
  const [dialog, setDialog] = useState<'new' | 'portfolio' | null>(null);
  const [notice, setNoticeState] = useState<Notice>(null);
  const exporter = useExporter(store.id, { className: 'spec-notice' });
  const { dismiss: dismissExport } = exporter;
  /** One message at a time: an edit's notice replaces an export's and the other way round. */
  const setNotice = useCallback(
    (next: Notice) => {
      setNoticeState(next);
      if (next) dismissExport();
    },
    [dismissExport],
  );
  const [exportOpen, setExportOpen] = useState(false);
  const [typing, setTyping] = useState(false);
  const editorHandle = useRef<SpecEditorHandle | null>(null);
  const exportToggle = useRef<HTMLButtonElement | null>(null);
  const handleRef = useCallback((h: SpecEditorHandle | null) => (editorHandle.current = h), []);
  const listHeading = useId();
  const exportMenuId = useId();

  const spec = product.specs.find((s) => s.id === selected) ?? product.specs[0] ?? null;

  useEffect(() => rememberSpec(store.id, spec?.id ?? null), [store.id, spec?.id]);

  const flush = () => editorHandle.current?.flush();
  const select = (id: string) => {
    flush();
    setSelected(id);
    setExportOpen(false);
  };

  const create = (template: SpecTemplate, title: string) => {
    const created = createSpec(store.getSnapshot().product, template, title);
    store.dispatch({ type: 'spec.add', spec: created }, `Create “${created.title}”`);
    setDialog(null);
    setSelected(created.id);
    setNotice({ text: `Created “${created.title}” from the ${SPEC_TEMPLATES[template].label} template.`, undo: false });
    requestAnimationFrame(() => editorHandle.current?.focus());
  };

  const duplicate = () => {
    if (!spec) return;
    flush();
    const current = store.getSnapshot().product.specs.find((s) => s.id === spec.id) ?? spec;
    const copy = duplicateSpec(store.getSnapshot().product, current);
    const index = store.getSnapshot().product.specs.findIndex((s) => s.id === spec.id) + 1;
    store.dispatch({ type: 'spec.add', spec: copy, index }, `Duplicate “${current.title}”`);
    setSelected(copy.id);
    setNotice({ text: `Duplicated as “${copy.title}”.`, undo: true });
  };

  const remove = () => {
    if (!spec) return;
    flush();
    const specs = store.getSnapshot().product.specs;
    const index = specs.findIndex((s) => s.id === spec.id);
    const next = specs[index + 1] ?? specs[index - 1] ?? null;
    store.dispatch({ type: 'spec.delete', id: spec.id }, `Delete “${spec.title}”`);
    setSelected(next?.id ?? null);
    setNotice({ text: `Deleted “${spec.title}”.`, undo: true });
  };

  const exportAs = (kind: 'md' | 'html' | 'pdf') => {
    if (!spec) return;
    flush();
    const current = store.getSnapshot().product;
    const latest = current.specs.find((s) => s.id === spec.id) ?? spec;
    setExportOpen(false);
    // The menu closes: focus goes back to its button (and there again when the notice is dismissed).
    exportToggle.current?.focus();
    setNotice(null);
    const fileName = specFileName(latest, kind);
    if (kind === 'md') void exporter.exportText(fileName, () => specToMarkdown(latest, current));
    else if (kind === 'html') void exporter.exportText(fileName, () => specToHtml(latest, current));
    else void exporter.exportPdf(fileName, () => specToHtml(latest, current));
  };

  return (
    <div className="spec-view">
      <nav className="spec-nav" aria-labelledby={listHeading}>
        <div className="spec-nav-head">
          <h2 id={listHeading}>Specs</h2>
          <button type="button" className="primary" onClick={() => setDialog('new')}>
            New spec
          </button>
        </div>
        {product.specs.length === 0 ? (
          <p className="muted">No specs yet. Start from a PRD, a one-page brief or a metric tree.</p>
        ) : (
          <ul className="spec-items">
            {product.specs.map((s) => (
              <li key={s.id}>
                <button type="button" className="spec-item" aria-current={s.id === spec?.id ? 'page' : undefined} onClick={() => select(s.id)}>
                  <span className="spec-item-title">{s.title}</span>
                  <span className="spec-item-kind">{SPEC_TEMPLATES[s.template].label}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="spec-nav-foot">
          <button
            type="button"
            onClick={() => {
              flush();
              setDialog('portfolio');
            }}
          >
            Portfolio pack…
          </button>
          <p className="muted">Export a cover, specs, roadmap, prioritisation and backlog as one page.</p>
        </div>
      </nav>

      <section className="spec-main" aria-label="Spec editor">
        {exporter.notice}
        {notice && (
          <div className="banner banner-info spec-notice" role="status">
            <p>{notice.text}</p>
            <div className="actions">
              {notice.undo && (
                <button
                  type="button"
                  onClick={() => {
                    store.undo();
                    setNotice(null);
                  }}
                >
                  Undo
                </button>
              )}
              <button type="button" className="link-button" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </div>
          </div>
        )}
        {spec ? (
          <>
            <header className="spec-header">
              <CommitField
                key={spec.id}
                className="spec-title-field"
                label="Title"
                value={spec.title}
                maxLength={LIMITS.shortText}
                validate={(v) => (v.trim() === '' ? 'A spec needs a title.' : null)}
                onCommit={(title) => store.dispatch({ type: 'spec.update', id: spec.id, patch: { title: title.trim() } }, 'Rename spec')}
              />
              <div className="spec-header-actions">
                <span className="template-badge">{SPEC_TEMPLATES[spec.template].label}</span>
                <span className="typing-state" role="status">
                  {typing ? 'Editing…' : ''}
                </span>
                <button type="button" onClick={duplicate}>
                  Duplicate
                </button>
                <button type="button" className="danger" onClick={remove}>
                  Delete
                </button>
                <div className="export-menu">
                  <button ref={exportToggle} type="button" aria-expanded={exportOpen} aria-controls={exportMenuId} onClick={() => setExportOpen((o) => !o)}>
                    Export ▾
                  </button>
                  {exportOpen && (
                    <ul id={exportMenuId} className="export-options" onKeyDown={(e) => e.key === 'Escape' && setExportOpen(false)}>
                      <li>
                        <button type="button" onClick={() => exportAs('md')}>
                          Markdown (.md)
                        </button>
                      </li>
                      <li>
                        <button type="button" onClick={() => exportAs('html')}>
                          HTML page (.html)
                        </button>
                      </li>
                      <li>
                        <button type="button" onClick={() => exportAs('pdf')}>
                          PDF (.pdf)
                        </button>
                      </li>
                    </ul>
                  )}
                </div>
              </div>
            </header>
            <SpecEditor key={spec.id} store={store} product={product} spec={spec} handleRef={handleRef} onPendingChange={setTyping} />
          </>
        ) : (
          <div className="spec-empty">
            <h2>Write the documents a PM is judged by</h2>
            <p>A PRD, a one-page brief or a metric tree — with prompts that say what good looks like, checks beside the text, and stories linked from your backlog.</p>
            <button type="button" className="primary" onClick={() => setDialog('new')}>
              Create your first spec
            </button>
          </div>
        )}
      </section>

      {spec && (
        <SpecSidePanel
          store={store}
          product={product}
          spec={spec}
          openStory={(id) => {
            flush();
            window.location.hash = backlogHref(store.id, 'story', id);
          }}
        />
      )}

      {dialog === 'new' && <NewSpecDialog product={product} onCreate={create} onClose={() => setDialog(null)} />}
      {dialog === 'portfolio' && <PortfolioDialog store={store} product={product} beforeExport={flush} onClose={() => setDialog(null)} />}
    </div>
  );
}
