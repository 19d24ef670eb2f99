import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProductText, serializeProduct } from '../../src/shared/model/productFile';

const samplesDir = join(__dirname, '../../resources/samples');
const files = readdirSync(samplesDir).filter((f) => f.endsWith('.product.json'));

describe('sample products', () => {
  it('ships at least three samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(join(samplesDir, file), 'utf8');
      const parsed = parseProductText(text);

      it('parses and validates as a current product file', () => {
        expect(parsed.ok ? 'ok' : parsed.reason).toBe('ok');
      });

      if (!parsed.ok) return;
      const p = parsed.product;

      it('is stored in canonical form (what the app would write)', () => {
        expect(text).toBe(serializeProduct(p));
      });

      it('is named after its id', () => {
        expect(file).toBe(`${p.id}.product.json`);
      });

      it('has the rich content a learner needs', () => {
        expect(Object.values(p.vision).every((v) => v.trim().length > 20)).toBe(true);
        expect(p.personas.length).toBeGreaterThanOrEqual(3);
        expect(p.goals.length).toBeGreaterThanOrEqual(3);
        expect(p.goals.every((g) => g.metric && g.target)).toBe(true);
        expect(p.epics.length).toBeGreaterThanOrEqual(5);
        expect(p.stories.length).toBeGreaterThanOrEqual(40);
        const scored = p.stories.filter((s) => Object.values(s.scores.rice).every((v) => v !== null));
        expect(scored.length).toBeGreaterThanOrEqual(15);
        expect(p.roadmap.items.length).toBeGreaterThanOrEqual(6);
        expect(p.specs.length).toBeGreaterThanOrEqual(1);
        expect(p.practice.brief.length).toBeGreaterThan(100);
      });

      it('has stories in every column, from rough idea to done', () => {
        for (const column of p.board.columns) {
          expect(p.stories.some((s) => s.status === column.id), `no story in column ${column.id}`).toBe(true);
        }
        expect(p.board.columns.some((c) => c.category === 'backlog')).toBe(true);
        expect(p.board.columns.some((c) => c.category === 'done')).toBe(true);
      });

      it('has unique ids and no dangling references', () => {
        const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
        for (const list of [p.personas, p.goals, p.epics, p.stories, p.board.columns, p.roadmap.lanes, p.roadmap.items, p.roadmap.milestones, p.specs]) {
          expect(ids(list).size).toBe(list.length);
        }
        const epics = ids(p.epics);
        const goals = ids(p.goals);
        const stories = ids(p.stories);
        const items = ids(p.roadmap.items);
        const lanes = ids(p.roadmap.lanes);
        for (const s of p.stories) if (s.epicId) expect(epics.has(s.epicId), `${s.id} epic`).toBe(true);
        for (const e of p.epics) if (e.goalId) expect(goals.has(e.goalId), `${e.id} goal`).toBe(true);
        for (const i of p.roadmap.items) {
          if (i.goalId) expect(goals.has(i.goalId), `${i.id} goal`).toBe(true);
          if (i.laneId) expect(lanes.has(i.laneId), `${i.id} lane`).toBe(true);
          for (const e of i.epicIds) expect(epics.has(e), `${i.id} epic ${e}`).toBe(true);
          for (const s of i.storyIds) expect(stories.has(s), `${i.id} story ${s}`).toBe(true);
          for (const d of i.dependsOn) expect(items.has(d), `${i.id} dep ${d}`).toBe(true);
        }
      });
    });
  }
});
