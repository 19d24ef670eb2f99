/** The backlog as Markdown. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backlogMarkdown, escapeMarkdown } from '../../../src/shared/export/backlogMarkdown';
import { backlogCsv, backlogFileName } from '../../../src/shared/export/backlogCsv';
import { sortByRank } from '../../../src/shared/model/rank';
import { ProductSchema, type Product } from '../../../src/shared/model/schema';

const larder = (): Product => ProductSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../../resources/samples/larder.product.json'), 'utf8')));

describe('backlogMarkdown', () => {
  const product = larder();
  const md = backlogMarkdown(product);

  it('has a section per column with its stories in backlog order, and an epic list', () => {
    for (const column of product.board.columns) {
      const count = product.stories.filter((s) => s.status === column.id).length;
      expect(md).toContain(`## ${escapeMarkdown(column.name)} (${count})`);
    }
    expect(md).toContain('## Epics');
    const ready = sortByRank(product.stories.filter((s) => s.status === 'ready'));
    const positions = ready.map((s) => md.indexOf(`### ${escapeMarkdown(s.title)}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('shows the user story, estimate and acceptance criteria as a checklist', () => {
    const s = product.stories.find((x) => x.id === 'st-115');
    if (!s) throw new Error('sample changed');
    expect(md).toContain(`> As a ${escapeMarkdown(s.asA)}, I want ${escapeMarkdown(s.iWant)}, so that ${escapeMarkdown(s.soThat)}`);
    expect(md).toContain('3 points');
    expect(md).toContain(`- [ ] ${escapeMarkdown(s.acceptanceCriteria[0]?.text ?? '')}`);
  });

  it('escapes text so it cannot become headings, links or HTML', () => {
    expect(escapeMarkdown('# not a heading [link](x) <b>')).toBe('\\# not a heading \\[link\\]\\(x\\) &lt;b\\>');
    expect(escapeMarkdown('- not a bullet\n1. not a list')).toBe('\\- not a bullet\n1\\. not a list');
  });
});

describe('backlogCsv', () => {
  it('starts with a byte-order mark and the header, one row per story, CRLF line ends', () => {
    const product = larder();
    const csv = backlogCsv(product);
    expect(csv.startsWith('\uFEFFID,Title,As a,I want,So that,Description,Acceptance criterion,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(backlogFileName(product, 'csv')).toBe('larder-stories.csv');
    expect(backlogFileName(product, 'md')).toBe('larder-backlog.md');
    expect(backlogFileName(product, 'product.json')).toBe('larder.product.json');
  });
});
