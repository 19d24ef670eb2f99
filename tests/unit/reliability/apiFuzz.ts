/**
 * What the API fuzz tests send and what they check, shared by both transports.
 *
 * Payloads (fast-check, seeded) for every `WorkspaceApi` method, in four families:
 *   - anything: arbitrary values (objects, arrays, strings, numbers, null, …);
 *   - shaped: the method's own fields with plausible values — real product ids of the workspace,
 *     valid edits (the property tests' arbitraries), names, exports — so calls reach the service
 *     and succeed or fail for real (not found, conflict, exists, invalid edit, …);
 *   - hostile: a shaped payload with one id / name field replaced by a path trick (`..`, `/`, `\`,
 *     NUL, absolute paths, drive letters, URL-encoding, very long strings): must be `bad-request`;
 *   - unknown methods: random and prototype-ish names: must be `unknown-method`.
 * Every answer must be a structured `ApiResponse`; a result must match the method's output schema;
 * an error must never be `internal` (that would be an exception nobody expected).
 *
 * A guard file system records every path the service touches: nothing outside the workspace (reads
 * of the samples folder excepted) may appear.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { API_METHODS, ApiResponseSchema, apiMethods, isApiMethod, type ApiMethod, type ApiResponse } from '../../../src/shared/api/contract';
import { parseProductText } from '../../../src/shared/model/productFile';
import type { Product } from '../../../src/shared/model/schema';
import { interceptFs, nodeFs, type FsAdapter, type FsOp } from '../../../src/main/core/fsAdapter';
import { makeProduct, productText } from '../core/fixtures';
import { editArbitrary, possibleKinds } from '../shared/productArbitraries';

export const HOSTILE_STRINGS: readonly string[] = [
  '..',
  '../x',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e',
  '/etc/passwd',
  '/tmp/evil',
  'C:\\Windows\\win.ini',
  'c:/windows',
  '\\\\server\\share\\x',
  'a/b',
  'a\\b',
  'alpha/../beta',
  'alpha\u0000',
  '\u0000',
  'x\u0000.product.json',
  '.',
  '.hidden',
  '.trash',
  '~',
  '~/x',
  '$HOME',
  'file:///etc/passwd',
  'x/../../y.md',
  '../exports.md',
  'x\\y.md',
  'report..md',
  `${'a'.repeat(200)}.md`,
  ' alpha',
  'ALPHA',
  'a'.repeat(65),
  'a'.repeat(100_000),
  'a-'.repeat(40_000),
  'ａｌｐｈａ',
  'al\u202eahp',
  'alpha\n',
  '',
];

/** Fields that name something on disk, per method; each must refuse every hostile string. */
export const ID_FIELDS: Partial<Record<ApiMethod, readonly string[]>> = {
  'product.open': ['id'],
  'product.duplicate': ['id'],
  'product.rename': ['id'],
  'product.delete': ['id'],
  'product.applyEdits': ['id'],
  'product.flush': ['id'],
  'product.createFromSample': ['sampleId'],
  'trash.restore': ['trashId'],
  'recovery.restore': ['recoveryId'],
  'recovery.delete': ['recoveryId'],
  'export.save': ['productId', 'fileName'],
  'export.pdf': ['productId', 'fileName'],
};

export interface FuzzCase {
  family: 'anything' | 'shaped' | 'hostile' | 'unknown-method';
  method: string;
  input: unknown;
  /** For `product.applyEdits`: replace `baseRevision` with the product's live revision first. */
  liveRevision: boolean;
}

