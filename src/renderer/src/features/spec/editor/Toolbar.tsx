/**
 * The formatting toolbar. Its buttons follow the selection (`aria-pressed` for marks, headings,
 * lists), it is one tab stop with arrow-key movement (the ARIA toolbar pattern), and it never
 * takes focus away from the text for good: each action returns focus to the editor.
 */
import { useEditorState, type Editor } from '@tiptap/react';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { safeHref } from '../../../../../shared/export/html';
import './Toolbar.css';

interface ToolState {
  bold: boolean;
  italic: boolean;
  strike: boolean;
  code: boolean;
  link: boolean;
  h1: boolean;
  h2: boolean;
  h3: boolean;
  bulletList: boolean;
  orderedList: boolean;
  taskList: boolean;
  blockquote: boolean;
  codeBlock: boolean;
  inTable: boolean;
  canUndo: boolean;
  canRedo: boolean;
  editable: boolean;
}

function readState(editor: Editor): ToolState {
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    strike: editor.isActive('strike'),
    code: editor.isActive('code'),
    link: editor.isActive('link'),
    h1: editor.isActive('heading', { level: 1 }),
    h2: editor.isActive('heading', { level: 2 }),
    h3: editor.isActive('heading', { level: 3 }),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    taskList: editor.isActive('taskList'),
    blockquote: editor.isActive('blockquote'),
    codeBlock: editor.isActive('codeBlock'),
    inTable: editor.isActive('table'),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
    editable: editor.isEditable,
  };
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

interface ButtonProps {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
  className?: string;
}

