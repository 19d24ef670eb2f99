/**
 * The layers of DESIGN.md, checked on resolved files rather than on import strings (as VS Code's
 * layering check does): every import of every file under `src/` is resolved to a file or a package,
 * and its layer must be one the importing layer may use. A second check asks the type checker
 * where each global a layer uses is declared: `src/shared` may use no DOM and no Node global,
 * `src/renderer` no Node global, even when a dependency's types pull Node's in (`@types/papaparse`
 * does).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export type Layer = 'shared' | 'core' | 'host' | 'web' | 'electron' | 'preload' | 'renderer';

/** Which layers each layer may import from (besides packages, below). */
export const ALLOWED_LAYERS: Record<Layer, readonly Layer[]> = {
  shared: ['shared'],
  core: ['core', 'shared'],
  host: ['host', 'shared'],
  web: ['web', 'host', 'core', 'shared'],
  electron: ['electron', 'host', 'core', 'shared'],
  preload: ['preload', 'shared'],
  renderer: ['renderer', 'shared'],
};

/** Packages each layer may import; `node` stands for Node's built-in modules. */
export const ALLOWED_PACKAGES: Record<Layer, readonly string[]> = {
  shared: ['zod', 'fractional-indexing', 'papaparse', 'date-fns'],
  core: ['node', 'lowdb', 'zod'],
  host: ['node'],
  web: ['node', 'zod'],
  electron: ['node', 'electron'],
  preload: ['electron'],
  renderer: ['react', 'react-dom', 'zod', '@tiptap/*', '@dnd-kit/*', '@tanstack/react-virtual', 'dompurify', 'fractional-indexing'],
};

const LAYER_DIRS: readonly [string, Layer][] = [
  ['src/shared/', 'shared'],
  ['src/main/core/', 'core'],
  ['src/main/host/', 'host'],
  ['src/main/web/', 'web'],
  ['src/main/electron/', 'electron'],
  ['src/preload/', 'preload'],
  ['src/renderer/', 'renderer'],
];

export function layerOf(relPath: string): Layer | null {
  const path = relPath.split(sep).join('/');
  for (const [dir, layer] of LAYER_DIRS) if (path.startsWith(dir)) return layer;
  return null;
}

export interface Violation {
  file: string;
  line: number;
  message: string;
}

/**
 * Globals both Node and browsers have (the web platform's common core): `src/shared` may use them,
 * though TypeScript declares some of them only in Node's or the DOM's types.
 */
export const UNIVERSAL_GLOBALS = new Set(['TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'structuredClone', 'performance', 'console', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'crypto', 'AbortController']);

const SOURCE = /\.(?:ts|tsx|mts)$/;
const NODE_BUILTINS = new Set(builtinModules);

export function sourceFiles(root: string, dir = 'src'): string[] {
  const found: string[] = [];
  const walk = (abs: string): void => {
    for (const name of readdirSync(abs)) {
      const child = join(abs, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) found.push(relative(root, child));
    }
  };
  walk(join(root, dir));
  return found.sort();
}

/** The package an import names (`@scope/name`, `name`), or `node` for a built-in. */
function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return 'node';
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
  return NODE_BUILTINS.has(name) ? 'node' : name;
}

function packageAllowed(layer: Layer, pkg: string): boolean {
  return ALLOWED_PACKAGES[layer].some((allowed) => (allowed.endsWith('/*') ? pkg.startsWith(allowed.slice(0, -1)) : allowed === pkg));
}

/** The file a relative import resolves to (as the bundler would: extensions, index files). */
function resolveRelative(fromFile: string, specifier: string): string | null {
  const base = resolve(dirname(fromFile), specifier.replace(/\?.*$/, ''));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mts`, `${base}.d.ts`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/**
 * Inside `src/shared`, the model is the bottom: it may use only itself and the formatting helpers,
 * never a feature (practice, scoring, export, …) built on it.
 */
const SHARED_MODEL = 'src/shared/model/';
const MODEL_MAY_USE = ['src/shared/model/', 'src/shared/format/'];

/** Every import (static, dynamic, `export … from`, `import type`) that crosses the layer table. */
export function importViolations(root: string, files: readonly string[] = sourceFiles(root)): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const layer = layerOf(file);
    if (layer === null) continue;
    const abs = join(root, file);
    const text = readFileSync(abs, 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const imported of importedFiles) {
      const specifier = imported.fileName;
      const line = ts.getLineAndCharacterOfPosition(ts.createSourceFile(file, text, ts.ScriptTarget.Latest), imported.pos).line + 1;
      if (specifier.startsWith('.')) {
        const target = resolveRelative(abs, specifier);
        if (target === null) {
          violations.push({ file, line, message: `"${specifier}" does not resolve to a file` });
          continue;
        }
        const targetRel = relative(root, target);
        const targetLayer = layerOf(targetRel);
        const targetPath = targetRel.split(sep).join('/');
        if (targetLayer === null || !ALLOWED_LAYERS[layer].includes(targetLayer)) {
          violations.push({ file, line, message: `${layer} imports ${targetLayer ?? 'outside src'} (${targetPath})` });
        } else if (file.split(sep).join('/').startsWith(SHARED_MODEL) && !MODEL_MAY_USE.some((dir) => targetPath.startsWith(dir))) {
          violations.push({ file, line, message: `the model imports a feature built on it (${targetPath})` });
        }
        continue;
      }
      const pkg = packageOf(specifier);
      if (!packageAllowed(layer, pkg)) violations.push({ file, line, message: `${layer} imports the package "${pkg}"` });
    }
  }
  return violations;
}

/**
 * Globals a layer uses that are declared where the layer must not reach: in Node's types (for
 * `src/shared` and `src/renderer`) or the DOM's (for `src/shared`). `configPath`: the layer's
 * tsconfig; `dir`: the layer's folder, relative to the root.
 */
export function globalViolations(root: string, configPath: string, dir: string, forbidden: readonly ('node' | 'dom')[]): Violation[] {
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const checker = program.getTypeChecker();
  const inLayer = resolve(root, dir) + sep;
  const violations: Violation[] = [];
  const forbiddenSource = (fileName: string): 'node' | 'dom' | null => {
    const path = fileName.split('\\').join('/');
    if (forbidden.includes('node') && path.includes('/@types/node/')) return 'node';
    if (forbidden.includes('dom') && /\/lib\.dom(\.[a-z]+)?\.d\.ts$/.test(path)) return 'dom';
    return null;
  };
  for (const source of program.getSourceFiles()) {
    if (!resolve(source.fileName).startsWith(inLayer)) continue;
    const visit = (node: ts.Node): void => {
      const standsAlone = ts.isIdentifier(node) && (!ts.isPropertyAccessExpression(node.parent) || node.parent.expression === node);
      if (standsAlone && !UNIVERSAL_GLOBALS.has(node.text)) {
        const symbol = checker.getSymbolAtLocation(node);
        const declarations = symbol?.getDeclarations() ?? [];
        const origins = declarations.map((d) => forbiddenSource(d.getSourceFile().fileName));
        const origin = origins[0];
        if (declarations.length > 0 && origin !== null && origin !== undefined && origins.every((o) => o === origin)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          violations.push({ file: relative(root, source.fileName), line: line + 1, message: `uses ${node.text}, a ${origin === 'node' ? 'Node' : 'DOM'} global` });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return violations;
}
