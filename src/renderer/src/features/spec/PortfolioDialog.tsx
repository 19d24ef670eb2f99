/**
 * The portfolio pack: pick what goes in (cover, specs, roadmap, prioritisation, backlog summary),
 * set the author's name for the cover, and export one standalone HTML page (or a PDF of it) into the
 * workspace's exports folder — the dialog then says where it was written.
 */
import { useModalDialog } from '../../components/useModalDialog';
import { useId, useState } from 'react';
import { defaultPortfolioOptions, isEmptyPortfolio, PORTFOLIO_PART_LABELS, portfolioFileName, portfolioToHtml, type PortfolioOptions, type PortfolioPart } from '../../../../shared/export/specPortfolio';
import { LIMITS, type Product } from '../../../../shared/model/schema';
import { CommitField } from '../../components/CommitField';
import { useExporter } from '../../components/exportFile';
import type { DocumentStore } from '../../state/documentStore';
import './PortfolioDialog.css';

const PARTS: readonly Exclude<PortfolioPart, 'cover'>[] = ['roadmap', 'prioritization', 'backlog'];

export function PortfolioDialog({ store, product, beforeExport, onClose }: { store: DocumentStore; product: Product; beforeExport: () => void; onClose: () => void }) {
  const ref = useModalDialog();
  const [options, setOptions] = useState<PortfolioOptions>(() => defaultPortfolioOptions(product));
  const exporter = useExporter(store.id, { className: 'portfolio-notice' });
  const headingId = useId();


  const build = () => {
    beforeExport();
    return portfolioToHtml(store.getSnapshot().product, options);
  };
  const empty = isEmptyPortfolio(options);
  const toggleSpec = (id: string, on: boolean) => {
    const chosen = new Set(options.specIds);
    if (on) chosen.add(id);
    else chosen.delete(id);
    setOptions({ ...options, specIds: product.specs.map((s) => s.id).filter((x) => chosen.has(x)) });
  };

  return (
    <dialog ref={ref} className="spec-dialog portfolio-dialog" aria-labelledby={headingId} onClose={onClose} onCancel={onClose}>
      <h2 id={headingId}>Portfolio pack</h2>
      <p className="muted">One page for your portfolio: a cover, your specs, the roadmap, the prioritisation and a backlog summary. It is saved in this workspace’s exports folder, as a page or a PDF.</p>
      <CommitField
        label="Your name (on the cover)"
        value={product.author}
        maxLength={LIMITS.shortText}
        placeholder="e.g. Alex Morgan"
        onCommit={(author) => store.dispatch({ type: 'product.update', patch: { author: author.trim() } }, 'Set author')}
      />
      <fieldset>
        <legend>Include</legend>
        <label className="check-option">
          <input type="checkbox" checked={options.cover} onChange={(e) => setOptions({ ...options, cover: e.target.checked })} />
          {PORTFOLIO_PART_LABELS.cover}
        </label>
        {product.specs.length > 0 && (
          <fieldset className="nested">
            <legend>Specs</legend>
            {product.specs.map((s) => (
              <label key={s.id} className="check-option">
                <input type="checkbox" checked={options.specIds.includes(s.id)} onChange={(e) => toggleSpec(s.id, e.target.checked)} />
                {s.title}
              </label>
            ))}
          </fieldset>
        )}
        {PARTS.map((part) => (
          <label key={part} className="check-option">
            <input type="checkbox" checked={options[part]} onChange={(e) => setOptions({ ...options, [part]: e.target.checked })} />
            {PORTFOLIO_PART_LABELS[part]}
          </label>
        ))}
      </fieldset>
      <p role="status" className="muted">
        {empty ? 'Choose at least one part.' : ''}
      </p>
      {exporter.notice}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          disabled={empty}
          onClick={() => void exporter.exportPdf(portfolioFileName(product, 'pdf'), build)}
        >
          Export PDF
        </button>
        <button
          type="button"
          className="primary"
          disabled={empty}
          onClick={() => void exporter.exportText(portfolioFileName(product, 'html'), build)}
        >
          Export HTML
        </button>
      </div>
    </dialog>
  );
}