function ToolButton({ label, shortcut, pressed, disabled, onClick, children, className }: ButtonProps) {
  return (
    <button
      type="button"
      className={`tool ${className ?? ''}`}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut?.replace('⌘', 'Meta+').replace('Ctrl+', 'Control+')}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      tabIndex={-1}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function Toolbar({ editor }: { editor: Editor }) {
  const s = useEditorState({ editor, selector: ({ editor: e }) => readState(e) });
  const ref = useRef<HTMLDivElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const chain = () => editor.chain().focus();
  const off = !s.editable;

  // Roving tab stop: the first enabled button (or the last focused one) is tabbable.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button.tool:not(:disabled)') ?? [])];
    const index = buttons.findIndex((b) => b === document.activeElement);
    if (index < 0) return;
    let next: number;
    if (e.key === 'ArrowRight') next = (index + 1) % buttons.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + buttons.length) % buttons.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    else return;
    e.preventDefault();
    buttons[index]?.setAttribute('tabindex', '-1');
    buttons[next]?.setAttribute('tabindex', '0');
    buttons[next]?.focus();
  };
  // Exactly one enabled button is in the tab order (buttons come and go with the selection).
  useLayoutEffect(() => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button.tool') ?? [])];
    const enabled = buttons.filter((b) => !b.disabled);
    if (enabled.some((b) => b.tabIndex === 0)) return;
    for (const b of buttons) b.setAttribute('tabindex', '-1');
    enabled[0]?.setAttribute('tabindex', '0');
  });

  return (
    <div className="spec-toolbar-wrap">
      <div role="toolbar" aria-label="Formatting" className="spec-toolbar" ref={ref} onKeyDown={onKeyDown}>
        <div className="tool-group">
          <ToolButton label="Heading 1" pressed={s.h1} disabled={off} onClick={() => chain().toggleHeading({ level: 1 }).run()}>
            H1
          </ToolButton>
          <ToolButton label="Heading 2" pressed={s.h2} disabled={off} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
            H2
          </ToolButton>
          <ToolButton label="Heading 3" pressed={s.h3} disabled={off} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
            H3
          </ToolButton>
        </div>
        <div className="tool-group">
          <ToolButton label="Bold" shortcut={`${mod}B`} pressed={s.bold} disabled={off} onClick={() => chain().toggleBold().run()} className="tool-bold">
            B
          </ToolButton>
          <ToolButton label="Italic" shortcut={`${mod}I`} pressed={s.italic} disabled={off} onClick={() => chain().toggleItalic().run()} className="tool-italic">
            I
          </ToolButton>
          <ToolButton label="Strikethrough" shortcut={`${mod}Shift+S`} pressed={s.strike} disabled={off} onClick={() => chain().toggleStrike().run()} className="tool-strike">
            S
          </ToolButton>
          <ToolButton label="Inline code" shortcut={`${mod}E`} pressed={s.code} disabled={off} onClick={() => chain().toggleCode().run()} className="tool-mono">
            {'</>'}
          </ToolButton>
          <ToolButton label="Link" pressed={s.link} disabled={off} onClick={() => setLinkOpen((o) => !o)}>
            Link
          </ToolButton>
        </div>
        <div className="tool-group">
          <ToolButton label="Bulleted list" pressed={s.bulletList} disabled={off} onClick={() => chain().toggleBulletList().run()}>
            • List
          </ToolButton>
          <ToolButton label="Numbered list" pressed={s.orderedList} disabled={off} onClick={() => chain().toggleOrderedList().run()}>
            1. List
          </ToolButton>
          <ToolButton label="Task list" pressed={s.taskList} disabled={off} onClick={() => chain().toggleTaskList().run()}>
            ☑ Tasks
          </ToolButton>
          <ToolButton label="Quote" pressed={s.blockquote} disabled={off} onClick={() => chain().toggleBlockquote().run()}>
            “ Quote
          </ToolButton>
          <ToolButton label="Code block" pressed={s.codeBlock} disabled={off} onClick={() => chain().toggleCodeBlock().run()} className="tool-mono">
            {'{ }'}
          </ToolButton>
        </div>
        <div className="tool-group">
          <ToolButton label="Insert table" disabled={off || s.inTable} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
            Table
          </ToolButton>
          <ToolButton label="Divider" disabled={off} onClick={() => chain().setHorizontalRule().run()}>
            —
          </ToolButton>
        </div>
        {s.inTable && (
          <div className="tool-group" aria-label="Table">
            <ToolButton label="Add row below" disabled={off} onClick={() => chain().addRowAfter().run()}>
              + Row
            </ToolButton>
            <ToolButton label="Add column right" disabled={off} onClick={() => chain().addColumnAfter().run()}>
              + Col
            </ToolButton>
            <ToolButton label="Delete row" disabled={off} onClick={() => chain().deleteRow().run()}>
              − Row
            </ToolButton>
            <ToolButton label="Delete column" disabled={off} onClick={() => chain().deleteColumn().run()}>
              − Col
            </ToolButton>
            <ToolButton label="Delete table" disabled={off} onClick={() => chain().deleteTable().run()} className="danger">
              Delete table
            </ToolButton>
          </div>
        )}
        <div className="tool-group tool-group-end">
          <ToolButton label="Undo typing" shortcut={`${mod}Z`} disabled={off || !s.canUndo} onClick={() => chain().undo().run()}>
            ↶
          </ToolButton>
          <ToolButton label="Redo typing" shortcut={`${mod}Shift+Z`} disabled={off || !s.canRedo} onClick={() => chain().redo().run()}>
            ↷
          </ToolButton>
        </div>
      </div>
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
    </div>
  );
}

function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = typeof editor.getAttributes('link')['href'] === 'string' ? String(editor.getAttributes('link')['href']) : '';
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const done = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const raw = href.trim();
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : raw.includes('@') && !raw.includes('/') ? `mailto:${raw}` : `https://${raw}`;
    const safe = safeHref(withScheme);
    if (!safe) {
      setError('Links must be web addresses (https://…) or e-mail addresses.');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: raw, marks: [{ type: 'link', attrs: { href: safe } }] }).run();
    } else {
      chain.setLink({ href: safe }).run();
    }
    onClose();
  };
  return (
    <form
      className="link-form"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          done();
        }
      }}
    >
      <label htmlFor={id}>Link address</label>
      <input id={id} type="text" inputMode="url" value={href} placeholder="https://example.com" autoFocus aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setHref(e.target.value)} />
      <button type="submit" className="primary">
        Apply
      </button>
      {current && (
        <button
          type="button"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onClose();
          }}
        >
          Remove link
        </button>
      )}
      <button type="button" onClick={done}>
        Cancel
      </button>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
