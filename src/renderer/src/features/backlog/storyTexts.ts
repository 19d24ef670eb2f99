/** What the duplicate search reads of the stories, kept as the same list while it does not change. */
import { storyChanges, type StoryChanges } from '../../../../shared/backlog/boardIndex';
import type { Story } from '../../../../shared/model/schema';
import type { StoryText } from './duplicatesProtocol';

const toTexts = (stories: readonly Story[]): StoryText[] => stories.map((s) => ({ id: s.id, title: s.title, iWant: s.iWant }));

/**
 * The stories' texts: a new list only when an id, a title or an "I want" changed. Only the stories
 * an edit replaced are compared (a card move keeps the list without reading 5,000 stories).
 */
export function createTextTracker(): (stories: readonly Story[]) => StoryText[] {
  let seen: readonly Story[] | null = null;
  let texts: StoryText[] = [];
  return (stories) => {
    if (stories === seen) return texts;
    const changes: StoryChanges = seen === null ? { kind: 'reshaped' } : storyChanges(seen, stories, Infinity);
    seen = stories;
    if (changes.kind === 'same') return texts;
    if (changes.kind === 'replaced' && changes.pairs.every(({ before, after }) => before.title === after.title && before.iWant === after.iWant)) return texts;
    const next = toTexts(stories);
    if (!sameTexts(texts, next)) texts = next;
    return texts;
  };
}

function sameTexts(a: readonly StoryText[], b: readonly StoryText[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.id !== y.id || x.title !== y.title || x.iWant !== y.iWant) return false;
  }
  return true;
}
