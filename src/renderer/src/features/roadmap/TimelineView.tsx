import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Product } from '../../../../shared/model/schema';
import { daysBetween, formatDate, formatRange, UNIT_NOUN, type IsoDate, type ZoomLevel } from '../../../../shared/roadmap/dates';
import type { SwimlaneMode } from '../../../../shared/roadmap/grouping';
import { dateToX, placeAt, PX_PER_DAY, ticks, timelineRange, UPPER_UNIT, xToDate } from '../../../../shared/roadmap/timeline';
import { dependencyLines, rowHeight, timelineLayout, type TimelineLayout } from '../../../../shared/roadmap/timelineRows';
import type { DocumentStore } from '../../state/documentStore';
import { describeItem } from './RoadmapCard';
import { HORIZON_LABELS } from './labels';
import { TimelineBar, type ScheduleHandler } from './TimelineBar';
import { UnscheduledList } from './UnscheduledList';
import type { RoadmapData } from './useRoadmapData';
import './TimelineView.css';

const LABEL_WIDTH = 230;
const HEADER_HEIGHT = 64;
const DEFAULT_BAR_COLOR = '#6b7280';

interface TimelineViewProps {
  store: DocumentStore;
  product: Product;
  data: RoadmapData;
  mode: SwimlaneMode;
  zoom: ZoomLevel;
  selectedId: string | null;
  onOpen: (id: string) => void;
  focusRequest: { id: string; seq: number } | null;
  onFocusItem: (id: string) => void;
}

/**
 * The timeline: items as bars on a date axis (weeks / months / quarters), swimlanes, today line,
 * milestones, dependency lines; rows are virtualised and the scale renders only what is visible.
 */
