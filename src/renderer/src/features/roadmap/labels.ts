import type { Horizon, RoadmapItem } from '../../../../shared/model/schema';
import type { SwimlaneMode } from '../../../../shared/roadmap/grouping';
import type { ZoomLevel } from '../../../../shared/roadmap/dates';

export const HORIZON_LABELS: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };
export const HORIZON_HINTS: Record<Horizon, string> = {
  now: 'Committed, in flight',
  next: 'Planned, being shaped',
  later: 'Direction, not yet planned',
};
export const STATUS_LABELS: Record<RoadmapItem['status'], string> = { planned: 'Planned', 'in-progress': 'In progress', done: 'Done', 'at-risk': 'At risk' };
export const CONFIDENCE_LABELS: Record<RoadmapItem['confidence'], string> = { high: 'High', medium: 'Medium', low: 'Low' };
export const SWIMLANE_LABELS: Record<SwimlaneMode, string> = { none: 'None', lane: 'Themes (lanes)', goal: 'Goals' };
export const ZOOM_LABELS: Record<ZoomLevel, string> = { weeks: 'Weeks', months: 'Months', quarters: 'Quarters' };
