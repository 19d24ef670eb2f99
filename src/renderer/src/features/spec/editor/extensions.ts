/**
 * The spec editor's tiptap extensions: the starter kit (headings, marks, lists, quote, code,
 * rule, links, undo/redo and the Markdown input rules such as "## " and "- "), tables, task
 * lists, a placeholder, story mentions, the live blocks and the `/` menu.
 */
import type { AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { safeHref } from '../../../../../shared/export/html';
import type { SpecBridge } from '../specData';
import { LinkedStoriesBlock, RiceRankingBlock } from './embeds';
import { createSpecMention, type MentionItem } from './mention';
import { PromptEnter } from './promptEnter';
import { createSlashCommands, type SlashItem } from './slashCommands';
import type { SuggestionMenuStore } from './suggestionMenu';

export function specExtensions(bridge: SpecBridge, menus: { mention: SuggestionMenuStore<MentionItem>; slash: SuggestionMenuStore<SlashItem> }): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3, 4] },
      // No automatic trailing paragraph: it would change the document (and save it) on a mere click.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['mailto'],
        // Only http(s) and mailto links, whether typed, pasted or loaded from a file.
        isAllowedUri: (url) => safeHref(url) !== null,
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    TaskList,
    TaskItem.configure({ nested: true }),
    Placeholder.configure({
      placeholder: ({ node }) => (node.type.name === 'heading' ? 'Heading' : 'Write, or type / for blocks and sections, # to link a story…'),
      showOnlyCurrent: true,
    }),
    createSpecMention(bridge, menus.mention),
    LinkedStoriesBlock,
    RiceRankingBlock,
    createSlashCommands(menus.slash),
    PromptEnter,
  ];
}