const knownIds = ['alpha', 'beta', 'gamma', 'missing-one', 'demo', 'alpha-2', 'new-product'];
const productIdArb = fc.oneof(fc.constantFrom(...knownIds), fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}$/));
const nameArb = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('Alpha', 'New product', '../../escape', '/tmp/evil', 'CON', 'nul', '  ', 'ü∂ƒ©'));
const recoveryIdArb = fc.oneof(
  fc.constantFrom('alpha.1767225600000', 'beta.discarded'),
  fc.tuple(productIdArb, fc.oneof(fc.integer({ min: 1e12, max: 9.99e12 }).map(String), fc.constant('discarded'))).map(([id, stamp]) => `${id}.${stamp}`),
  fc.string({ maxLength: 30 }),
);
const trashIdArb = fc.oneof(fc.tuple(productIdArb, fc.integer({ min: 1e12, max: 9.99e12 })).map(([id, ms]) => `${id}.${ms}`), fc.string({ maxLength: 30 }));
const fileNameArb = fc.oneof(
  fc.tuple(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,20}$/), fc.constantFrom('md', 'html', 'csv', 'json', 'pdf', 'exe', 'sh')).map(([stem, ext]) => `${stem}.${ext}`),
  fc.string({ maxLength: 30 }),
);

const SNAPSHOT: Product = makeProduct('alpha', { name: 'Alpha', storyCount: 4 });
const EDIT_KINDS = possibleKinds(SNAPSHOT);
const validEdit = fc.constantFrom(...EDIT_KINDS).chain((kind) => editArbitrary(kind, SNAPSHOT));
const editsArb = fc.oneof(fc.array(validEdit, { minLength: 1, maxLength: 4 }), fc.array(fc.anything(), { minLength: 0, maxLength: 3 }), editArbitrary('batch', SNAPSHOT).map((e) => [e]));
const productArb = fc.oneof(
  fc.constant(SNAPSHOT),
  fc.constant(JSON.parse(productText('beta')) as unknown),
  fc.record({ schemaVersion: fc.constant(2), id: productIdArb, name: nameArb, board: fc.constant({ columns: [{ id: 'todo', name: 'To do' }] }) }),
  fc.anything(),
);

/** A payload of the method's own shape (with plausible, sometimes wrong, values). */
function shapedInput(method: ApiMethod): fc.Arbitrary<{ input: unknown; liveRevision: boolean }> {
  const plain = <T>(arb: fc.Arbitrary<T>) => arb.map((input) => ({ input: input as unknown, liveRevision: false }));
  switch (method) {
    case 'workspace.info':
    case 'workspace.chooseFolder':
    case 'products.list':
    case 'trash.list':
    case 'recovery.list':
      return plain(fc.constantFrom({}, { extra: 1 }, null, undefined));
    case 'product.open':
    case 'product.delete':
    case 'product.flush':
    case 'product.close':
      return plain(fc.record({ id: productIdArb }));
    case 'product.create':
      return plain(fc.record({ name: nameArb }));
    case 'product.createFromSample':
      return plain(fc.record({ sampleId: fc.oneof(fc.constant('demo'), productIdArb), name: nameArb }, { requiredKeys: ['sampleId'] }));
    case 'product.duplicate':
      return plain(fc.record({ id: productIdArb, name: nameArb }, { requiredKeys: ['id'] }));
    case 'product.rename':
      return plain(fc.record({ id: productIdArb, name: nameArb }));
    case 'trash.restore':
      return plain(fc.record({ trashId: trashIdArb }));
    case 'recovery.restore':
      return plain(fc.record({ recoveryId: recoveryIdArb, name: nameArb }, { requiredKeys: ['recoveryId'] }));
    case 'recovery.delete':
      return plain(fc.record({ recoveryId: recoveryIdArb }));
    case 'product.applyEdits':
      return fc
        .record({ id: fc.oneof(fc.constant('alpha'), productIdArb), baseRevision: fc.oneof(fc.nat({ max: 50 }), fc.integer()), edits: editsArb, live: fc.boolean() })
        .map(({ live, ...input }) => ({ input, liveRevision: live }));
    case 'product.sync':
      return plain(
        fc.record({ id: fc.oneof(fc.constant('alpha'), productIdArb), epoch: fc.string({ maxLength: 70 }), knownRevision: fc.oneof(fc.nat({ max: 50 }), fc.integer()), clientId: fc.oneof(fc.constant('client-0001'), fc.string()) }),
      );
    case 'product.resolveConflict':
      return plain(fc.record({ id: fc.oneof(fc.constant('alpha'), productIdArb), choice: fc.constantFrom('keep-mine-as-copy', 'take-disk', 'merge', 'write-mine', 'nonsense') }));
    case 'product.saveCopy':
      return plain(fc.record({ product: productArb, name: nameArb }));
    case 'export.save':
      return plain(fc.record({ productId: productIdArb, fileName: fileNameArb, content: fc.string({ maxLength: 200 }) }));
    case 'export.pdf':
      return plain(fc.record({ productId: productIdArb, fileName: fileNameArb, html: fc.string({ maxLength: 100 }) }));
  }
}

