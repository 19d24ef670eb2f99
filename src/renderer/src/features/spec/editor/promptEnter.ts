/**
 * Enter at the end of a template prompt (italic guidance text) starts a plain paragraph: the
 * learner's own words should not inherit the prompt's italics.
 */
import { Extension } from '@tiptap/core';
import { containsPrompt } from '../../../../../shared/spec/sections';

export const PromptEnter = Extension.create({
  name: 'promptEnter',
  priority: 1000,
  addKeyboardShortcuts() {
    return {
      Enter: () => {
        const { selection } = this.editor.state;
        const { $from, empty } = selection;
        if (!empty || $from.parent.type.name !== 'paragraph' || $from.parentOffset !== $from.parent.content.size) return false;
        if (!containsPrompt($from.parent.textContent)) return false;
        return this.editor.commands.splitBlock({ keepMarks: false });
      },
    };
  },
});
