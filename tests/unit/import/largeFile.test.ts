/**
 * A large Jira export (20,000 rows, multi-line descriptions, repeated columns) parses, maps and
 * builds a valid product in reasonable time: the worker keeps the UI free, but it must finish.
 */
import { describe, expect, it } from 'vitest';
import { buildImportedProduct } from '../../../src/shared/import/applyImport';
import { readImportFile } from '../../../src/shared/import/readImportFile';

function bigJiraCsv(rows: number): string {
  const header = 'Summary,Issue key,Issue id,Issue Type,Status,Labels,Labels,Sprint,Description,Custom field (Story Points),Custom field (Epic Link),Comment,Comment';
  const lines = [header];
  for (let i = 1; i <= rows; i += 1) {
    const epic = i % 500 === 1;
    const status = ['To Do', 'In Progress', 'In Review', 'Done'][i % 4];
    const description = `"As a user, I want feature ${i}, so that I can ""test"" it.\n\nh3. Acceptance Criteria\n* First check for ${i}\n* Second check, with a comma"`;
    const epicLink = epic ? '' : `BIG-${i - ((i - 1) % 500)}`;
    lines.push(`Item ${i} summary,BIG-${i},${100000 + i},${epic ? 'Epic' : i % 7 === 0 ? 'Bug' : 'Story'},${status},label-${i % 13},team-${i % 5},BIG Sprint ${i % 20},${description},${i % 8},${epicLink},"01/Jan/24 9:00 AM;u1;Comment one for ${i}","02/Jan/24 9:00 AM;u2;Comment two"`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('a 20,000-row Jira export', () => {
  it('is parsed and built into a valid product', () => {
    const text = bigJiraCsv(20_000);
    const bytes = new TextEncoder().encode(text);
    const started = Date.now();
    const progress: number[] = [];
    const preview = readImportFile({ fileName: 'big.csv', bytes }, (f) => progress.push(f));
    if (preview.kind !== 'jira') throw new Error(preview.kind);
    expect(preview.result.counts.read).toBe(20_000);
    expect(preview.result.epics).toHaveLength(40);
    expect(preview.result.stories).toHaveLength(19_960);
    expect(preview.result.stories[1]?.story.acceptanceCriteria).toHaveLength(2);
    const product = buildImportedProduct(preview.result, 'Big');
    expect(product.stories).toHaveLength(19_960);
    expect(progress.length).toBeGreaterThan(20);
    expect(Date.now() - started).toBeLessThan(25_000);
  });
});
