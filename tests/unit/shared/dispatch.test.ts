import { describe, expect, it } from 'vitest';
import { API_METHODS, ApiError, type ApiMethod, type WorkspaceApi } from '../../../src/shared/api/contract';
import { dispatchApiCall, unwrapResponse } from '../../../src/shared/api/dispatch';
import { richProduct } from './productBuilders';
import { sampleEdits } from './sampleEdits';

interface Call {
  method: ApiMethod;
  input: unknown;
}

/** A fake service that records every call and answers with fixed, valid results. */
function fakeApi(overrides: Partial<WorkspaceApi> = {}): { api: WorkspaceApi; calls: Call[] } {
  const calls: Call[] = [];
  const record = (method: ApiMethod, input: unknown) => void calls.push({ method, input });
  const api: WorkspaceApi = {
    'workspace.info': async (input) => (record('workspace.info', input), { folder: '/tmp/ws', canChooseFolder: false }),
    'workspace.chooseFolder': async (input) => (record('workspace.chooseFolder', input), { folder: null }),
    'products.list': async (input) => (record('products.list', input), { products: [], samples: [] }),
    'product.open': async (input) => (record('product.open', input), { product: richProduct(), revision: 3, migratedFrom: null, epoch: 'e1', savedRevision: 3, conflict: null }),
    'product.create': async (input) => (record('product.create', input), { id: 'new-product' }),
    'product.createFromSample': async (input) => (record('product.createFromSample', input), { id: 'from-sample' }),
    'product.duplicate': async (input) => (record('product.duplicate', input), { id: 'copy' }),
    'product.rename': async (input) => (record('product.rename', input), { revision: 4 }),
    'product.delete': async (input) => (record('product.delete', input), { trashId: 'tool-library.1767225600000' }),
    'trash.list': async (input) => (record('trash.list', input), { entries: [] }),
    'trash.restore': async (input) => (record('trash.restore', input), { id: 'tool-library' }),
    'recovery.list': async (input) => (record('recovery.list', input), { entries: [] }),
    'recovery.restore': async (input) => (record('recovery.restore', input), { id: 'tool-library-recovered' }),
    'recovery.delete': async (input) => (record('recovery.delete', input), {}),
    'product.applyEdits': async (input) => (record('product.applyEdits', input), { status: 'applied', revision: 5 }),
    'product.sync': async (input) => (
      record('product.sync', input),
      { status: 'edits', epoch: input.epoch, revision: 5, savedRevision: 5, batches: [], conflict: null, sentRevision: null }
    ),
    'product.resolveConflict': async (input) => (record('product.resolveConflict', input), { revision: 6, copyId: null }),
    'product.saveCopy': async (input) => (record('product.saveCopy', input), { id: 'saved-copy' }),
    'product.flush': async (input) => (record('product.flush', input), { revision: 5 }),
    'product.close': async (input) => (record('product.close', input), {}),
    'export.save': async (input) => (record('export.save', input), { path: '/tmp/ws/exports/tool-library/backlog.md' }),
    'export.pdf': async (input) => (record('export.pdf', input), { path: '/tmp/ws/exports/tool-library/brief.pdf' }),
    ...overrides,
  };
  return { api, calls };
}

