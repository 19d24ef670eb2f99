/**
 * What the editor's node views (mention chips, live blocks) read: the current product and how to
 * open a story. React context reaches them because tiptap renders node views through portals
 * inside `EditorContent`; the suggestion menus, which run outside React, read the same data from
 * a mutable bridge.
 */
import { createContext, useContext } from 'react';
import type { Product } from '../../../../shared/model/schema';
import type { MentionKind } from '../../../../shared/spec/nodes';

export interface SpecData {
  product: Product;
  productId: string;
  specId: string;
  /** Save the editor's text now, then go to the story or epic in the backlog. */
  openInBacklog: (kind: MentionKind, id: string) => void;
}

export const SpecDataContext = createContext<SpecData | null>(null);

export function useSpecData(): SpecData {
  const data = useContext(SpecDataContext);
  if (!data) throw new Error('useSpecData outside SpecDataContext');
  return data;
}

/** The backlog address for a story or epic (the backlog view may read `story` / `epic` to open it). */
export function backlogHref(productId: string, kind: MentionKind, id: string): string {
  return `#/p/${productId}/backlog?${kind}=${encodeURIComponent(id)}`;
}

/** The latest product and id, for code that runs outside React (suggestion item lists). */
export interface SpecBridge {
  product: Product;
}
