import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/contract';
import {
  backupPath,
  childPath,
  defaultWorkspaceFolder,
  findSamplesFolder,
  parseTrashFileName,
  productIdOfFileName,
  productPath,
  trashPath,
  trashTimestamp,
} from '../../../src/main/core/paths';
import { makeTempWorkspace, type TempWorkspace } from './fixtures';

let tw: TempWorkspace;
beforeEach(() => {
  tw = makeTempWorkspace();
});
afterEach(() => tw.cleanup());

describe('paths', () => {
  it('puts the default workspace under Documents, or where PM_WORKSPACE_DIR says', () => {
    expect(defaultWorkspaceFolder({}, '/home/ana')).toBe(join('/home/ana', 'Documents', 'PM Practice Workspace'));
    expect(defaultWorkspaceFolder({ PM_WORKSPACE_DIR: '/data/ws' }, '/home/ana')).toBe('/data/ws');
    expect(defaultWorkspaceFolder({ PM_WORKSPACE_DIR: '  ' }, '/home/ana')).toBe(join('/home/ana', 'Documents', 'PM Practice Workspace'));
  });

  it('finds resources/samples in the base folder or an ancestor', () => {
    const samples = join(tw.root, 'resources', 'samples');
    mkdirSync(samples, { recursive: true });
    const deep = join(tw.root, 'out', 'main');
    mkdirSync(deep, { recursive: true });
    expect(findSamplesFolder(deep)).toBe(samples);
    expect(findSamplesFolder(tw.root)).toBe(samples);
    const packaged = join(tw.root, 'packaged');
    mkdirSync(join(packaged, 'samples'), { recursive: true });
    expect(findSamplesFolder(packaged)).toBe(join(packaged, 'samples'));
  });

  it('builds product paths only from valid ids, directly inside the folder', () => {
    expect(productPath('/ws', 'alpha-2')).toBe(join('/ws', 'alpha-2.product.json'));
    expect(backupPath('/ws', 'alpha')).toBe(join('/ws', '.backups', 'alpha.product.json.bak'));
    for (const bad of ['..', '../x', 'a/b', 'a\\b', '', 'A', '-a', 'a--b', '.x']) {
      expect(() => productPath('/ws', bad), bad).toThrow(ApiError);
    }
    expect(() => childPath('/ws', 'ok', '/../../x')).toThrow(ApiError);
  });

  it('reads product ids and trash entries from file names', () => {
    expect(productIdOfFileName('alpha.product.json')).toBe('alpha');
    expect(productIdOfFileName('Alpha.product.json')).toBeNull();
    expect(productIdOfFileName('alpha.json')).toBeNull();
    expect(parseTrashFileName('alpha.1700000000000.product.json')).toEqual({ trashId: 'alpha.1700000000000', productId: 'alpha', deletedAt: 1700000000000 });
    expect(parseTrashFileName('alpha.17.product.json')).toBeNull();
    expect(trashPath('/ws', 'alpha.1700000000000')).toBe(join('/ws', '.trash', 'alpha.1700000000000.product.json'));
    expect(() => trashPath('/ws', '../alpha.1700000000000')).toThrow(ApiError);
    expect(trashTimestamp(1_700_000_000_123)).toBe('1700000000123');
  });
});
