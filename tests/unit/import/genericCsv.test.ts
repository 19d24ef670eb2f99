/** Generic CSV import: the guessed mapping, an edited mapping, and what happens to odd values. */
import { describe, expect, it } from 'vitest';
import { guessMapping, type FieldMapping } from '../../../src/shared/import/csvFields';
import { parseGenericCsv, unguardCell } from '../../../src/shared/import/genericCsv';
import { fixtureText, previewOf, resultOf, sourceStatusOf, story } from './importFixtures';

describe('a spreadsheet saved with ";" as the delimiter', () => {
  const preview = previewOf('generic-backlog-semicolon.csv');

  it('is read as a generic CSV whose mapping is guessed from the header', () => {
    if (preview.kind !== 'csv') throw new Error(`read as ${preview.kind}`);
    expect(preview.header).toEqual(['Story', 'As a', 'I want', 'So that', 'Points', 'Stage', 'Tags', 'Acceptance Criteria', 'Owner', 'Epic']);
    expect(preview.mapping).toEqual(['title', 'asA', 'iWant', 'soThat', 'estimate', 'status', 'labels', 'criteria', null, 'epic']);
  });

  it('imports the stories with their fields, lists split, and epics by name', () => {
    const result = resultOf('generic-backlog-semicolon.csv');
    expect(story(result, 'Weekly meal plan')).toMatchObject({
      asA: 'busy parent',
      iWant: 'a plan for the week',
      soThat: 'I shop once',
      estimate: 5,
      labels: ['planning', 'mobile'],
      acceptanceCriteria: [
        { id: expect.any(String), text: 'Plan covers 7 days' },
        { id: expect.any(String), text: 'Swap a meal with one tap' },
      ],
    });
    expect(story(result, 'Shopping list from plan').acceptanceCriteria.map((c) => c.text)).toEqual(['Items grouped by aisle', 'Quantities add up']);
    expect(result.epics.map((e) => e.title)).toEqual(['Planning', 'Sharing']);
    expect(story(result, 'Weekly meal plan').epicId).toBe(story(result, 'Shopping list from plan').epicId);
    expect(sourceStatusOf(result, 'Share plan with partner')).toBe('Doing');
  });

  it('skips a row without a title, warns about an estimate that is not a number and about the unmapped column', () => {
    const result = resultOf('generic-backlog-semicolon.csv');
    expect(result.skipped).toEqual([{ row: 4, ref: 'row 4', reason: 'It has no title.' }]);
    expect(story(result, 'Share plan with partner').estimate).toBeNull();
    expect(result.warnings).toContain('1 column is not imported: Owner.');
    expect(result.warnings).toContain('An estimate value is not a number of 0 or more and was left empty (row 5: “big”).');
  });

  it('follows an edited mapping: Owner as a label, Tags ignored', () => {
    const text = fixtureText('generic-backlog-semicolon.csv');
    const mapping: FieldMapping = ['title', 'asA', 'iWant', 'soThat', 'estimate', 'status', null, 'criteria', 'label', 'epic'];
    const result = parseGenericCsv(text, mapping);
    expect(story(result, 'Weekly meal plan').labels).toEqual(['Ana']);
    expect(story(result, 'Shopping list from plan').labels).toEqual(['Ben']);
    expect(result.warnings).toContain('1 column is not imported: Tags.');
  });

  it('imports nothing, and says why, when no column is mapped to Title', () => {
    const result = parseGenericCsv(fixtureText('generic-backlog-semicolon.csv'), [null, 'asA', null, null, null, null, null, null, null, null]);
    expect(result.stories).toEqual([]);
    expect(result.warnings[0]).toMatch(/No column is mapped to Title/);
  });
});

describe('value parsing', () => {
  it('reads the user-story sentence from a description when no As a / I want / So that columns are mapped', () => {
    const result = parseGenericCsv('Title,Description\nCheckout,"As a guest, I want to check out without an account, so that I buy faster.\n\nSee the funnel data."\n');
    expect(result.stories[0]?.story).toMatchObject({ asA: 'guest', iWant: 'to check out without an account', soThat: 'I buy faster', description: 'See the funnel data.' });
  });

  it('orders by a numeric order column and re-ranks (ranks that are not fractional indexes are not kept)', () => {
    const result = parseGenericCsv('Title,Order\nC,3\nA,1\nB,2\n');
    expect(result.stories.map((s) => s.story.title)).toEqual(['A', 'B', 'C']);
    expect(result.stories.every((s) => !s.keepRank)).toBe(true);
  });

  it('checks score ranges and reads MoSCoW words', () => {
    const result = parseGenericCsv('Title,RICE confidence,ICE ease,MoSCoW\nA,80%,11,Must have\nB,,7,maybe\n');
    expect(result.stories[0]?.story.scores).toMatchObject({ rice: { confidence: 80 }, ice: { ease: null }, moscow: 'must' });
    expect(result.stories[1]?.story.scores).toMatchObject({ ice: { ease: 7 }, moscow: null });
    expect(result.warnings.some((w) => w.includes('ICE ease'))).toBe(true);
    expect(result.warnings.some((w) => w.includes('MoSCoW'))).toBe(true);
  });

  it('gives a repeated ID a new id and says so', () => {
    const result = parseGenericCsv('ID,Title\ns-1,A\ns-1,B\n');
    expect(result.stories.map((s) => s.story.id)[0]).toBe('s-1');
    expect(result.stories[1]?.story.id).not.toBe('s-1');
    expect(result.warnings[0]).toMatch(/^A row repeats an ID/);
  });

  it('takes the export’s formula guard off again, exactly', () => {
    expect(unguardCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguardCell("''=x")).toBe("'=x");
    expect(unguardCell("'plain")).toBe("'plain");
    expect(unguardCell('-1')).toBe('-1');
  });

  it('guesses the mapping of another tool’s header names', () => {
    expect(guessMapping(['Summary', 'Story Points', 'State', 'Tags', 'Work Item ID', 'Reach', 'Unknown'])).toEqual(['title', 'estimate', 'status', 'labels', 'id', 'rice.reach', null]);
  });
});
