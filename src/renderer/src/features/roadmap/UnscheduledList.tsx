import { useRef, useState, type PointerEvent } from 'react';
import type { RoadmapItem } from '../../../../shared/model/schema';
import { UNIT_NOUN, type ZoomLevel } from '../../../../shared/roadmap/dates';
import { HORIZON_LABELS } from './labels';
import type { RoadmapData } from './useRoadmapData';
import './UnscheduledList.css';

interface UnscheduledListProps {
  items: RoadmapItem[];
  data: RoadmapData;
  zoom: ZoomLevel;
  onOpen: (id: string) => void;
  /** Drop an item at a screen point; false when the point is not on the timeline. */
  onDrop: (id: string, clientX: number, clientY: number) => boolean;
  /** The keyboard path: place the item in the current unit. */
  onSchedule: (id: string) => void;
}

const DRAG_THRESHOLD = 4;

/** Items without dates, beside the timeline: drag one onto the dates, or press its Schedule button. */
export function UnscheduledList({ items, data, zoom, onOpen, onDrop, onSchedule }: UnscheduledListProps) {
  const [dragging, setDragging] = useState<{ id: string; title: string; x: number; y: number } | null>(null);
  const ghost = useRef<HTMLDivElement>(null);
  const press = useRef<{ id: string; title: string; x: number; y: number; pointerId: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);

  const moveGhost = (x: number, y: number) => {
    if (ghost.current) ghost.current.style.transform = `translate(${x + 12}px, ${y + 8}px)`;
  };

  const onPointerDown = (e: PointerEvent<HTMLButtonElement>, item: RoadmapItem) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    press.current = { id: item.id, title: item.title, x: e.clientX, y: e.clientY, pointerId: e.pointerId, moved: false };
  };

  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    const p = press.current;
    if (!p || p.pointerId !== e.pointerId) return;
    if (!p.moved && Math.hypot(e.clientX - p.x, e.clientY - p.y) < DRAG_THRESHOLD) return;
    if (!p.moved) {
      p.moved = true;
      setDragging({ id: p.id, title: p.title, x: e.clientX, y: e.clientY });
    }
    moveGhost(e.clientX, e.clientY);
  };

  const onPointerUp = (e: PointerEvent<HTMLButtonElement>, cancelled: boolean) => {
    const p = press.current;
    if (!p || p.pointerId !== e.pointerId) return;
    press.current = null;
    setDragging(null);
    if (p.moved) {
      suppressClick.current = true;
      if (!cancelled) onDrop(p.id, e.clientX, e.clientY);
    }
  };

  return (
    <aside className="rm-unscheduled" aria-labelledby="rm-unscheduled-title">
      <h3 id="rm-unscheduled-title">
        Not scheduled <span className="count">{items.length}</span>
      </h3>
      <p className="rm-unscheduled-hint">Drag an item onto the timeline, or press Schedule to place it in this {UNIT_NOUN[zoom]} and move it with the arrow keys.</p>
      {items.length === 0 ? (
        <p className="muted rm-unscheduled-hint">Every item has dates.</p>
      ) : (
        <ul className="rm-unscheduled-list">
          {items.map((item) => {
            const lane = item.laneId ? data.lanes.get(item.laneId) : undefined;
            return (
              <li key={item.id} className={dragging?.id === item.id ? 'dragging' : undefined}>
                <button
                  type="button"
                  className="rm-unscheduled-item"
                  data-unscheduled-id={item.id}
                  onPointerDown={(e) => onPointerDown(e, item)}
                  onPointerMove={onPointerMove}
                  onPointerUp={(e) => onPointerUp(e, false)}
                  onPointerCancel={(e) => onPointerUp(e, true)}
                  onClick={() => {
                    if (suppressClick.current) {
                      suppressClick.current = false;
                      return;
                    }
                    onOpen(item.id);
                  }}
                >
                  <span className="rm-unscheduled-title">{item.title}</span>
                  <span className="rm-unscheduled-meta">
                    <span className={`rm-h-pill rm-h-${item.horizon}`}>{HORIZON_LABELS[item.horizon]}</span>
                    {lane && (
                      <span className="rm-lane-tag">
                        <span className="rm-dot" style={{ background: lane.color }} aria-hidden="true" />
                        {lane.name}
                      </span>
                    )}
                  </span>
                </button>
                <button type="button" className="rm-schedule-button" aria-label={`Schedule ${item.title}`} onClick={() => onSchedule(item.id)}>
                  Schedule
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {dragging && (
        <div ref={ghost} className="rm-drag-ghost" aria-hidden="true" style={{ transform: `translate(${dragging.x + 12}px, ${dragging.y + 8}px)` }}>
          {dragging.title}
        </div>
      )}
    </aside>
  );
}
