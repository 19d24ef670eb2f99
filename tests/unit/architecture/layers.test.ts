/**
 * The layer check on the real tree, and on probes it must catch: an import from src/main/core into
 * src/main/electron, `window` and `Buffer` in src/shared, `process` in src/renderer.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { globalViolations, importViolations } from '../../architecture/layerCheck';

const root = resolve(__dirname, '../../..');
const show = (violations: { file: string; line: number; message: string }[]) => violations.map((v) => `${v.file}:${v.line} ${v.message}`);

describe('the layers of the tree', () => {
  it('every import resolves to a layer the importing layer may use', () => {
    expect(show(importViolations(root))).toEqual([]);
  });

  it('src/shared uses no DOM and no Node global; src/renderer no Node global', () => {
    expect(show(globalViolations(root, join(root, 'tsconfig.shared.json'), 'src/shared', ['node', 'dom']))).toEqual([]);
    expect(show(globalViolations(root, join(root, 'tsconfig.renderer.json'), 'src/renderer', ['node']))).toEqual([]);
  }, 120_000);
});

describe('probes the check must catch', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'pm-layers-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  };

  it('an import from src/main/core into src/main/electron, also spelled as a relative path', () => {
    write('src/main/electron/window.ts', 'export const w = 1;\n');
    write('src/main/core/probe.ts', "import { w } from '../electron/window';\nexport const p = w;\n");
    write('src/shared/probe.ts', "import { p } from '../main/core/probe';\nimport { readFileSync } from 'node:fs';\nexport const q = [p, readFileSync];\n");
    write('src/shared/practice/rule.ts', 'export const rule = 1;\n');
    write('src/shared/model/schema.ts', "import { rule } from '../practice/rule';\nexport const s = rule;\n");
    expect(show(importViolations(fixture))).toEqual([
      'src/main/core/probe.ts:1 core imports electron (src/main/electron/window.ts)',
      'src/shared/model/schema.ts:1 the model imports a feature built on it (src/shared/practice/rule.ts)',
      'src/shared/probe.ts:1 shared imports core (src/main/core/probe.ts)',
      'src/shared/probe.ts:2 shared imports the package "node"',
    ]);
  });

  it('window or Buffer in src/shared, process in src/renderer, even with every type library loaded', () => {
    write('src/shared/globals.ts', 'export const a = window.location.href;\nexport const b = Buffer.from("x");\n');
    write('src/renderer/globals.ts', 'export const c = process.pid;\nexport const d = document.title;\n');
    // The leak as it happens in the tree: Node's and the DOM's types both present.
    write('tsconfig.json', JSON.stringify({ compilerOptions: { lib: ['ES2023', 'DOM'], types: ['node'], typeRoots: [join(root, 'node_modules/@types')], noEmit: true, strict: true }, include: ['src'] }));
    expect(show(globalViolations(fixture, join(fixture, 'tsconfig.json'), 'src/shared', ['node', 'dom']))).toEqual([
      'src/shared/globals.ts:1 uses window, a DOM global',
      'src/shared/globals.ts:2 uses Buffer, a Node global',
    ]);
    expect(show(globalViolations(fixture, join(fixture, 'tsconfig.json'), 'src/renderer', ['node']))).toEqual(['src/renderer/globals.ts:1 uses process, a Node global']);
  }, 60_000);
});
