import type { Collision, CollisionDetection } from '@dnd-kit/core';

interface Coordinates {
  x: number;
  y: number;
}

/**
 * Moving a card into another list while it is dragged changes the layout under a pointer that has
 * not moved: the list it left shrinks, the one it joined grows, a cell that was a drop target while
 * empty stops being one. dnd-kit measures again and detects collisions again in the same commit, so
 * a detection that answers differently for the new layout moves the card back, and so on — on the
 * swimlane board, between two empty cells, until React stops at its update limit (error #185).
 *
 * The guard: after a move between lists, the target is the card itself (where it now is) until the
 * drag's input moves — the pointer, or the rectangle the keyboard steps. Only the person dragging
 * moves a card to another list, never the layout that the last move made.
 */
export class SteadyCollisions {
  private input: Coordinates | null = null;
  private heldAt: Coordinates | null = null;

  constructor(private readonly detect: CollisionDetection) {}

  readonly detection: CollisionDetection = (args): Collision[] => {
    const input = args.pointerCoordinates ?? { x: args.collisionRect.left, y: args.collisionRect.top };
    this.input = input;
    if (this.heldAt !== null) {
      if (samePoint(this.heldAt, input)) return [{ id: args.active.id }];
      this.heldAt = null;
    }
    return this.detect(args);
  };

  /** The card was just moved into another list: hold it there until the input moves. */
  moved(): void {
    this.heldAt = this.input;
  }

  /** A drag starts or ends. */
  reset(): void {
    this.input = null;
    this.heldAt = null;
  }
}

function samePoint(a: Coordinates, b: Coordinates): boolean {
  return Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1;
}
