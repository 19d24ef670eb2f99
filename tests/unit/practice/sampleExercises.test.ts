/**
 * The exercises shipped in the sample products: at least five per sample covering every skill, each
 * failing on the sample as shipped, and each reference answer replaying cleanly and passing its own
 * rubric — so a learner who does what the reference does will pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProductText } from '../../../src/shared/model/productFile';
import type { Product } from '../../../src/shared/model/schema';
import { evaluateExercise } from '../../../src/shared/practice/evaluate';
import { SKILLS } from '../../../src/shared/model/exerciseSchema';
import { referenceDifferences } from '../../../src/shared/practice/compare';
import { referenceEdits, referenceProduct } from '../../../src/shared/practice/reference';
import { highlightedStoryIds } from '../../../src/shared/practice/scope';

const samplesDir = join(__dirname, '../../../resources/samples');
const files = readdirSync(samplesDir).filter((f) => f.endsWith('.product.json'));

function load(file: string): Product {
  const parsed = parseProductText(readFileSync(join(samplesDir, file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.product;
}

describe.each(files)('exercises in %s', (file) => {
  const product = load(file);
  const exercises = product.practice.exercises;

  it('has at least five exercises covering every skill', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(5);
    expect(new Set(exercises.map((e) => e.skill))).toEqual(new Set(SKILLS));
  });

  it('refers only to stories, goals and specs that exist', () => {
    const stories = new Set(product.stories.map((s) => s.id));
    for (const e of exercises) {
      for (const id of highlightedStoryIds(product, e)) expect(stories.has(id), `${e.id}: ${id}`).toBe(true);
      for (const { rule } of e.rubric) {
        if (rule.check === 'roadmap-outcomes') expect(product.goals.some((g) => g.id === rule.goalId)).toBe(true);
        if (rule.check === 'spec-complete' && rule.specId !== null) expect(product.specs.some((s) => s.id === rule.specId)).toBe(true);
      }
      for (const id of e.scope.specIds) expect(product.specs.some((s) => s.id === id), `${e.id}: spec ${id}`).toBe(true);
    }
  });

  for (const exercise of exercises) {
    describe(exercise.id, () => {
      it('is not passed by the sample as shipped', () => {
        const result = evaluateExercise(product, exercise);
        expect(result.passed).toBe(false);
        expect(result.score).toBeLessThan(100);
      });

      it('has a reference answer whose edits are valid and pass every criterion', () => {
        expect(exercise.reference).not.toBeNull();
        if (!exercise.reference) return;
        const edits = referenceEdits(exercise.reference);
        expect(edits.ok ? 'ok' : edits.reason).toBe('ok');
        const ref = referenceProduct(product, exercise, null);
        expect(ref.ok ? 'ok' : ref.reason).toBe('ok');
        if (!ref.ok) return;
        const result = evaluateExercise(ref.value, exercise);
        const failing = result.criteria.filter((c) => !c.passed).map((c) => `${c.id}: ${c.items.map((i) => `${i.title} — ${i.problem}`).join(' | ')}`);
        expect(failing).toEqual([]);
        expect(result.score).toBe(100);
        // And the comparison with the untouched sample says something for every criterion.
        for (const d of referenceDifferences(product, ref.value, exercise)) expect(d.lines.length, d.criterionId).toBeGreaterThan(0);
      });
    });
  }
});
