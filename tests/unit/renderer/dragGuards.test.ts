import type { CollisionDetection } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { moveToList, type Lists } from '../../../src/shared/board/dragLists';
import { DragSession } from '../../../src/renderer/src/components/dnd/dragSession';
import { SteadyCollisions } from '../../../src/renderer/src/components/dnd/steadyCollisions';

type Args = Parameters<CollisionDetection>[0];

/** The parts of dnd-kit's collision arguments the guard reads. */
function args(pointer: { x: number; y: number } | null, rect = { left: 0, top: 0 }): Args {
  const collisionRect = { ...rect, right: rect.left + 100, bottom: rect.top + 50, width: 100, height: 50 };
  return { active: { id: 'card' }, collisionRect, droppableRects: new Map(), droppableContainers: [], pointerCoordinates: pointer } as unknown as Args;
}

describe('a card moved to another list under a still pointer', () => {
  it('moves at most once, even when every move puts the other list under the pointer (the swimlane crash)', () => {
    // Two empty cells, each a target only while empty: whichever the card is in, the pointer is over the other.
    let lists: Lists = { start: ['card'], a: [], b: [] };
    const layoutDependent: CollisionDetection = () => [{ id: lists['a']?.length ? 'b' : 'a' }];
    const steady = new SteadyCollisions(layoutDependent);
    let moves = 0;
    for (let pass = 0; pass < 50; pass++) {
      const [over] = steady.detection(args({ x: 10, y: 890 }));
      const next = over ? moveToList(lists, 'card', String(over.id)) : null;
      if (!next) continue;
      lists = next;
      moves += 1;
      steady.moved();
    }
    expect(moves).toBe(1);
    expect(lists).toEqual({ start: [], a: ['card'], b: [] });
  });

  it('while held, the target is the card itself; when the pointer moves, the detection answers again', () => {
    const steady = new SteadyCollisions(() => [{ id: 'other' }]);
    expect(steady.detection(args({ x: 10, y: 10 }))).toEqual([{ id: 'other' }]);
    steady.moved();
    expect(steady.detection(args({ x: 10, y: 10 }))).toEqual([{ id: 'card' }]);
    expect(steady.detection(args({ x: 10, y: 14 }))).toEqual([{ id: 'other' }]);
    // The hold is gone for good until the next move, even back at the old point.
    expect(steady.detection(args({ x: 10, y: 10 }))).toEqual([{ id: 'other' }]);
  });

  it('with the keyboard, the next arrow step (the rectangle moves) lifts the hold', () => {
    const steady = new SteadyCollisions(() => [{ id: 'other' }]);
    steady.detection(args(null, { left: 100, top: 200 }));
    steady.moved();
    expect(steady.detection(args(null, { left: 100, top: 200 }))).toEqual([{ id: 'card' }]);
    expect(steady.detection(args(null, { left: 100, top: 320 }))).toEqual([{ id: 'other' }]);
  });

  it('a new drag starts without a hold', () => {
    const steady = new SteadyCollisions(() => [{ id: 'other' }]);
    steady.detection(args({ x: 1, y: 1 }));
    steady.moved();
    steady.reset();
    expect(steady.detection(args({ x: 1, y: 1 }))).toEqual([{ id: 'other' }]);
  });
});

describe('a drop is committed only by a board that is still there', () => {
  it('a drag that started and ends on screen may commit, once', () => {
    const session = new DragSession();
    session.begin();
    expect(session.end()).toBe(true);
    expect(session.end()).toBe(false);
  });

  it('a release after the board is gone (its view failed mid-drag) commits nothing', () => {
    const session = new DragSession();
    session.begin();
    session.dispose();
    expect(session.end()).toBe(false);
  });

  it('a drag that never started on this board, or was cancelled, commits nothing', () => {
    const session = new DragSession();
    expect(session.end()).toBe(false);
    session.begin();
    session.end(); // cancelled
    expect(session.end()).toBe(false);
  });

  it('a board that comes back (React remounts it) takes drags again', () => {
    const session = new DragSession();
    session.dispose();
    session.begin();
    expect(session.end()).toBe(false);
    session.attach();
    session.begin();
    expect(session.end()).toBe(true);
  });
});