describe('dispatchApiCall: unknown methods', () => {
  it.each<[string, unknown]>([
    ['a made-up name', 'product.explode'],
    ['undefined', undefined],
    ['a number', 42],
    ['an object', { method: 'product.open' }],
    ['an inherited property', 'toString'],
    ['__proto__', '__proto__'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['a near miss', 'Product.open'],
  ])('%s → unknown-method, and the service is not called', async (_name, method) => {
    const { api, calls } = fakeApi();
    const response = await dispatchApiCall(api, method, { id: 'tool-library' });
    expect(response).toEqual({ ok: false, error: { code: 'unknown-method', message: expect.any(String) } });
    expect(calls).toEqual([]);
  });

  it('keeps the message short for a huge method name', async () => {
    const response = await dispatchApiCall(fakeApi().api, 'x'.repeat(100_000), {});
    expect(!response.ok && response.error.message.length).toBeLessThan(200);
  });
});

describe('dispatchApiCall: bad input → bad-request, and the service is not called', () => {
  const badIds: [string, unknown][] = [
    ['a parent path', '../tool-library'],
    ['a dot-dot inside', 'tool..library'],
    ['a bare dot-dot', '..'],
    ['a slash', 'tool/library'],
    ['a backslash', 'tool\\library'],
    ['a NUL byte', 'tool\u0000library'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows path', 'C:\\Windows\\win.ini'],
    ['upper case', 'Tool-Library'],
    ['a file name', 'tool-library.product.json'],
    ['10,000 characters', 'a'.repeat(10_000)],
    ['an empty string', ''],
    ['a number', 42],
    ['null', null],
    ['an array', ['tool-library']],
    ['an object', { id: 'tool-library' }],
  ];

  it.each(badIds)('product.open with an id that is %s', async (_name, id) => {
    const { api, calls } = fakeApi();
    const response = await dispatchApiCall(api, 'product.open', { id });
    expect(response).toEqual({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('product.open') } });
    expect(calls).toEqual([]);
  });

  it.each<[string, ApiMethod, unknown]>([
    ['extra keys', 'product.open', { id: 'tool-library', path: '/etc/passwd' }],
    ['a missing id', 'product.open', {}],
    ['input that is a string', 'product.open', 'tool-library'],
    ['input that is an array', 'product.open', ['tool-library']],
    ['extra keys on a method without input', 'products.list', { folder: '/' }],
    ['a sample id with a path', 'product.createFromSample', { sampleId: '../../etc' }],
    ['an empty name', 'product.create', { name: '   ' }],
    ['a 10,000-character name', 'product.create', { name: 'n'.repeat(10_000) }],
    ['a name of the wrong type', 'product.create', { name: 7 }],
    ['a missing name', 'product.rename', { id: 'tool-library' }],
    ['a trash id with a path', 'trash.restore', { trashId: '../tool-library.1767225600000' }],
    ['a trash id with a slash', 'trash.restore', { trashId: 'a/b.1767225600000' }],
    ['a negative revision', 'product.applyEdits', { id: 'tool-library', baseRevision: -1, edits: [{ type: 'story.delete', id: 's1' }] }],
    ['a revision that is a string', 'product.applyEdits', { id: 'tool-library', baseRevision: '3', edits: [{ type: 'story.delete', id: 's1' }] }],
    ['no edits', 'product.applyEdits', { id: 'tool-library', baseRevision: 3, edits: [] }],
    ['an unknown edit', 'product.applyEdits', { id: 'tool-library', baseRevision: 3, edits: [{ type: 'story.explode', id: 's1' }] }],
    ['an edit with a path for an id', 'product.applyEdits', { id: 'tool-library', baseRevision: 3, edits: [{ type: 'story.delete', id: '../s1' }] }],
    ['an invalid product to save', 'product.saveCopy', { product: { ...richProduct(), id: '../x' }, name: 'Copy' }],
  ])('%s', async (_name, method, input) => {
    const { api, calls } = fakeApi();
    const response = await dispatchApiCall(api, method, input);
    expect(response).toEqual({ ok: false, error: { code: 'bad-request', message: expect.any(String) } });
    expect(calls).toEqual([]);
  });

  it('input nested 100,000 levels deep: a bad-request, not a crashed promise', async () => {
    let node: Record<string, unknown> = { type: 'text', text: 'x' };
    for (let i = 0; i < 100_000; i += 1) node = { type: 'blockquote', content: [node] };
    const { api, calls } = fakeApi();
    const input = { id: 'tool-library', baseRevision: 3, edits: [{ type: 'spec.update', id: 'sp1', patch: { content: node } }] };
    await expect(dispatchApiCall(api, 'product.applyEdits', input)).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const batches: Record<string, unknown>[] = [];
    let edit: Record<string, unknown> = { type: 'story.delete', id: 's1' };
    for (let i = 0; i < 5_000; i += 1) edit = { type: 'batch', label: '', edits: [edit] };
    batches.push(edit);
    await expect(dispatchApiCall(api, 'product.applyEdits', { id: 'tool-library', baseRevision: 3, edits: batches })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(calls).toEqual([]);
  });

  it('a cyclic input (structured clone can carry one): a bad-request', async () => {
    const input: Record<string, unknown> = { id: 'tool-library' };
    input['self'] = input;
    const { api, calls } = fakeApi();
    await expect(dispatchApiCall(api, 'product.open', input)).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(calls).toEqual([]);
  });
});

describe('dispatchApiCall: valid calls', () => {
  it('returns the result and passes the parsed input to the service', async () => {
    const { api, calls } = fakeApi();
    const response = await dispatchApiCall(api, 'product.open', { id: 'tool-library' });
    expect(response).toEqual({ ok: true, result: { product: richProduct(), revision: 3, migratedFrom: null, epoch: 'e1', savedRevision: 3, conflict: null } });
    expect(calls).toEqual([{ method: 'product.open', input: { id: 'tool-library' } }]);
  });

  it('trims names and accepts a missing input for methods that take none', async () => {
    const { api, calls } = fakeApi();
    expect(await dispatchApiCall(api, 'product.create', { name: '  My product  ' })).toEqual({ ok: true, result: { id: 'new-product' } });
    expect(await dispatchApiCall(api, 'products.list', undefined)).toEqual({ ok: true, result: { products: [], samples: [] } });
    expect(calls).toEqual([
      { method: 'product.create', input: { name: 'My product' } },
      { method: 'products.list', input: {} },
    ]);
  });

  it('accepts every sample edit in one applyEdits call, as JSON', async () => {
    const { api, calls } = fakeApi();
    const edits = JSON.parse(JSON.stringify(Object.values(sampleEdits()))) as unknown;
    const response = await dispatchApiCall(api, 'product.applyEdits', { id: 'tool-library', baseRevision: 3, edits });
    expect(response).toEqual({ ok: true, result: { status: 'applied', revision: 5 } });
    expect(calls).toHaveLength(1);
  });

  it('can reach every method of the contract', async () => {
    const inputs: Record<ApiMethod, unknown> = {
      'workspace.info': {},
      'workspace.chooseFolder': {},
      'products.list': {},
      'product.open': { id: 'tool-library' },
      'product.sync': { id: 'tool-library', epoch: 'e1', knownRevision: 3, clientId: 'client-0001' },
      'product.resolveConflict': { id: 'tool-library', choice: 'merge' },
      'product.create': { name: 'New' },
      'product.createFromSample': { sampleId: 'civic-cloud-platform' },
      'product.duplicate': { id: 'tool-library', name: 'Copy' },
      'product.rename': { id: 'tool-library', name: 'Renamed' },
      'product.delete': { id: 'tool-library' },
      'trash.list': {},
      'trash.restore': { trashId: 'tool-library.1767225600000' },
      'recovery.list': {},
      'recovery.restore': { recoveryId: 'tool-library.1767225600000' },
      'recovery.delete': { recoveryId: 'tool-library.discarded' },
      'product.applyEdits': { id: 'tool-library', baseRevision: 0, edits: [{ type: 'story.delete', id: 's1' }] },
      'product.saveCopy': { product: richProduct(), name: 'Mine' },
      'product.flush': { id: 'tool-library' },
      'product.close': { id: 'tool-library' },
      'export.save': { productId: 'tool-library', fileName: 'backlog.md', content: '# Backlog' },
      'export.pdf': { productId: 'tool-library', fileName: 'brief.pdf', html: '<h1>Brief</h1>' },
    };
    const { api, calls } = fakeApi();
    for (const method of API_METHODS) {
      const response = await dispatchApiCall(api, method, inputs[method]);
      expect(response.ok, method).toBe(true);
    }
    expect(calls.map((c) => c.method)).toEqual(API_METHODS);
  });
});

describe('dispatchApiCall: errors thrown by the service', () => {
  it('an ApiError keeps its code and message', async () => {
    const { api } = fakeApi({
      'product.open': async () => {
        throw new ApiError('not-found', 'There is no product "tool-library".');
      },
    });
    expect(await dispatchApiCall(api, 'product.open', { id: 'tool-library' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no product "tool-library".' },
    });
  });

  it('a plain Error becomes internal, never a rejection', async () => {
    const { api } = fakeApi({
      'product.flush': async () => {
        throw new Error('disk on fire');
      },
    });
    await expect(dispatchApiCall(api, 'product.flush', { id: 'tool-library' })).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire' },
    });
  });

  it('a synchronous throw, a thrown string and a thrown object with a hostile toString', async () => {
    const hostile = {
      toString(): string {
        throw new Error('no');
      },
    };
    const { api } = fakeApi({
      'trash.list': () => {
        throw new TypeError('sync');
      },
      'products.list': () => Promise.reject(new Error('rejected')),
      'workspace.info': async () => {
        throw 'just a string';
      },
      'workspace.chooseFolder': async () => {
        throw hostile;
      },
    });
    await expect(dispatchApiCall(api, 'trash.list', {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'sync' } });
    await expect(dispatchApiCall(api, 'products.list', {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'rejected' } });
    await expect(dispatchApiCall(api, 'workspace.info', {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'just a string' } });
    await expect(dispatchApiCall(api, 'workspace.chooseFolder', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('unwrapResponse', () => {
  it('returns the result of a successful response', () => {
    expect(unwrapResponse<{ id: string }>({ ok: true, result: { id: 'x' } })).toEqual({ id: 'x' });
    expect(unwrapResponse<number>({ ok: true, result: 0 })).toBe(0);
    expect(unwrapResponse<null>({ ok: true, result: null })).toBeNull();
  });

  it('throws an ApiError with the code and message of an error response', () => {
    const unwrap = () => unwrapResponse({ ok: false, error: { code: 'conflict', message: 'Changed on disk.' } });
    expect(unwrap).toThrow(ApiError);
    expect(unwrap).toThrow('Changed on disk.');
    try {
      unwrap();
    } catch (error) {
      expect(error instanceof ApiError && error.code).toBe('conflict');
    }
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'ok'],
    ['a number', 1],
    ['an empty object', {}],
    ['ok that is not a boolean', { ok: 'yes', result: 1 }],
    ['ok false without an error', { ok: false }],
    ['an error that is a string', { ok: false, error: 'broken' }],
    ['an unknown error code', { ok: false, error: { code: 'exploded', message: 'boom' } }],
    ['an error without a message', { ok: false, error: { code: 'not-found' } }],
  ])('throws an internal ApiError for garbage: %s', (_name, response) => {
    let thrown: unknown;
    try {
      unwrapResponse(response);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown instanceof ApiError && thrown.code).toBe('internal');
  });

  it('round-trips what dispatchApiCall answers', async () => {
    const { api } = fakeApi();
    const ok = await dispatchApiCall(api, 'product.create', { name: 'A' });
    expect(unwrapResponse(JSON.parse(JSON.stringify(ok)))).toEqual({ id: 'new-product' });
    const bad = await dispatchApiCall(api, 'product.open', { id: '../x' });
    expect(() => unwrapResponse(JSON.parse(JSON.stringify(bad)))).toThrow(ApiError);
  });
});
