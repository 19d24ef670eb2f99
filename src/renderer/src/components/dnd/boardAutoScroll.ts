import type { AutoScrollOptions } from '@dnd-kit/core';

/**
 * dnd-kit scrolls every scrollable ancestor of a dragged card near its edges, the window first. A
 * board scrolls only its own scroll area (`area` and the scroll containers inside it, such as a
 * column's list), never the window or the views around it, so the top bar and toolbars stay put.
 */
export function autoScrollWithin(area: Element | null): AutoScrollOptions {
  return {
    canScroll: (element) => area !== null && element !== element.ownerDocument.scrollingElement && area.contains(element),
  };
}
