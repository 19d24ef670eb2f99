/**
 * The rich-text editor for one spec (tiptap). The document lives in the product as tiptap JSON;
 * typing is saved as `spec.update` edits coalesced to about one a second (at most every 1.5 s,
 * and at once on blur, on unmount and before leaving), so one keystroke is not one disk write.
 * Typing undo is tiptap's own history; when the product changes from outside (the shell's undo,
 * a reload from disk) and the editor is not focused, the editor shows the new content.
 */
// This component's stylesheet first: its parts' stylesheets, imported with them below, refine it.
import './SpecEditor.css';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { Product, Spec } from '../../../../shared/model/schema';
import type { MentionKind } from '../../../../shared/spec/nodes';
import type { DocumentStore } from '../../state/documentStore';
import { SpecEditorSession } from './editorSession';
import { specExtensions } from './editor/extensions';
import type { MentionItem } from './editor/mention';
import type { SlashItem } from './editor/slashCommands';
import { SuggestionMenuStore, SuggestionPopup } from './editor/suggestionMenu';
import { Toolbar } from './editor/Toolbar';
import { backlogHref, SpecDataContext, type SpecData } from './specData';

export interface SpecEditorHandle {
  /** Save pending typing now. */
  flush(): void;
  focus(): void;
}

interface SpecEditorProps {
  store: DocumentStore;
  product: Product;
  spec: Spec;
  /** Receives the editor's flush/focus functions (null on unmount). Must be stable. */
  handleRef: (handle: SpecEditorHandle | null) => void;
  onPendingChange: (pending: boolean) => void;
}

export function SpecEditor({ store, product, spec, handleRef, onPendingChange }: SpecEditorProps) {
  const specId = spec.id;
  const [session] = useState(() => new SpecEditorSession(store, specId, spec.content, product));
  const [menus] = useState(() => ({
    mention: new SuggestionMenuStore<MentionItem>(`spec-mention-${specId}`, 'Stories and epics'),
    slash: new SuggestionMenuStore<SlashItem>(`spec-slash-${specId}`, 'Insert a block or section'),
  }));
  const [contentError, setContentError] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const extensions = useMemo(() => specExtensions(session, menus), [session, menus]);
  const editor = useEditor(
    {
      extensions,
      content: spec.content,
      enableContentCheck: true,
      onContentError: () => setContentError(true),
      editorProps: {
        attributes: { 'aria-label': 'Spec text', 'aria-multiline': 'true', class: 'spec-prose', spellcheck: 'true' },
      },
      onCreate: ({ editor: created }) => session.attach(created),
      onUpdate: () => session.changed(),
      onBlur: () => session.blurred(),
    },
    [specId],
  );

  useLayoutEffect(() => {
    session.setProduct(product);
    session.attach(editor);
  }, [session, product, editor]);

  useEffect(() => {
    session.setCallbacks(onPendingChange, setSaveError);
  }, [session, onPendingChange]);

  useEffect(() => {
    session.setReadOnly(contentError);
    editor.setEditable(!contentError);
  }, [session, editor, contentError]);

  // The product changed (undo in the shell, a reload from disk): show it unless the learner is typing.
  useEffect(() => session.productChanged(spec.content), [session, spec.content]);

  // Save before the page goes away, and when the editor goes away.
  useEffect(() => {
    const flush = () => session.flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    handleRef({ flush, focus: () => editor.commands.focus() });
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      session.dispose();
      handleRef(null);
    };
  }, [session, editor, handleRef]);

  const data: SpecData = useMemo(
    () => ({
      product,
      productId: store.id,
      specId,
      openInBacklog: (kind: MentionKind, id: string) => {
        session.flush();
        window.location.hash = backlogHref(store.id, kind, id);
      },
    }),
    [product, store.id, specId, session],
  );

  return (
    <SpecDataContext.Provider value={data}>
      {contentError && (
        <div role="alert" className="banner banner-error">
          <p>This document holds content the editor does not understand, so it is shown read-only to keep the file intact. Export still works.</p>
        </div>
      )}
      {saveError && (
        <div role="alert" className="banner banner-error">
          <p>{saveError}</p>
        </div>
      )}
      <Toolbar editor={editor} />
      <div className="spec-page">
        <EditorContent editor={editor} />
      </div>
      <SuggestionPopup store={menus.slash} empty="No block or section matches." />
      <SuggestionPopup store={menus.mention} empty="No story or epic matches." />
    </SpecDataContext.Provider>
  );
}
