import { describe, expect, it } from 'vitest';
import type { Framework, Prioritization } from '../../../src/shared/model/schema';
import { csvField, csvRecord, markdownCell, prioritizationCsv, prioritizationFileName, prioritizationMarkdown, type PrioritizationExport } from '../../../src/shared/export/prioritization';
import { FRAMEWORKS, rankBy } from '../../../src/shared/scoring/frameworks';
import type { Ranking } from '../../../src/shared/scoring/ranking';
import { item, rice } from './scoringFixtures';

/** A strict RFC 4180 reader for checking the output (tests only). */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else if (ch === '\n' || ch === '"') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    else field += ch;
    i += 1;
  }
  if (field !== '' || record.length > 0) throw new Error('no CRLF after the last record');
  return records;
}

describe('csvField', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(2.5)).toBe('2.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvRecord(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"');
  });
  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-3)).toBe('-3');
  });
});

const items = [
  item('s1', 0, { rice: rice(25000, 1, 100, 0.5), ice: { impact: 5, confidence: 5, ease: 5 }, moscow: 'must' }, { title: 'Plan meals, "fast"' }),
  item('s2', 1, { rice: rice(null, 2, 80, 1), moscow: 'could' }, { title: 'Share | lists *now*' }),
  item('s3', 2, { rice: rice(500, 2, 80, 2), wsjf: { businessValue: 8, timeCriticality: 13, riskReduction: 13, jobSize: 5 } }, { title: '=cmd' }),
];
const rankings = Object.fromEntries(FRAMEWORKS.map((f) => [f, rankBy(f, items)])) as Record<Framework, Ranking>;
const prioritization: Prioritization = { scope: 'stories', framework: 'rice', reachPeriod: 'households per quarter', learnerRanking: null, notes: 'Retention first,\nthen "growth".' };
const data: PrioritizationExport = { productName: 'Larder', prioritization, items, rankings };

describe('prioritizationCsv', () => {
  const records = readCsv(prioritizationCsv(data));

  it('is valid RFC 4180 with the same number of fields in every record', () => {
    const widths = new Set(records.map((r) => r.length));
    expect(widths.size).toBe(1);
  });

  it('starts with the framework and the rationale notes', () => {
    expect(records[0]?.slice(0, 2)).toEqual(['Product', 'Larder']);
    expect(records[1]?.slice(0, 2)).toEqual(['Framework', 'RICE']);
    expect(records[2]?.[1]).toMatch(/Reach × Impact × Confidence ÷ Effort/);
    expect(records[5]?.slice(0, 2)).toEqual(['Rationale notes', 'Retention first,\nthen "growth".']);
    expect(records[6]?.every((f) => f === '')).toBe(true);
  });

  it('lists items in the chosen ranking, unscored last, with inputs, scores and ranks', () => {
    const header = records[7] ?? [];
    expect(header.slice(0, 4)).toEqual(['Rank (RICE)', 'ID', 'Title', 'Reach (households per quarter)']);
    const col = (name: string) => header.indexOf(name);
    const rows = records.slice(8);
    expect(rows.map((r) => r[1])).toEqual(['s1', 's3', 's2']);
    const [s1, s3, s2] = rows;
    expect(s1?.[col('Title')]).toBe('Plan meals, "fast"');
    expect(s1?.[col('RICE score')]).toBe('50000');
    expect(s1?.[col('RICE rank')]).toBe('1');
    expect(s1?.[col('Quadrant')]).toBe('Quick wins');
    expect(s1?.[col('ICE score')]).toBe('125');
    expect(s1?.[col('MoSCoW')]).toBe('Must have');
    expect(s3?.[col('Title')]).toBe("'=cmd");
    expect(s3?.[col('RICE score')]).toBe('400');
    expect(s3?.[col('WSJF score')]).toBe('6.8');
    expect(s2?.[col('Rank (RICE)')]).toBe('');
    expect(s2?.[col('Reach (households per quarter)')]).toBe('');
    expect(s2?.[col('RICE score')]).toBe('');
    expect(s2?.[col('RICE status')]).toBe('missing reach');
  });
});

describe('prioritizationMarkdown', () => {
  const md = prioritizationMarkdown(data);

  it('has the framework, the rationale and an escaped table in ranking order', () => {
    expect(md).toMatch(/^# Prioritisation — Larder\n/);
    expect(md).toContain('- **Framework:** RICE (Reach × Impact × Confidence ÷ Effort)');
    expect(md).toContain('## Rationale\n\nRetention first,\nthen "growth".');
    const tableRows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(tableRows[0]).toContain('| # | Item | Reach (households per quarter) |');
    expect(tableRows[1]).toMatch(/^\| 1 \| Plan meals, "fast" \| 25,000 \| 1 \(Medium\) \| 100% \| 0\.5 \| Quick wins \| 50,000 \(#1\) \| 125 \(#1\) \| — \| Must have \(#1\) \|$/);
    expect(tableRows[3]).toContain('Share \\| lists \\*now\\*');
    // Every table row has the same number of unescaped cell separators.
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    expect(new Set(tableRows.map(cells)).size).toBe(1);
    expect(md).toContain('## Not scored by RICE\n\n- Share \\| lists \\*now\\* — missing reach');
  });

  it('says when there are no notes, and escapes cells', () => {
    expect(prioritizationMarkdown({ ...data, prioritization: { ...prioritization, notes: '' } })).toContain('_No rationale notes yet._');
    expect(markdownCell('a|b\nc <x> [y]')).toBe('a\\|b c \\<x\\> \\[y\\]');
  });

  it('names files by product and framework', () => {
    expect(prioritizationFileName('larder', 'wsjf', 'csv')).toBe('larder-prioritisation-wsjf.csv');
  });
});
