/**
 * Beside the editor: the completeness checks (with what good looks like) and the spec's linked
 * stories (linked explicitly, or mentioned in the text), with a way to link and unlink stories.
 */
import { useId, useMemo, useState } from 'react';
import { sortByRank } from '../../../../shared/model/rank';
import type { Product, Spec } from '../../../../shared/model/schema';
import { specChecks, type SpecCheck } from '../../../../shared/spec/checks';
import { columnNames, linkedStories } from '../../../../shared/spec/links';
import type { DocumentStore } from '../../state/documentStore';
import { backlogHref } from './specData';
import './SpecSidePanel.css';

function CheckItem({ check }: { check: SpecCheck }) {
  const pass = check.status === 'pass';
  return (
    <li className={`check ${pass ? 'check-pass' : 'check-fail'}`}>
      <div className="check-head">
        <span className="check-icon" aria-hidden="true">
          {pass ? '✓' : '!'}
        </span>
        <span className="check-title">{check.title}</span>
        <span className="visually-hidden">{pass ? ': passes.' : ': needs work.'}</span>
      </div>
      <p className="check-summary">{check.summary}</p>
      {check.findings.length > 0 && (
        <ul className="check-findings">
          {check.findings.map((f, i) => (
            <li key={i}>
              {f.section && <span className="finding-section">{f.section}: </span>}
              {f.message}
            </li>
          ))}
        </ul>
      )}
      <details className="check-why">
        <summary>What good looks like</summary>
        <p>{check.explanation}</p>
      </details>
    </li>
  );
}

export function SpecSidePanel({ store, product, spec, openStory }: { store: DocumentStore; product: Product; spec: Spec; openStory: (id: string) => void }) {
  const checks = useMemo(() => specChecks(spec, product), [spec, product]);
  const passing = checks.filter((c) => c.status === 'pass').length;
  const linked = useMemo(() => linkedStories(spec, product), [spec, product]);
  const columns = useMemo(() => columnNames(product), [product]);
  const linkable = useMemo(() => sortByRank(product.stories).filter((s) => !spec.linkedStoryIds.includes(s.id)), [product.stories, spec.linkedStoryIds]);
  const [toLink, setToLink] = useState('');
  const selectId = useId();
  const checksHeading = useId();
  const linksHeading = useId();

  const setLinks = (ids: string[], label: string) => store.dispatch({ type: 'spec.update', id: spec.id, patch: { linkedStoryIds: ids } }, label);

  return (
    <aside className="spec-side" aria-label="Spec checks and links">
      <section aria-labelledby={checksHeading}>
        <h2 id={checksHeading}>Completeness</h2>
        <p className="check-score" aria-live="polite">
          <strong>
            {passing} of {checks.length}
          </strong>{' '}
          checks pass
        </p>
        <div className="meter" aria-hidden="true">
          <span style={{ width: `${checks.length === 0 ? 0 : (passing / checks.length) * 100}%` }} />
        </div>
        <ul className="checks">
          {checks.map((c) => (
            <CheckItem key={c.id} check={c} />
          ))}
        </ul>
      </section>
      <section aria-labelledby={linksHeading}>
        <h2 id={linksHeading}>Linked stories</h2>
        {linked.length === 0 ? (
          <p className="muted">None yet. Type # in the text to mention a story, or link one here.</p>
        ) : (
          <ul className="linked-list">
            {linked.map(({ id, story, via }) => (
              <li key={id}>
                <div className="linked-main">
                  {story ? (
                    <a
                      href={backlogHref(store.id, 'story', id)}
                      onClick={(e) => {
                        e.preventDefault();
                        openStory(id);
                      }}
                    >
                      {story.title}
                    </a>
                  ) : (
                    <span className="mention-deleted-text">Deleted story</span>
                  )}
                  <span className="muted linked-meta">
                    {id}
                    {story ? ` · ${columns.get(story.status) ?? story.status}` : ''} · {via === 'mention' ? 'mentioned' : via === 'both' ? 'linked and mentioned' : 'linked'}
                  </span>
                </div>
                {via !== 'mention' && (
                  <button type="button" className="link-button" aria-label={`Unlink ${story?.title ?? id}`} onClick={() => setLinks(spec.linkedStoryIds.filter((x) => x !== id), 'Unlink story from spec')}>
                    Unlink
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <form
          className="link-story"
          onSubmit={(e) => {
            e.preventDefault();
            if (!toLink) return;
            setLinks([...spec.linkedStoryIds, toLink], 'Link story to spec');
            setToLink('');
          }}
        >
          <label htmlFor={selectId}>Link a story</label>
          <div className="inline-row">
            <select id={selectId} value={toLink} onChange={(e) => setToLink(e.target.value)}>
              <option value="">Choose a story…</option>
              {linkable.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title} ({s.id})
                </option>
              ))}
            </select>
            <button type="submit" disabled={!toLink}>
              Link
            </button>
          </div>
        </form>
      </section>
    </aside>
  );
}
