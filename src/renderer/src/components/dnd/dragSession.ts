import { useEffect, useState } from 'react';

/**
 * dnd-kit keeps listening to the pointer and the keys after its board is gone (a view that failed
 * and was replaced by its error message, or was left mid-drag) and still calls the board's
 * `onDragEnd` on release. A board commits a drop only when the drag it started is still going and
 * the board is still on screen; `end()` answers that, once per drag.
 */
export class DragSession {
  private mounted = true;
  private live = false;

  begin(): void {
    this.live = this.mounted;
  }

  /** The drag is over: whether its drop may be committed. */
  end(): boolean {
    const ok = this.live && this.mounted;
    this.live = false;
    return ok;
  }

  attach(): void {
    this.mounted = true;
  }

  dispose(): void {
    this.mounted = false;
    this.live = false;
  }
}

/** A drag session that ends with the component. */
export function useDragSession(): DragSession {
  const [session] = useState(() => new DragSession());
  useEffect(() => {
    session.attach();
    return () => session.dispose();
  }, [session]);
  return session;
}
