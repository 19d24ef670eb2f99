/**
 * Links from a spec into the backlog: what a mention shows (the story's or epic's CURRENT title
 * and status, read from the product — never text stored in the document) and which stories a
 * spec links, by `linkedStoryIds` or by mentions.
 */
import type { Product, Spec, Story } from '../model/schema';
import { mentionsIn, type MentionKind, type MentionRef } from './nodes';

export type ResolvedMention =
  | { deleted: false; kind: MentionKind; id: string; title: string; status: string }
  | { deleted: true; kind: MentionKind; id: string };

/** The column names by id, for showing a story's status. */
export function columnNames(product: Pick<Product, 'board'>): Map<string, string> {
  return new Map(product.board.columns.map((c) => [c.id, c.name]));
}

export function resolveMention(product: Pick<Product, 'stories' | 'epics' | 'board'>, ref: MentionRef, columns = columnNames(product)): ResolvedMention {
  if (ref.kind === 'epic') {
    const epic = product.epics.find((e) => e.id === ref.id);
    if (!epic) return { deleted: true, kind: 'epic', id: ref.id };
    return { deleted: false, kind: 'epic', id: epic.id, title: epic.title, status: epic.status === 'done' ? 'Done' : 'Open' };
  }
  const story = product.stories.find((s) => s.id === ref.id);
  if (!story) return { deleted: true, kind: 'story', id: ref.id };
  return { deleted: false, kind: 'story', id: story.id, title: story.title, status: columns.get(story.status) ?? story.status };
}

/** "deleted story" / "deleted epic": what a mention of something that no longer exists says. */
export function deletedLabel(kind: MentionKind): string {
  return kind === 'epic' ? 'deleted epic' : 'deleted story';
}

/** A one-line label for a mention, e.g. `Scan a barcode (st-111, Ready)`. */
export function mentionLabel(resolved: ResolvedMention): string {
  if (resolved.deleted) return `${deletedLabel(resolved.kind)} (${resolved.id})`;
  const noun = resolved.kind === 'epic' ? 'epic ' : '';
  return `${resolved.title} (${noun}${resolved.id}, ${resolved.status})`;
}

export interface LinkedStory {
  id: string;
  /** The story, or null when a mention names a story that was deleted. */
  story: Story | null;
  /** Linked through `linkedStoryIds`, a mention in the document, or both. */
  via: 'link' | 'mention' | 'both';
}

/** The spec's linked stories: `linkedStoryIds` first, then stories mentioned in the document, each once. */
export function linkedStories(spec: Pick<Spec, 'content' | 'linkedStoryIds'>, product: Pick<Product, 'stories'>): LinkedStory[] {
  const byId = new Map(product.stories.map((s) => [s.id, s]));
  const out = new Map<string, LinkedStory>();
  for (const id of spec.linkedStoryIds) {
    if (!out.has(id)) out.set(id, { id, story: byId.get(id) ?? null, via: 'link' });
  }
  for (const ref of mentionsIn(spec.content)) {
    if (ref.kind !== 'story') continue;
    const existing = out.get(ref.id);
    if (existing) {
      if (existing.via === 'link') existing.via = 'both';
    } else {
      out.set(ref.id, { id: ref.id, story: byId.get(ref.id) ?? null, via: 'mention' });
    }
  }
  return [...out.values()];
}
