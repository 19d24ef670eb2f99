import { memo, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import type { RoadmapItem } from '../../../../shared/model/schema';
import type { RoadmapFinding } from '../../../../shared/roadmap/checks';
import { formatDate, formatRange, type IsoDate, type ZoomLevel } from '../../../../shared/roadmap/dates';
import { dragSpan, sameSpan, scheduleFor, spanToPixels, stepSpan, type ItemSpan, type Span, type SpanChange } from '../../../../shared/roadmap/timeline';
import { FindingBadge } from './FindingBadge';
import './TimelineBar.css';

export type ScheduleHandler = (id: string, dates: { start: IsoDate | null; end: IsoDate | null }, how: 'drag' | 'key') => void;

interface TimelineBarProps {
  item: RoadmapItem;
  span: ItemSpan;
  rangeStart: IsoDate;
  pxPerDay: number;
  zoom: ZoomLevel;
  color: string;
  offsetLeft: number;
  findings: RoadmapFinding[] | undefined;
  selected: boolean;
  describedBy: string;
  onSchedule: ScheduleHandler;
  onOpen: (id: string) => void;
}

/** Pixels the pointer must travel before a press becomes a drag (a shorter press is a click). */
const DRAG_THRESHOLD = 3;

function spanLabel(span: ItemSpan): string {
  if (span.openEnd) return `from ${formatDate(span.start)}, no end date`;
  if (span.openStart) return `until ${formatDate(span.end)}, no start date`;
  return formatRange(span.start, span.end);
}

/**
 * One item on the timeline. Dragging changes only this bar's local state (the rest of the timeline
 * does not re-render) and commits one `roadmap.schedule` edit on release. Keyboard: ←/→ move by
 * one unit, Shift+←/→ move the end, Alt+←/→ move the start, Enter opens the item.
 */
export const TimelineBar = memo(function TimelineBar(props: TimelineBarProps) {
  const { item, span, rangeStart, pxPerDay, zoom, color, offsetLeft, findings, selected, describedBy, onSchedule, onOpen } = props;
  const [preview, setPreview] = useState<Span | null>(null);
  const drag = useRef<{ change: SpanChange; startX: number; moved: boolean; pointerId: number; result: Span | null } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const shown = preview ?? span;
  const { left, width } = spanToPixels(shown, rangeStart, pxPerDay);

  // Keep a bar moved with the keyboard in view.
  useEffect(() => {
    const el = ref.current;
    if (el && document.activeElement === el) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [span.start, span.end]);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const edge = e.target instanceof HTMLElement ? e.target.dataset['edge'] : undefined;
    const change: SpanChange = edge === 'start' ? 'start' : edge === 'end' ? 'end' : 'move';
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { change, startX: e.clientX, moved: false, pointerId: e.pointerId, result: null };
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const dx = e.clientX - d.startX;
    if (!d.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
    d.moved = true;
    const next = dragSpan(span, d.change, Math.round(dx / pxPerDay), zoom);
    if (!d.result || !sameSpan(d.result, next)) {
      d.result = next;
      setPreview(next);
    }
  };

  const finish = (e: PointerEvent<HTMLDivElement>, cancelled: boolean) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    setPreview(null);
    if (cancelled) return;
    if (!d.moved) {
      onOpen(item.id);
      return;
    }
    if (d.result && !sameSpan(d.result, span)) onSchedule(item.id, scheduleFor(span, d.result, d.change), 'drag');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(item.id);
      return;
    }
    if (e.key === 'Escape' && drag.current) {
      drag.current = null;
      setPreview(null);
      return;
    }
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    if (e.ctrlKey || e.metaKey) return;
    e.preventDefault(); // also stops Alt+← from navigating back
    const change: SpanChange = e.altKey ? 'start' : e.shiftKey ? 'end' : 'move';
    const next = stepSpan(span, change, e.key === 'ArrowLeft' ? -1 : 1, zoom);
    if (next) onSchedule(item.id, scheduleFor(span, next, change), 'key');
  };

  const classes = ['rm-bar', `rm-bar-${item.status}`, `rm-conf-${item.confidence}`];
  if (span.openEnd) classes.push('open-end');
  if (span.openStart) classes.push('open-start');
  if (selected) classes.push('selected');
  if (preview) classes.push('dragging');
  if (findings) classes.push('has-findings');

  return (
    <div
      ref={ref}
      role="button"
      tabIndex={0}
      aria-roledescription="timeline bar"
      aria-label={`${item.title}: ${spanLabel({ ...span, ...shown })}`}
      aria-describedby={describedBy}
      aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Alt+ArrowLeft Alt+ArrowRight Enter"
      data-bar-id={item.id}
      className={classes.join(' ')}
      style={{ left: offsetLeft + left, width: Math.max(width, 6), '--bar-color': color } as CSSProperties}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => finish(e, false)}
      onPointerCancel={(e) => finish(e, true)}
      onLostPointerCapture={(e) => {
        if (drag.current) finish(e, false);
      }}
      onKeyDown={onKeyDown}
    >
      <span className="rm-bar-edge start" data-edge="start" aria-hidden="true" />
      <span className="rm-bar-label">{item.title}</span>
      {findings && <FindingBadge findings={findings} compact />}
      <span className="rm-bar-edge end" data-edge="end" aria-hidden="true" />
      {preview && (
        <span className="rm-bar-tip" aria-hidden="true">
          {formatRange(preview.start, preview.end)}
        </span>
      )}
    </div>
  );
});
