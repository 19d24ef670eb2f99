/** MoSCoW buckets: Must have, Should have, Could have, Won't have (this time). */
import type { Moscow } from '../model/schema';
import type { ScoreResult } from './score';

export const MOSCOW_BUCKETS: readonly { value: Moscow; label: string }[] = [
  { value: 'must', label: 'Must have' },
  { value: 'should', label: 'Should have' },
  { value: 'could', label: 'Could have' },
  { value: 'wont', label: "Won't have" },
];

const ORDER: Record<Moscow, number> = { must: 4, should: 3, could: 2, wont: 1 };

export function moscowLabel(bucket: Moscow): string {
  return MOSCOW_BUCKETS.find((b) => b.value === bucket)?.label ?? bucket;
}

/** A bucket as a sortable score (Must 4 … Won't 1); items in one bucket tie and keep backlog order. */
export function moscowScore(bucket: Moscow | null): ScoreResult {
  if (bucket === null) return { status: 'missing', missing: ['bucket'] };
  return { status: 'scored', score: ORDER[bucket] };
}
