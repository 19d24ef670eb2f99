/**
 * A story's searchable text, computed once per story object (stories are immutable: an edit
 * replaces the object). Rebuilding it for every story after every edit made each card move on a
 * large board slow (`npm run bench`, README: Performance); now only the replaced story's text is
 * built, and only while a search is typed.
 */
import { searchableText } from '../../../../shared/backlog/filter';
import type { Story } from '../../../../shared/model/schema';

const texts = new WeakMap<Story, string>();

export function storySearchText(story: Story): string {
  let text = texts.get(story);
  if (text === undefined) {
    text = searchableText(story);
    texts.set(story, text);
  }
  return text;
}
