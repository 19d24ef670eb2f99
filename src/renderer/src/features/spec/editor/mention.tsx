/**
 * Story and epic mentions: type `#` or `@`, pick from the backlog, and the document stores a
 * mention node with the id and kind only. The chip shows the CURRENT title and status from the
 * product (rename a story and every chip follows); a mention of something deleted shows as a
 * "deleted story" chip instead of breaking.
 */
import Mention, { type MentionNodeAttrs } from '@tiptap/extension-mention';
import { PluginKey } from '@tiptap/pm/state';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import type { Product } from '../../../../../shared/model/schema';
import { sortByRank } from '../../../../../shared/model/rank';
import { columnNames, deletedLabel, mentionLabel, resolveMention } from '../../../../../shared/spec/links';
import { MENTION_NODE, type MentionKind } from '../../../../../shared/spec/nodes';
import { backlogHref, useSpecData, type SpecBridge } from '../specData';
import type { MenuItem, SuggestionMenuStore } from './suggestionMenu';
import './mention.css';

export interface MentionItem extends MenuItem {
  id: string;
  kind: MentionKind;
}

const MAX_ITEMS = 8;

/** Stories and epics whose title or id contains the query (stories first, backlog order). */
export function mentionItems(product: Product, query: string): MentionItem[] {
  const q = query.trim().toLowerCase();
  const columns = columnNames(product);
  const matches = (title: string, id: string) => q === '' || title.toLowerCase().includes(q) || id.toLowerCase().includes(q);
  const stories: MentionItem[] = sortByRank(product.stories)
    .filter((s) => matches(s.title, s.id))
    .map((s) => ({ key: `story:${s.id}`, id: s.id, kind: 'story', label: s.title, detail: `${s.id} · ${columns.get(s.status) ?? s.status}`, group: 'Stories' }));
  const epics: MentionItem[] = sortByRank(product.epics)
    .filter((e) => matches(e.title, e.id))
    .map((e) => ({ key: `epic:${e.id}`, id: e.id, kind: 'epic', label: e.title, detail: `${e.id} · epic`, group: 'Epics' }));
  const storyShare = Math.max(MAX_ITEMS - Math.min(epics.length, 3), 5);
  return [...stories.slice(0, storyShare), ...epics].slice(0, MAX_ITEMS);
}

function MentionChip({ node }: ReactNodeViewProps) {
  const { product, productId, openInBacklog } = useSpecData();
  const id = typeof node.attrs['id'] === 'string' ? node.attrs['id'] : '';
  const kind: MentionKind = node.attrs['kind'] === 'epic' ? 'epic' : 'story';
  const resolved = resolveMention(product, { id, kind });
  if (resolved.deleted) {
    return (
      <NodeViewWrapper as="span" className="mention-chip mention-deleted" data-mention-id={id} title={`${id} was deleted from the backlog`}>
        <span aria-hidden="true">{kind === 'epic' ? '◇' : '#'}</span> {deletedLabel(kind)} <span className="mention-id">{id}</span>
      </NodeViewWrapper>
    );
  }
  return (
    <NodeViewWrapper as="span" className={`mention-chip mention-${kind}`} data-mention-id={id}>
      <a
        href={backlogHref(productId, kind, id)}
        draggable={false}
        aria-label={`${kind === 'epic' ? 'Epic' : 'Story'} ${resolved.title}, ${resolved.status}. Open in backlog`}
        onClick={(e) => {
          e.preventDefault();
          openInBacklog(kind, id);
        }}
      >
        <span aria-hidden="true" className="mention-kind">
          {kind === 'epic' ? '◇' : '#'}
        </span>
        <span className="mention-title">{resolved.title}</span>
        <span className="mention-status">{resolved.status}</span>
      </a>
    </NodeViewWrapper>
  );
}

/** The mention node: attrs `{ id, kind, mentionSuggestionChar }`, nothing else stored. */
export function createSpecMention(bridge: SpecBridge, menu: SuggestionMenuStore<MentionItem>) {
  const suggestion = (char: string) => ({
    char,
    pluginKey: new PluginKey(`spec-mention-${char === '#' ? 'hash' : 'at'}`),
    items: ({ query }: { query: string }) => mentionItems(bridge.product, query),
    // The command spreads these props into the node's attrs: exactly the id and the kind.
    render: menu.renderer<MentionNodeAttrs>((item, props) => props.command({ id: item.id, kind: item.kind } as MentionNodeAttrs)),
  });
  return Mention.extend({
    name: MENTION_NODE,
    addAttributes() {
      return {
        id: {
          default: null,
          parseHTML: (el: HTMLElement) => el.getAttribute('data-id'),
          renderHTML: (attrs: Record<string, unknown>) => (typeof attrs['id'] === 'string' ? { 'data-id': attrs['id'] } : {}),
        },
        kind: {
          default: 'story',
          parseHTML: (el: HTMLElement) => (el.getAttribute('data-kind') === 'epic' ? 'epic' : 'story'),
          renderHTML: (attrs: Record<string, unknown>) => ({ 'data-kind': attrs['kind'] === 'epic' ? 'epic' : 'story' }),
        },
        mentionSuggestionChar: {
          default: '#',
          parseHTML: (el: HTMLElement) => el.getAttribute('data-mention-suggestion-char') ?? '#',
          renderHTML: (attrs: Record<string, unknown>) => ({ 'data-mention-suggestion-char': String(attrs['mentionSuggestionChar'] ?? '#') }),
        },
      };
    },
    addNodeView() {
      return ReactNodeViewRenderer(MentionChip);
    },
  }).configure({
    // Copy / plain text: the current title, read from the product.
    renderText: ({ node }) => {
      const ref = { id: String(node.attrs['id'] ?? ''), kind: node.attrs['kind'] === 'epic' ? ('epic' as const) : ('story' as const) };
      return mentionLabel(resolveMention(bridge.product, ref));
    },
    renderHTML: ({ options, node }) => {
      const ref = { id: String(node.attrs['id'] ?? ''), kind: node.attrs['kind'] === 'epic' ? ('epic' as const) : ('story' as const) };
      return ['span', { ...options.HTMLAttributes, 'data-type': MENTION_NODE }, mentionLabel(resolveMention(bridge.product, ref))];
    },
    suggestions: [suggestion('#'), suggestion('@')],
  });
}
