/**
 * The loopback host's body limit is as small as the biggest real requests allow: importing a file
 * at the importers' size limit (the new product, or one batch of edits into the open product) and
 * the largest export the contract accepts must still fit under `DEFAULT_MAX_BODY_BYTES`.
 */
import { describe, expect, it } from 'vitest';
import { MAX_EXPORT_CHARS } from '../../../src/shared/api/contract';
import { buildImportedProduct, importIntoProductEdit } from '../../../src/shared/import/applyImport';
import { MAX_IMPORT_BYTES, readImportFile } from '../../../src/shared/import/readImportFile';
import { LIST_LIMITS } from '../../../src/shared/model/limits';
import { DEFAULT_MAX_BODY_BYTES } from '../../../src/main/web/webHost';
import { makeProduct } from '../core/fixtures';

/** A Jira export just under the import limit, with as many stories as a product may hold at most. */
function jiraExportNearLimit(): Uint8Array {
  const header = 'Summary,Issue key,Issue id,Issue Type,Status,Labels,Labels,Sprint,Description,Custom field (Story Points),Custom field (Epic Link),Comment,Comment';
  const filler = 'Some longer description text that a team wrote. '.repeat(20);
  const lines = [header];
  let size = header.length + 2;
  for (let i = 1; ; i += 1) {
    const epic = i % 500 === 1;
    const description = `"As a user, I want feature ${i}, so that I can ""test"" it.\n\n${filler}\nh3. Acceptance Criteria\n* First check for ${i}\n* Second check, with a comma"`;
    const line = `Item ${i} summary,BIG-${i},${100000 + i},${epic ? 'Epic' : 'Story'},${['To Do', 'In Progress', 'Done'][i % 3]},label-${i % 13},team-${i % 5},Sprint ${i % 20},${description},${i % 8},${epic ? '' : `BIG-${i - ((i - 1) % 500)}`},"01/Jan/24 9:00 AM;u1;Comment one for ${i}","02/Jan/24 9:00 AM;u2;Comment two"`;
    if (size + line.length + 2 > MAX_IMPORT_BYTES || i > LIST_LIMITS.stories.max) break;
    lines.push(line);
    size += line.length + 2;
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

describe('the loopback body limit', () => {
  it('fits importing a Jira export at the import size limit, as a new product and into an open one', () => {
    const bytes = jiraExportNearLimit();
    expect(bytes.byteLength).toBeGreaterThan(MAX_IMPORT_BYTES * 0.99);
    const preview = readImportFile({ fileName: 'big.csv', bytes });
    if (preview.kind !== 'jira') throw new Error(`read as ${preview.kind}`);
    const product = buildImportedProduct(preview.result, 'Big');
    const saveCopyBody = Buffer.byteLength(JSON.stringify({ product, name: product.name }));
    const applyEditsBody = Buffer.byteLength(JSON.stringify({ id: 'big', baseRevision: 1, edits: [importIntoProductEdit(makeProduct('big'), preview.result)] }));
    expect(saveCopyBody).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES);
    expect(applyEditsBody).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES);
  });

  it('fits the largest export the contract accepts, even when every character takes three bytes', () => {
    const envelope = JSON.stringify({ productId: 'a-product-id-of-sixty-four-characters-at-most', fileName: 'x'.repeat(120), content: '' });
    // JSON keeps characters such as "€" as they are: three bytes each in UTF-8.
    expect(Buffer.byteLength(JSON.stringify('€'))).toBe(5);
    expect(3 * MAX_EXPORT_CHARS + Buffer.byteLength(envelope)).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES);
  });
});
