/**
 * The state of one open spec editor that lives outside React rendering: the tiptap editor, the
 * document it was last loaded from or saved as, and the coalesced saving of typing as
 * `spec.update` edits (about once a second, at most every 1.5 s, at once on flush).
 */
import type { Editor } from '@tiptap/core';
import { DocNodeSchema, type DocNode, type Product } from '../../../../shared/model/schema';
import { createCoalescer, type Coalescer } from '../../../../shared/spec/coalesce';
import type { DocumentStore } from '../../state/documentStore';
import type { SpecBridge } from './specData';

export const SAVE_IDLE_MS = 1000;
export const SAVE_MAX_WAIT_MS = 1500;

const sameDoc = (a: DocNode, b: DocNode) => a === b || JSON.stringify(a) === JSON.stringify(b);

export class SpecEditorSession implements SpecBridge {
  /** The latest product (read by the mention suggestions). */
  product: Product;
  /** Called when typing starts waiting to be saved, and when it has been saved. */
  private onPending: (pending: boolean) => void = () => {};
  private onSaveError: (message: string | null) => void = () => {};
  /** Set when the stored document could not be loaded: the editor is read-only and never saves. */
  private readOnly = false;

  private readonly store: DocumentStore;
  private readonly specId: string;
  private editor: Editor | null = null;
  /** The document the editor's text was last loaded from or saved as. */
  private lastSynced: DocNode;
  /** The product changed while the learner was typing: show it when the editor loses focus. */
  private externalWaiting = false;
  private readonly coalescer: Coalescer;

  constructor(store: DocumentStore, specId: string, content: DocNode, product: Product) {
    this.store = store;
    this.specId = specId;
    this.lastSynced = content;
    this.product = product;
    this.coalescer = createCoalescer(
      () => {
        this.save();
        this.onPending(false);
      },
      { idleMs: SAVE_IDLE_MS, maxWaitMs: SAVE_MAX_WAIT_MS },
      { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number), now: () => Date.now() },
    );
  }

  attach(editor: Editor): void {
    this.editor = editor;
  }

  setProduct(product: Product): void {
    this.product = product;
  }

  setCallbacks(onPending: (pending: boolean) => void, onSaveError: (message: string | null) => void): void {
    this.onPending = onPending;
    this.onSaveError = onSaveError;
  }

  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
  }

  private liveEditor(): Editor | null {
    return this.editor && !this.editor.isDestroyed ? this.editor : null;
  }

  private storedContent(): DocNode | null {
    return this.store.getSnapshot().product.specs.find((s) => s.id === this.specId)?.content ?? null;
  }

  /** The learner changed the text. */
  changed(): void {
    if (this.readOnly) return;
    this.coalescer.change();
    this.onPending(true);
  }

  /** Save pending typing now. */
  flush(): void {
    this.coalescer.flush();
  }

  /** The editor lost focus: save typing, or show an outside change that arrived meanwhile. */
  blurred(): void {
    if (this.coalescer.pending()) {
      this.externalWaiting = false;
      this.coalescer.flush();
    } else if (this.externalWaiting) {
      const stored = this.storedContent();
      if (stored) this.show(stored);
    }
  }

  /** The product's copy of the document is now `content`. */
  productChanged(content: DocNode): void {
    if (sameDoc(content, this.lastSynced)) {
      this.lastSynced = content;
      return;
    }
    const editor = this.liveEditor();
    if (!editor) return;
    if (editor.isFocused || this.coalescer.pending()) {
      this.externalWaiting = true;
      return;
    }
    this.show(content);
  }

  private show(content: DocNode): void {
    const editor = this.liveEditor();
    if (!editor) return;
    // Not a step of the typing history: undoing typing must not undo the outside change.
    editor.chain().setMeta('addToHistory', false).setContent(content, { emitUpdate: false }).run();
    this.lastSynced = content;
    this.externalWaiting = false;
  }

  private save(): void {
    const editor = this.liveEditor();
    if (!editor || this.readOnly) return;
    const stored = this.storedContent();
    if (!stored) return; // the spec was deleted
    const parsed = DocNodeSchema.safeParse(editor.getJSON());
    if (!parsed.success) {
      this.onSaveError('This document could not be saved: it is nested too deeply. Flatten the innermost lists or quotes.');
      return;
    }
    this.onSaveError(null);
    this.lastSynced = parsed.data;
    if (sameDoc(stored, parsed.data)) return;
    const title = this.store.getSnapshot().product.specs.find((s) => s.id === this.specId)?.title ?? 'spec';
    try {
      this.store.dispatch({ type: 'spec.update', id: this.specId, patch: { content: parsed.data } }, `Edit “${title}”`);
      this.lastSynced = this.storedContent() ?? parsed.data;
    } catch (e) {
      this.onSaveError(`Your typing could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Save what is pending and stop the timer (the editor is going away). */
  dispose(): void {
    this.coalescer.flush();
    this.coalescer.cancel();
  }
}