/** A shaped payload with one path-naming field replaced by a hostile string. */
function hostileInput(method: ApiMethod): fc.Arbitrary<unknown> | null {
  const fields = ID_FIELDS[method];
  if (!fields) return null;
  return fc.tuple(shapedInput(method), fc.constantFrom(...fields), fc.constantFrom(...HOSTILE_STRINGS)).map(([shaped, field, value]) => {
    const base = typeof shaped.input === 'object' && shaped.input !== null ? shaped.input : {};
    return { ...base, [field]: value, ...(method === 'product.applyEdits' ? { baseRevision: 0, edits: [{ type: 'product.update', patch: { summary: 'x' } }] } : {}) };
  });
}

const methodArb = fc.constantFrom(...API_METHODS);
const unknownMethodArb = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'subscribe', 'close', 'product.open ', 'PRODUCT.OPEN', 'product/open', '../product.open', 'product.open\u0000'),
).filter((name) => !isApiMethod(name));

/** One fuzz case; `json` keeps inputs JSON-safe (for HTTP), otherwise structured-clone values appear too. */
export function fuzzCase(json: boolean): fc.Arbitrary<FuzzCase> {
  const anything = json ? fc.jsonValue() : fc.anything({ withMap: true, withSet: true, withDate: true, withTypedArray: true, withBigInt: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ method: methodArb, input: anything }).map(({ method, input }): FuzzCase => ({ family: 'anything', method, input, liveRevision: false })) },
    { weight: 6, arbitrary: methodArb.chain((method) => shapedInput(method).map(({ input, liveRevision }): FuzzCase => ({ family: 'shaped', method, input, liveRevision }))) },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(...(Object.keys(ID_FIELDS) as ApiMethod[]))
        .chain((method) => (hostileInput(method) ?? fc.constant({})).map((input): FuzzCase => ({ family: 'hostile', method, input, liveRevision: false }))),
    },
    { weight: 1, arbitrary: fc.record({ method: unknownMethodArb, input: anything }).map(({ method, input }): FuzzCase => ({ family: 'unknown-method', method, input, liveRevision: false })) },
  );
}

/** The checks every answer must pass. Returns the error code or 'ok' for the tally. */
export function checkAnswer(c: FuzzCase, response: unknown): string {
  const where = `${c.family} ${c.method} ${safeStringify(c.input).slice(0, 300)}`;
  const parsed = ApiResponseSchema.safeParse(response);
  expect(parsed.success, `${where}: not an ApiResponse: ${safeStringify(response).slice(0, 300)}`).toBe(true);
  const r = response as ApiResponse;
  if (c.family === 'unknown-method') {
    expect(r.ok ? 'ok' : r.error.code, where).toBe('unknown-method');
    return 'unknown-method';
  }
  if (c.family === 'hostile') {
    expect(r.ok ? 'ok' : r.error.code, where).toBe('bad-request');
    return 'bad-request';
  }
  if (r.ok) {
    const method = c.method as ApiMethod;
    const out = apiMethods[method].output.safeParse(r.result);
    expect(out.success, `${where}: result does not match the output schema: ${safeStringify(r.result).slice(0, 300)}`).toBe(true);
    return 'ok';
  }
  expect(r.error.code, `${where}: ${r.error.message}`).not.toBe('internal');
  expect(r.error.message.length, where).toBeGreaterThan(0);
  return r.error.code;
}

