import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import { attemptOf, attemptsFor, recordAttemptEdit, withAttempt } from '../../../src/shared/practice/attempts';
import type { Attempt } from '../../../src/shared/model/exerciseSchema';
import { evaluateExercise } from '../../../src/shared/practice/evaluate';
import { bestWithinCapacity } from '../../../src/shared/practice/knapsack';
import { combineProgress, exerciseStatus, practiceProgress } from '../../../src/shared/practice/progress';
import { exercise, product } from './fixtures';

const ex = (id: string) =>
  exercise({ id, title: id, skill: 'refinement', brief: 'Do it.', view: 'backlog', scope: { storyIds: ['st-1'] }, rubric: [{ id: 'ready', label: 'Ready', rule: { check: 'stories-ready' } }] });
const attempt = (exerciseId: string, score: number, at = '2026-11-25T10:00:00.000Z'): Attempt => ({ exerciseId, at, score, passed: score === 100, criteria: [] });

describe('attempts', () => {
  it('records a check as an attempt with the time it is given', () => {
    const p = product();
    const result = evaluateExercise(p, ex('a'));
    const a = attemptOf(result, '2026-11-25T10:00:00.000Z');
    expect(a).toEqual({ exerciseId: 'a', at: '2026-11-25T10:00:00.000Z', score: 100, passed: true, criteria: [{ id: 'ready', passed: true }] });
    const recorded = applyEdit(p, recordAttemptEdit(p.practice, a)).product;
    expect(attemptsFor(recorded.practice, 'a')).toEqual([a]);
  });

  it('keeps the last few attempts of each exercise, oldest dropped, others untouched', () => {
    let list: Attempt[] = [attempt('b', 10)];
    for (let i = 0; i < 7; i += 1) list = withAttempt(list, attempt('a', i * 10, `2026-11-25T10:0${i}:00.000Z`));
    expect(list.filter((x) => x.exerciseId === 'a').map((x) => x.score)).toEqual([20, 30, 40, 50, 60]);
    expect(list.filter((x) => x.exerciseId === 'b')).toHaveLength(1);
  });
});

describe('progress', () => {
  it('counts exercises attempted and passed, and the average of the best scores', () => {
    const practice = {
      exercises: [ex('a'), ex('b'), ex('c')],
      attempts: [attempt('a', 40), attempt('a', 100), attempt('b', 50), attempt('gone', 100)],
    };
    expect(exerciseStatus(practice, 'a')).toMatchObject({ attempts: 2, best: 100, passed: true });
    expect(exerciseStatus(practice, 'c')).toEqual({ attempts: 0, best: null, passed: false, last: null });
    expect(practiceProgress(practice)).toEqual({ exercises: 3, attempted: 2, passed: 1, averageScore: 75 });
    expect(practiceProgress({ exercises: [ex('a')], attempts: [] })).toEqual({ exercises: 1, attempted: 0, passed: 0, averageScore: null });
  });

  it('combines products, weighting the average by attempted exercises', () => {
    expect(
      combineProgress([
        { exercises: 6, attempted: 3, passed: 1, averageScore: 60 },
        { exercises: 6, attempted: 1, passed: 1, averageScore: 100 },
        { exercises: 5, attempted: 0, passed: 0, averageScore: null },
      ]),
    ).toEqual({ exercises: 17, attempted: 4, passed: 2, averageScore: 70 });
  });
});

describe('the best plan within a capacity (knapsack)', () => {
  it('finds the best set, not the greedy one', () => {
    const items = [
      { id: 'big', value: 100, weight: 5 },
      { id: 'x', value: 60, weight: 2 },
      { id: 'y', value: 50, weight: 2 },
      { id: 'z', value: 40, weight: 2 },
    ];
    expect(bestWithinCapacity(items, 6)).toEqual({ ids: ['x', 'y', 'z'], value: 150, weight: 6 });
    expect(bestWithinCapacity(items, 1)).toEqual({ ids: [], value: 0, weight: 0 });
    expect(bestWithinCapacity([{ id: 'half', value: 10, weight: 0.5 }], 0.5).ids).toEqual(['half']);
  });

  it('matches brute force on small random sets', () => {
    const item = fc.record({ value: fc.integer({ min: 1, max: 1000 }), weight: fc.integer({ min: 1, max: 20 }).map((w) => w / 2) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 9 }), fc.integer({ min: 1, max: 30 }).map((c) => c / 2), (raw, capacity) => {
        const items = raw.map((x, i) => ({ id: `i${i}`, ...x }));
        let best = 0;
        for (let mask = 0; mask < 1 << items.length; mask += 1) {
          let v = 0;
          let w = 0;
          items.forEach((x, i) => {
            if (mask & (1 << i)) {
              v += x.value;
              w += x.weight;
            }
          });
          if (w <= capacity + 1e-9) best = Math.max(best, v);
        }
        const found = bestWithinCapacity(items, capacity);
        expect(found.value).toBe(best);
        expect(found.weight).toBeLessThanOrEqual(capacity + 1e-9);
        expect(found.ids.reduce((sum, id) => sum + (items.find((x) => x.id === id)?.value ?? 0), 0)).toBe(best);
      }),
    );
  });
});