export function TimelineView({ store, product, data, mode, zoom, selectedId, onOpen, focusRequest, onFocusItem }: TimelineViewProps) {
  const layout = useMemo(() => timelineLayout(product, mode, zoom), [product, mode, zoom]);
  const pxPerDay = PX_PER_DAY[zoom];
  const milestones = product.roadmap.milestones;
  const range = useMemo(
    () => timelineRange([...layout.dates, ...milestones.map((m) => m.date)], data.today, zoom, 2),
    [layout.dates, milestones, data.today, zoom],
  );
  const width = daysBetween(range.start, range.end) * pxPerDay;
  const scrollRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [announcement, setAnnouncement] = useState('');

  // The React Compiler is not used here; the virtualizer's functions are only called during render and in effects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: layout.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => rowHeight(layout.rows[i]),
    getItemKey: (i) => layout.rows[i]?.key ?? i,
    paddingStart: HEADER_HEIGHT,
    overscan: 8,
  });

  // The horizontal window, for rendering only the visible part of the scale.
  const [viewport, setViewport] = useState({ left: 0, width: 1200 });
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      setViewport((v) => (v.left === el.scrollLeft && v.width === el.clientWidth ? v : { left: el.scrollLeft, width: el.clientWidth }));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    el.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    update();
    return () => {
      el.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  // Open at today; on zoom, keep today in view; when the range grows to the left, keep the content still.
  const placed = useRef<{ zoom: ZoomLevel; start: IsoDate } | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const prev = placed.current;
    if (prev && prev.zoom === zoom) {
      if (prev.start !== range.start) el.scrollLeft += daysBetween(range.start, prev.start) * pxPerDay;
    } else {
      el.scrollLeft = Math.max(0, dateToX(data.today, range.start, pxPerDay) - (el.clientWidth - LABEL_WIDTH) * 0.3);
    }
    placed.current = { zoom, start: range.start };
  }, [zoom, range.start, pxPerDay, data.today]);

  const onSchedule = useCallback<ScheduleHandler>(
    (id, dates, how) => {
      const item = data.items.get(id);
      store.dispatch({ type: 'roadmap.schedule', id, start: dates.start, end: dates.end }, how === 'drag' ? 'Reschedule roadmap item' : 'Reschedule roadmap item');
      setAnnouncement(`${item?.title ?? 'Item'}: ${formatRange(dates.start, dates.end)}`);
    },
    [store, data.items],
  );

  const handled = useRef(0);
  useEffect(() => {
    if (!focusRequest || handled.current === focusRequest.seq) return;
    const index = layout.rowOfItem.get(focusRequest.id);
    if (index === undefined) {
      // Not on the timeline: it is in the "Not scheduled" list (or gone).
      handled.current = focusRequest.seq;
      document.querySelector<HTMLElement>(`[data-unscheduled-id="${CSS.escape(focusRequest.id)}"]`)?.focus();
      return;
    }
    handled.current = focusRequest.seq;
    virtualizer.scrollToIndex(index, { align: 'center' });
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-bar-id="${CSS.escape(focusRequest.id)}"]`);
      if (el) {
        el.scrollIntoView({ block: 'nearest', inline: 'center' });
        el.focus({ preventScroll: true });
      } else if (tries++ < 20) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, layout, virtualizer]);

  /** Place an unscheduled item where it was dropped; false when dropped outside the dates. */
  const dropAt = useCallback(
    (id: string, clientX: number, clientY: number): boolean => {
      const el = scrollRef.current;
      if (!el) return false;
      const rect = el.getBoundingClientRect();
      if (clientX < rect.left + LABEL_WIDTH || clientX > rect.right || clientY < rect.top || clientY > rect.bottom) return false;
      const x = clientX - rect.left + el.scrollLeft - LABEL_WIDTH;
      const span = placeAt(xToDate(x, range.start, pxPerDay), zoom);
      const item = data.items.get(id);
      store.dispatch({ type: 'roadmap.schedule', id, start: span.start, end: span.end }, 'Schedule roadmap item');
      setAnnouncement(`${item?.title ?? 'Item'} scheduled: ${formatRange(span.start, span.end)}`);
      onFocusItem(id);
      return true;
    },
    [range.start, pxPerDay, zoom, data.items, store, onFocusItem],
  );

  const scheduleNow = useCallback(
    (id: string) => {
      const span = placeAt(data.today, zoom);
      const item = data.items.get(id);
      store.dispatch({ type: 'roadmap.schedule', id, start: span.start, end: span.end }, 'Schedule roadmap item');
      setAnnouncement(`${item?.title ?? 'Item'} scheduled: ${formatRange(span.start, span.end)}. Use the arrow keys to move it.`);
      onFocusItem(id);
    },
    [data.today, data.items, zoom, store, onFocusItem],
  );

  // Only the part of the scale in view (plus a margin) is rendered.
  const visibleFrom = viewport.left - 400;
  const visibleTo = viewport.left + viewport.width + 400;
  const lowerTicks = useMemo(() => ticks(range.start, range.end, zoom, pxPerDay), [range, zoom, pxPerDay]);
  const upperTicks = useMemo(() => ticks(range.start, range.end, UPPER_UNIT[zoom], pxPerDay), [range, zoom, pxPerDay]);
  const inView = <T extends { x: number; width: number }>(list: T[]) => list.filter((t) => t.x + t.width >= visibleFrom && t.x <= visibleTo);
  const todayX = dateToX(data.today, range.start, pxPerDay);
  const canvasHeight = HEADER_HEIGHT + layout.totalHeight;
  const unit = UNIT_NOUN[zoom];

  return (
    <div className="rm-timeline">
      <p id={hintId} className="rm-tl-hint">
        <span>
          Focus a bar, then <kbd>←</kbd> <kbd>→</kbd> move it by a {unit}
        </span>
        <span>
          <kbd>Shift</kbd>+<kbd>←</kbd> <kbd>→</kbd> change its end
        </span>
        <span>
          <kbd>Alt</kbd>+<kbd>←</kbd> <kbd>→</kbd> change its start
        </span>
        <span>
          <kbd>Enter</kbd> edit
        </span>
        <span className="muted">With the mouse: drag a bar, or its edges; dates snap to {unit}s.</span>
      </p>
      <div className="rm-tl-layout">
        <div ref={scrollRef} className="rm-tl-scroll" role="region" aria-label="Timeline" tabIndex={0}>
          <div className="rm-tl-canvas" style={{ width: LABEL_WIDTH + width, height: canvasHeight }}>
            <div className="rm-tl-header" style={{ height: HEADER_HEIGHT }}>
              <div className="rm-tl-corner" style={{ width: LABEL_WIDTH }}>
                <span>{layout.rows.filter((r) => r.kind === 'item').length} scheduled</span>
              </div>
              {inView(upperTicks).map((t) => (
                <div key={`u${t.date}`} className="rm-tl-upper" style={{ left: LABEL_WIDTH + t.x, width: t.width }}>
                  {/* The label follows the scroll so the year stays readable at the left edge. */}
                  <span style={{ marginLeft: Math.max(0, Math.min(viewport.left - t.x, t.width - 48)) }}>{t.longLabel}</span>
                </div>
              ))}
              {inView(lowerTicks).map((t) => (
                <div key={`l${t.date}`} className="rm-tl-lower" style={{ left: LABEL_WIDTH + t.x, width: t.width }} title={t.longLabel}>
                  <span>{t.label}</span>
                </div>
              ))}
              {todayX >= 0 && todayX <= width && (
                <div className="rm-tl-today-label" style={{ left: LABEL_WIDTH + todayX }}>
                  Today
                </div>
              )}
              {milestones.map((m) => {
                const x = dateToX(m.date, range.start, pxPerDay);
                return (
                  <span
                    key={m.id}
                    role="img"
                    className="rm-tl-milestone"
                    style={{ left: LABEL_WIDTH + x }}
                    aria-label={`Milestone: ${m.title}, ${formatDate(m.date)}`}
                    title={`${m.title} — ${formatDate(m.date)}${m.description ? `\n${m.description}` : ''}`}
                  />
                );
              })}
            </div>
            {inView(lowerTicks).map((t) => (
              <div key={`g${t.date}`} className="rm-tl-gridline" style={{ left: LABEL_WIDTH + t.x, top: HEADER_HEIGHT }} />
            ))}
            {inView(upperTicks).map((t) => (
              <div key={`G${t.date}`} className="rm-tl-gridline major" style={{ left: LABEL_WIDTH + t.x, top: HEADER_HEIGHT }} />
            ))}
            {milestones.map((m) => (
              <div key={m.id} className="rm-tl-milestone-line" style={{ left: LABEL_WIDTH + dateToX(m.date, range.start, pxPerDay), top: HEADER_HEIGHT }} />
            ))}
            {todayX >= 0 && todayX <= width && <div className="rm-tl-today" style={{ left: LABEL_WIDTH + todayX, top: HEADER_HEIGHT }} />}
            <DependencyLines layout={layout} data={data} rangeStart={range.start} pxPerDay={pxPerDay} width={width} />
            {virtualizer.getVirtualItems().map((v) => {
              const row = layout.rows[v.index];
              if (!row) return null;
              if (row.kind === 'group') {
                return (
                  <div key={v.key} className="rm-tl-row group" style={{ top: v.start, height: v.size }}>
                    <div className="rm-tl-label group" style={{ width: LABEL_WIDTH, borderLeftColor: row.color ?? 'transparent' }}>
                      <span className="rm-tl-group-name">{row.label}</span>
                      <span className="count">{row.count}</span>
                    </div>
                  </div>
                );
              }
              const item = row.item;
              const lane = item.laneId ? data.lanes.get(item.laneId) : undefined;
              const findings = data.findingsByItem.get(item.id);
              const descId = `rm-bar-desc-${item.id}`;
              return (
                <div key={v.key} className={`rm-tl-row${item.id === selectedId ? ' selected' : ''}`} style={{ top: v.start, height: v.size }}>
                  <div className="rm-tl-label" style={{ width: LABEL_WIDTH }}>
                    <button type="button" className="rm-tl-title" onClick={() => onOpen(item.id)} title={item.title}>
                      {item.title}
                    </button>
                    <span className={`rm-h-pill rm-h-${item.horizon}`}>{HORIZON_LABELS[item.horizon]}</span>
                  </div>
                  <span id={descId} className="visually-hidden">
                    {describeItem(item, data, data.progress.get(item.id), findings)}
                  </span>
                  <TimelineBar
                    item={item}
                    span={row.span}
                    rangeStart={range.start}
                    pxPerDay={pxPerDay}
                    zoom={zoom}
                    color={lane?.color ?? DEFAULT_BAR_COLOR}
                    offsetLeft={LABEL_WIDTH}
                    findings={findings}
                    selected={item.id === selectedId}
                    describedBy={`${descId} ${hintId}`}
                    onSchedule={onSchedule}
                    onOpen={onOpen}
                  />
                </div>
              );
            })}
            {layout.rows.length === 0 && (
              <p className="rm-tl-empty" style={{ top: HEADER_HEIGHT + 24, left: LABEL_WIDTH + 24 }}>
                No item has dates yet. Drag one from “Not scheduled”, or use its Schedule button.
              </p>
            )}
          </div>
        </div>
        <UnscheduledList items={layout.unscheduled} data={data} zoom={zoom} onOpen={onOpen} onDrop={dropAt} onSchedule={scheduleNow} />
      </div>
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

interface DependencyLinesProps {
  layout: TimelineLayout;
  data: RoadmapData;
  rangeStart: IsoDate;
  pxPerDay: number;
  width: number;
}

/** Arrows from the end of a dependency to the start of the item that needs it; red when the order is violated. */
const DependencyLines = memo(function DependencyLines({ layout, data, rangeStart, pxPerDay, width }: DependencyLinesProps) {
  const markerId = useId().replace(/:/g, '');
  const lines = useMemo(() => dependencyLines(layout), [layout]);
  if (lines.length === 0) return null;
  const violated = new Set(data.findings.filter((f) => f.code === 'dependency-order').map((f) => `${f.relatedIds[0] ?? ''}->${f.itemIds[0] ?? ''}`));
  const center = (row: number) => HEADER_HEIGHT + (layout.offsets[row] ?? 0) + rowHeight(layout.rows[row]) / 2;
  return (
    <svg className="rm-tl-deps" width={width} height={HEADER_HEIGHT + layout.totalHeight} style={{ left: LABEL_WIDTH }} aria-hidden="true" focusable="false">
      <defs>
        <marker id={`${markerId}-ok`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" className="rm-dep-head" />
        </marker>
        <marker id={`${markerId}-bad`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" className="rm-dep-head bad" />
        </marker>
      </defs>
      {lines.map((line) => {
        const x1 = (daysBetween(rangeStart, line.fromDate) + 1) * pxPerDay;
        const x2 = dateToX(line.toDate, rangeStart, pxPerDay) - 2;
        const y1 = center(line.fromRow);
        const y2 = center(line.toRow);
        const bad = violated.has(line.key);
        let d: string;
        if (x2 - x1 >= 24) {
          // Forwards in time: a smooth curve.
          const bend = Math.max(24, (x2 - x1) / 2);
          d = `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
        } else {
          // Backwards (or touching): out to the right, along the gap between the rows, back to the start.
          const gap = y1 + (y2 >= y1 ? 1 : -1) * (rowHeight(layout.rows[line.fromRow]) / 2);
          d = `M${x1},${y1} h10 V${gap} H${x2 - 12} V${y2} H${x2}`;
        }
        return <path key={line.key} d={d} className={`rm-dep${bad ? ' bad' : ''}`} markerEnd={`url(#${markerId}-${bad ? 'bad' : 'ok'})`} />;
      })}
    </svg>
  );
});