export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

export interface GuardedFs {
  fs: FsAdapter;
  /** Calls that touched something outside the workspace (or wrote in the samples folder). */
  violations: string[];
  calls: number;
}

const READ_OPS: ReadonlySet<FsOp> = new Set(['readFile', 'stat', 'lstat', 'readdir']);

/** Node's fs, recording any call outside `workspace` (reads inside `samples` are allowed). */
export function guardedFs(workspace: string, samples: string): GuardedFs {
  const inside = (dir: string, path: string): boolean => {
    const rel = relative(resolve(dir), resolve(path));
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
  };
  const guard: GuardedFs = { fs: nodeFs, violations: [], calls: 0 };
  guard.fs = interceptFs(nodeFs, (op, path) => {
    guard.calls += 1;
    if (path.includes('\u0000')) guard.violations.push(`${op} ${JSON.stringify(path)} (NUL)`);
    else if (inside(workspace, path)) return;
    else if (READ_OPS.has(op) && inside(samples, path)) return;
    else guard.violations.push(`${op} ${path}`);
  });
  return guard;
}

/**
 * A temp root for a fuzz run: in memory (/dev/shm) where there is one, since thousands of fsyncs on
 * a real disk would only make the run slow (durability is what the kill and fault tests are for).
 */
export function fuzzRoot(prefix: string): string {
  if (existsSync('/dev/shm')) {
    try {
      return mkdtempSync(join('/dev/shm', prefix));
    } catch {
      // not writable here: fall back to the temp folder
    }
  }
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Lay out `root/{workspace,samples,outside}` with two products, one sample and a decoy outside. */
export function seedWorkspace(root: string): { workspace: string; samples: string; outside: string } {
  const workspace = join(root, 'workspace');
  const samples = join(root, 'samples');
  const outside = join(root, 'outside');
  for (const dir of [workspace, samples, outside]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(workspace, 'alpha.product.json'), productText('alpha', { name: 'Alpha', storyCount: 4 }));
  writeFileSync(join(workspace, 'beta.product.json'), productText('beta', { name: 'Beta' }));
  writeFileSync(join(samples, 'demo.product.json'), productText('demo', { name: 'Demo' }));
  // Set-aside versions as the app keeps them (see recoveredVersions.ts), so recovery calls can succeed.
  mkdirSync(join(workspace, '.backups', 'recovered'), { recursive: true });
  writeFileSync(join(workspace, '.backups', 'recovered', 'alpha.1767225600000.product.json'), productText('alpha', { name: 'Alpha', storyCount: 2 }));
  writeFileSync(join(workspace, '.backups', 'recovered', 'alpha.1767225600000.reason.json'), '{ "reason": "Set aside when you took the version on disk", "savedAt": 1767225600000 }\n');
  writeFileSync(join(workspace, '.backups', 'beta.discarded.product.json.bak'), productText('beta', { name: 'Beta' }));
  writeFileSync(join(outside, 'secret.product.json'), productText('secret', { name: 'Do not touch' }));
  writeFileSync(join(root, 'etc-passwd'), 'root:x:0:0');
  return { workspace, samples, outside };
}

/** Names, sizes and contents of everything under `dir` (for "nothing outside was touched"). */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else out.set(relative(dir, path), `${stats.size}:${stats.mtimeMs}:${readFileSync(path).toString('base64').slice(0, 64)}`);
    }
  };
  walk(dir);
  return out;
}

/** Every product file in the folder parses: the service never wrote a broken one. */
export function expectAllProductFilesValid(workspace: string): number {
  let count = 0;
  for (const name of readdirSync(workspace)) {
    if (!name.endsWith('.product.json') || name.startsWith('.')) continue;
    const parsed = parseProductText(readFileSync(join(workspace, name), 'utf8'));
    expect(parsed.ok ? 'ok' : parsed.reason, name).toBe('ok');
    count += 1;
  }
  return count;
}
