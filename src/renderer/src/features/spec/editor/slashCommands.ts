/**
 * The `/` menu: type a slash to insert a block (headings, lists, table, quote, code, divider, the
 * live linked-stories and RICE blocks) or a whole template section (heading plus its prompt).
 */
import { Extension, type Editor, type Range } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import { Suggestion } from '@tiptap/suggestion';
import { DEFAULT_RICE_LIMIT, LINKED_STORIES_NODE, RICE_RANKING_NODE } from '../../../../../shared/spec/nodes';
import { sectionBlocks, SPEC_TEMPLATES, TEMPLATE_ORDER, type TemplateSection } from '../../../../../shared/spec/templates';
import type { MenuItem, SuggestionMenuStore } from './suggestionMenu';

export interface SlashItem extends MenuItem {
  keywords: string;
  run: (editor: Editor, range: Range) => void;
}

const block = (key: string, label: string, detail: string, keywords: string, run: (editor: Editor, range: Range) => void): SlashItem => ({
  key,
  label,
  detail,
  keywords,
  group: 'Blocks',
  run,
});

/** Insert a live block with a paragraph after it, and put the cursor there (not on the block, where typing would replace it). */
function insertAtom(editor: Editor, range: Range, node: { type: string; attrs?: Record<string, unknown> }): void {
  editor.chain().focus().deleteRange(range).insertContent([node, { type: 'paragraph' }]).run();
}

const BLOCKS: SlashItem[] = [
  block('text', 'Text', 'A plain paragraph', 'paragraph p', (e, r) => e.chain().focus().deleteRange(r).setParagraph().run()),
  block('h1', 'Heading 1', 'Big section title', 'title h1 #', (e, r) => e.chain().focus().deleteRange(r).setHeading({ level: 1 }).run()),
  block('h2', 'Heading 2', 'Section heading', 'section h2 ##', (e, r) => e.chain().focus().deleteRange(r).setHeading({ level: 2 }).run()),
  block('h3', 'Heading 3', 'Sub-section heading', 'subsection h3 ###', (e, r) => e.chain().focus().deleteRange(r).setHeading({ level: 3 }).run()),
  block('bullets', 'Bulleted list', 'A simple list', 'bullet unordered ul -', (e, r) => e.chain().focus().deleteRange(r).toggleBulletList().run()),
  block('numbers', 'Numbered list', 'A list with numbers', 'ordered ol numbered 1.', (e, r) => e.chain().focus().deleteRange(r).toggleOrderedList().run()),
  block('tasks', 'Task list', 'Checkboxes for to-dos', 'todo checkbox task [ ]', (e, r) => e.chain().focus().deleteRange(r).toggleTaskList().run()),
  block('table', 'Table', 'A 3 × 3 table with a header row', 'grid table columns rows', (e, r) => e.chain().focus().deleteRange(r).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()),
  block('quote', 'Quote', 'A quotation or callout', 'blockquote citation >', (e, r) => e.chain().focus().deleteRange(r).toggleBlockquote().run()),
  block('code', 'Code block', 'Monospaced text', 'code pre snippet ```', (e, r) => e.chain().focus().deleteRange(r).toggleCodeBlock().run()),
  block('divider', 'Divider', 'A horizontal rule', 'hr rule separator line ---', (e, r) => e.chain().focus().deleteRange(r).setHorizontalRule().run()),
  block('mention', 'Link a story', 'Mention a story or epic (#)', 'story epic mention link reference #', (e, r) => e.chain().focus().deleteRange(r).insertContent('#').run()),
  block('linked', 'Linked stories', 'Live list of the stories this spec links', 'linked stories backlog embed live list', (e, r) => insertAtom(e, r, { type: LINKED_STORIES_NODE })),
  block('rice', 'RICE ranking', `Live top ${DEFAULT_RICE_LIMIT} by RICE score`, 'rice ranking prioritization priority score embed live', (e, r) =>
    insertAtom(e, r, { type: RICE_RANKING_NODE, attrs: { limit: DEFAULT_RICE_LIMIT } }),
  ),
];

function sectionItem(section: TemplateSection, templateLabel: string): SlashItem {
  return {
    key: `section:${section.heading}`,
    label: section.heading,
    detail: `${templateLabel} section`,
    keywords: `section ${templateLabel} ${section.id}`,
    group: 'Sections',
    run: (e, r) => e.chain().focus().deleteRange(r).insertContent(sectionBlocks(section)).run(),
  };
}

/** Every template's sections, each heading once. */
const SECTIONS: SlashItem[] = (() => {
  const seen = new Set<string>();
  const out: SlashItem[] = [];
  for (const id of TEMPLATE_ORDER) {
    const template = SPEC_TEMPLATES[id];
    for (const section of template.sections) {
      if (seen.has(section.heading)) continue;
      seen.add(section.heading);
      out.push(sectionItem(section, template.label));
    }
  }
  return out;
})();

/** Items whose label or keywords contain every word of the query. */
export function slashItems(query: string): SlashItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const all = [...BLOCKS, ...SECTIONS];
  if (words.length === 0) return all;
  return all.filter((item) => {
    const hay = `${item.label} ${item.keywords}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export function createSlashCommands(menu: SuggestionMenuStore<SlashItem>) {
  return Extension.create({
    name: 'slashCommands',
    addProseMirrorPlugins() {
      return [
        Suggestion<SlashItem, SlashItem>({
          editor: this.editor,
          char: '/',
          pluginKey: new PluginKey('spec-slash'),
          items: ({ query }) => slashItems(query),
          command: ({ editor, range, props }) => props.run(editor, range),
          allow: ({ state, range }) => {
            const $from = state.doc.resolve(range.from);
            return $from.parent.type.name !== 'codeBlock';
          },
          render: menu.renderer((item, props) => props.command(item)),
        }),
      ];
    },
  });
}
