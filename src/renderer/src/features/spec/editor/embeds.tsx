/**
 * Live blocks: the spec's linked stories and the current RICE ranking (top N), stored in the
 * document as a node with no text (the ranking keeps only its `limit`) and rendered from the
 * product every time — so they never go stale.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { useId, useMemo } from 'react';
import { columnNames, linkedStories } from '../../../../../shared/spec/links';
import { DEFAULT_RICE_LIMIT, LINKED_STORIES_NODE, readRiceLimit, RICE_RANKING_NODE } from '../../../../../shared/spec/nodes';
import { formatScore, riceRanking } from '../../../../../shared/spec/ranking';
import { backlogHref, useSpecData } from '../specData';
import './embeds.css';

const RICE_LIMITS = [3, 5, 10, 15, 25] as const;

function LinkedStoriesView({ selected }: ReactNodeViewProps) {
  const { product, productId, specId, openInBacklog } = useSpecData();
  const spec = product.specs.find((s) => s.id === specId);
  const rows = useMemo(() => (spec ? linkedStories(spec, product) : []), [spec, product]);
  const columns = useMemo(() => columnNames(product), [product]);
  const titleId = useId();
  return (
    <NodeViewWrapper className={`embed-block ${selected ? 'selected' : ''}`} data-type="linked-stories">
      <div className="embed-header">
        <span className="embed-title" id={titleId}>
          Linked stories
        </span>
        <span className="embed-badge">Live from the backlog</span>
      </div>
      {rows.length === 0 ? (
        <p className="embed-empty">No stories are linked yet. Mention one with # or link it in the side panel.</p>
      ) : (
        <table className="embed-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">Story</th>
              <th scope="col">Status</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ id, story }) => (
              <tr key={id}>
                <td>
                  {story ? (
                    <a
                      href={backlogHref(productId, 'story', id)}
                      onClick={(e) => {
                        e.preventDefault();
                        openInBacklog('story', id);
                      }}
                    >
                      {story.title}
                    </a>
                  ) : (
                    <span className="mention-deleted-text">Deleted story</span>
                  )}{' '}
                  <span className="muted">{id}</span>
                </td>
                <td>{story ? (columns.get(story.status) ?? story.status) : '—'}</td>
                <td>{story ? (story.estimate ?? '?') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NodeViewWrapper>
  );
}

function RiceRankingView({ node, updateAttributes, selected, editor }: ReactNodeViewProps) {
  const { product, productId, openInBacklog } = useSpecData();
  const limit = readRiceLimit({ type: node.type.name, attrs: node.attrs });
  const ranking = useMemo(() => riceRanking(product, limit), [product, limit]);
  const titleId = useId();
  const selectId = useId();
  const noun = ranking.scope === 'epics' ? 'epics' : 'stories';
  return (
    <NodeViewWrapper className={`embed-block ${selected ? 'selected' : ''}`} data-type="rice-ranking">
      <div className="embed-header">
        <span className="embed-title" id={titleId}>
          RICE ranking
        </span>
        <span className="embed-badge">Live from Prioritize</span>
        <label className="embed-control" htmlFor={selectId}>
          Show top
        </label>
        <select id={selectId} value={limit} disabled={!editor.isEditable} onChange={(e) => updateAttributes({ limit: Number(e.target.value) })}>
          {RICE_LIMITS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      {ranking.rows.length === 0 ? (
        <p className="embed-empty">No unfinished {noun} have a complete RICE score yet. Score them in Prioritize.</p>
      ) : (
        <table className="embed-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{noun === 'epics' ? 'Epic' : 'Story'}</th>
              <th scope="col" className="num">
                Reach
              </th>
              <th scope="col" className="num">
                Impact
              </th>
              <th scope="col" className="num">
                Confidence
              </th>
              <th scope="col" className="num">
                Effort
              </th>
              <th scope="col" className="num">
                RICE
              </th>
            </tr>
          </thead>
          <tbody>
            {ranking.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.position}</td>
                <td>
                  <a
                    href={backlogHref(productId, r.kind, r.id)}
                    onClick={(e) => {
                      e.preventDefault();
                      openInBacklog(r.kind, r.id);
                    }}
                  >
                    {r.title}
                  </a>
                </td>
                <td className="num">{r.rice.reach}</td>
                <td className="num">{r.rice.impact}</td>
                <td className="num">{r.rice.confidence}%</td>
                <td className="num">{r.rice.effort}</td>
                <td className="num score">{formatScore(r.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ranking.unscored > 0 && (
        <p className="embed-note">
          {ranking.unscored} unfinished {noun} have no complete RICE score.
        </p>
      )}
    </NodeViewWrapper>
  );
}

export const LinkedStoriesBlock = Node.create({
  name: LINKED_STORIES_NODE,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  parseHTML() {
    return [{ tag: 'div[data-type="linked-stories"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'linked-stories' }), 'Linked stories'];
  },
  renderText() {
    return 'Linked stories';
  },
  addNodeView() {
    return ReactNodeViewRenderer(LinkedStoriesView);
  },
});

export const RiceRankingBlock = Node.create({
  name: RICE_RANKING_NODE,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes() {
    return {
      limit: {
        default: DEFAULT_RICE_LIMIT,
        parseHTML: (el: HTMLElement) => Number(el.getAttribute('data-limit')) || DEFAULT_RICE_LIMIT,
        renderHTML: (attrs: Record<string, unknown>) => ({ 'data-limit': String(attrs['limit'] ?? DEFAULT_RICE_LIMIT) }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-type="rice-ranking"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'rice-ranking' }), 'RICE ranking'];
  },
  renderText() {
    return 'RICE ranking';
  },
  addNodeView() {
    return ReactNodeViewRenderer(RiceRankingView);
  },
});
