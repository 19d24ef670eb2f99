/**
 * The one typed contract between the renderer and the workspace service (as Actual Budget's
 * handler map): every method has a zod input and output schema. Both transports (Electron IPC and
 * the loopback HTTP host) validate input against these schemas at the boundary and answer bad input
 * with a structured `ApiError`, never a crash. The renderer passes ids, never file paths.
 */
import { z } from 'zod';
import { EditSchema } from '../edits/editSchema';
import { ProductIdSchema, ProductSchema, LIMITS } from '../model/schema';
import { isPortableFileName } from '../model/portableFileName';

/** Structured error codes every transport returns. */
export const ApiErrorCodeSchema = z.enum([
  'bad-request', // input failed validation
  'unknown-method',
  'not-found', // no such product / sample / trash entry
  'broken-file', // the product file does not parse or validate; it is left untouched
  'conflict', // the base revision is stale or the file changed on disk
  'invalid-edit', // an edit does not apply (unknown id, missing column, …) or yields an invalid product
  'exists', // a product with that id already exists
  'io', // the file system refused (disk full, permission)
  'unsupported', // the method is not available on this transport (e.g. a folder dialog on the web)
  'unauthorized', // the loopback host's token or Host header is wrong
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z.object({ code: ApiErrorCodeSchema, message: z.string() });
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;

/** What a transport sends back: exactly one of a result or an error. */
export const ApiResponseSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorSchema }),
]);
export type ApiResponse = z.infer<typeof ApiResponseSchema>;

const Name = z.string().trim().min(1, 'A name cannot be empty').max(LIMITS.shortText);
const Revision = z.number().int().nonnegative();
const SampleId = ProductIdSchema;
const TrashId = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.\d{13}$/, 'Not a trash entry id');

/** How far the learner got with a product's exercises. */
export const PracticeProgressSchema = z.object({
  exercises: z.number().int().nonnegative(),
  attempted: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  /** The mean of the best score of each attempted exercise (0–100), or null before any attempt. */
  averageScore: z.number().min(0).max(100).nullable(),
});

export const ProductSummarySchema = z.object({
  status: z.literal('ok'),
  id: ProductIdSchema,
  name: z.string(),
  summary: z.string(),
  storyCount: z.number().int().nonnegative(),
  modifiedAt: z.number(),
  /** Set when the file was written by an older version and will be migrated on the next save. */
  migratedFrom: z.number().int().nullable(),
  /** Progress through the product's practice exercises (see `src/shared/practice/progress.ts`). */
  practice: PracticeProgressSchema.optional(),
});

export const BrokenFileSchema = z.object({
  status: z.literal('broken'),
  /** The file name inside the workspace folder. */
  file: z.string(),
  /** Where the file is, for the learner to open it in an editor. */
  path: z.string(),
  reason: z.string(),
});

export const ProductListEntrySchema = z.discriminatedUnion('status', [ProductSummarySchema, BrokenFileSchema]);

export const SampleSummarySchema = z.object({
  sampleId: SampleId,
  name: z.string(),
  summary: z.string(),
  storyCount: z.number().int().nonnegative(),
});

export const TrashEntrySchema = z.object({
  trashId: TrashId,
  productId: ProductIdSchema,
  name: z.string(),
  deletedAt: z.number(),
});

/**
 * A version of a product the app set aside instead of losing it (`.backups/recovered/`): the
 * unsaved edits when the learner took the version on disk, or when the service closed while the
 * product was in conflict. `<productId>.<13-digit ms>`; `<productId>.discarded` is the single
 * `.backups/<id>.discarded.product.json.bak` that earlier versions of the app kept.
 */
export const RecoveryIdSchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:\d{13}|discarded)$/, 'Not a recovered version id');

export const RecoveredVersionSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    recoveryId: RecoveryIdSchema,
    productId: ProductIdSchema,
    name: z.string(),
    storyCount: z.number().int().nonnegative(),
    /** When it was set aside (ms since 1970). */
    savedAt: z.number(),
    /** Why, in a sentence for the learner ("Set aside when you took the version on disk"). */
    reason: z.string(),
  }),
  /** A set-aside file that no longer reads as a product: shown, kept, deletable, not restorable. */
  z.object({
    status: z.literal('broken'),
    recoveryId: RecoveryIdSchema,
    productId: ProductIdSchema,
    savedAt: z.number(),
    reason: z.string(),
    /** What is wrong with the file. */
    problem: z.string(),
    /** Where the file is, for the learner to open it in an editor. */
    path: z.string(),
  }),
]);

export const OpenProductSchema = z.object({
  product: ProductSchema,
  revision: Revision,
  /** Set when the file was migrated from an older schema version on load. */
  migratedFrom: z.number().int().nullable(),
});

const IdInput = z.object({ id: ProductIdSchema }).strict();

/** The name of an exported file: plain characters and a known extension, never a path. */
export const ExportFileNameSchema = z
  .string()
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*\.(?:md|html|csv|json|pdf)$/, 'An export file name uses letters, digits, spaces, ".", "_" and "-", and ends in .md, .html, .csv, .json or .pdf')
  .refine((name) => !name.includes('..'), 'An export file name cannot contain ".."')
  .refine(isPortableFileName, 'An export file name cannot be a name Windows reserves for a device (con, nul, com1, …)');

/** Exports up to this size (a portfolio pack of a large product fits well inside). */
export const MAX_EXPORT_CHARS = 40_000_000;

/** Every method: its input and output schema. */
export const apiMethods = {
  'workspace.info': {
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), canChooseFolder: z.boolean() }),
  },
  'workspace.chooseFolder': {
    input: z.object({}).strict(),
    output: z.object({ folder: z.string().nullable() }),
  },
  'products.list': {
    input: z.object({}).strict(),
    output: z.object({ products: z.array(ProductListEntrySchema), samples: z.array(SampleSummarySchema) }),
  },
  'product.open': { input: IdInput, output: OpenProductSchema },
  'product.create': {
    input: z.object({ name: Name }).strict(),
    output: z.object({ id: ProductIdSchema }),
  },
  'product.createFromSample': {
    input: z.object({ sampleId: SampleId, name: Name.optional() }).strict(),
    output: z.object({ id: ProductIdSchema }),
  },
  'product.duplicate': {
    input: z.object({ id: ProductIdSchema, name: Name.optional() }).strict(),
    output: z.object({ id: ProductIdSchema }),
  },
  'product.rename': {
    input: z.object({ id: ProductIdSchema, name: Name }).strict(),
    output: z.object({ revision: Revision }),
  },
  'product.delete': {
    input: IdInput,
    output: z.object({ trashId: TrashId }),
  },
  'trash.list': {
    input: z.object({}).strict(),
    output: z.object({ entries: z.array(TrashEntrySchema) }),
  },
  'trash.restore': {
    input: z.object({ trashId: TrashId }).strict(),
    output: z.object({ id: ProductIdSchema }),
  },
  /** Versions the app set aside (see `RecoveredVersionSchema`), newest first. */
  'recovery.list': {
    input: z.object({}).strict(),
    output: z.object({ entries: z.array(RecoveredVersionSchema) }),
  },
  /**
   * Write a set-aside version as a new product "<name> (recovered)" (or `name`); nothing existing is
   * replaced, and the set-aside version stays until `recovery.delete`.
   */
  'recovery.restore': {
    input: z.object({ recoveryId: RecoveryIdSchema, name: Name.optional() }).strict(),
    output: z.object({ id: ProductIdSchema }),
  },
  /** Delete one set-aside version for good. */
  'recovery.delete': {
    input: z.object({ recoveryId: RecoveryIdSchema }).strict(),
    output: z.object({}).strict(),
  },
  'product.applyEdits': {
    input: z
      .object({
        id: ProductIdSchema,
        baseRevision: Revision,
        edits: z.array(EditSchema).min(1).max(10_000),
      })
      .strict(),
    output: z.object({ revision: Revision }),
  },
  /** Save the learner's version of a product under a new id (used to keep local edits on a conflict). */
  'product.saveCopy': {
    input: z.object({ product: ProductSchema, name: Name }).strict(),
    output: z.object({ id: ProductIdSchema }),
  },
  /**
   * Write an export (Markdown, HTML, CSV, JSON) into `<workspace>/exports/<productId>/`, replacing a
   * file of the same name; answers where it was written.
   */
  'export.save': {
    input: z
      .object({ productId: ProductIdSchema, fileName: ExportFileNameSchema, content: z.string().max(MAX_EXPORT_CHARS) })
      .strict(),
    output: z.object({ path: z.string() }),
  },
  /**
   * Print export HTML to PDF into the same folder. The desktop app uses Electron's printToPDF; the web
   * shell answers `unsupported` and the renderer uses the browser's print dialog instead.
   */
  'export.pdf': {
    input: z
      .object({ productId: ProductIdSchema, fileName: ExportFileNameSchema.refine((n) => n.endsWith('.pdf'), 'A PDF file name ends in .pdf'), html: z.string().max(MAX_EXPORT_CHARS) })
      .strict(),
    output: z.object({ path: z.string() }),
  },
  /** Flush pending writes now (before closing a window); resolves when the file is on disk. */
  'product.flush': {
    input: IdInput,
    output: z.object({ revision: Revision }),
  },
  /**
   * This client no longer shows the product (one `product.close` per `product.open`). When no
   * client shows it, the service saves it and lets its memory go (it is read again if reopened).
   */
  'product.close': {
    input: IdInput,
    output: z.object({}).strict(),
  },
} as const;

export type ApiMethods = typeof apiMethods;
export type ApiMethod = keyof ApiMethods;
export type ApiInput<M extends ApiMethod> = z.input<ApiMethods[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiMethods[M]['output']>;
export const API_METHODS = Object.keys(apiMethods) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiMethods, name);
}

/** The service as the renderer sees it: one async function per method. */
export type WorkspaceApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

/** Save state of one product, pushed by the service. */
export const SaveStateSchema = z.enum(['saved', 'saving', 'error']);
export type SaveState = z.infer<typeof SaveStateSchema>;

/** Events the service pushes to every client (IPC `webContents.send`, or server-sent events). */
export const WorkspaceEventSchema = z.discriminatedUnion('type', [
  /** The file changed on disk (another program) and was reloaded; clients without pending edits reopen. */
  z.object({ type: z.literal('product.changed'), id: ProductIdSchema, revision: Revision }),
  /** The file changed on disk while edits were pending, or a write was refused to protect it. */
  z.object({ type: z.literal('product.conflict'), id: ProductIdSchema, message: z.string() }),
  z.object({
    type: z.literal('product.saveState'),
    id: ProductIdSchema,
    state: SaveStateSchema,
    revision: Revision,
    message: z.string().nullable(),
  }),
  /** Products were added, removed or broke: lists should refresh. */
  z.object({ type: z.literal('workspace.changed') }),
]);
export type WorkspaceEvent = z.infer<typeof WorkspaceEventSchema>;

/** A client of the workspace: the API plus an event subscription. The renderer only knows this. */
export interface WorkspaceClient {
  api: WorkspaceApi;
  /** Subscribe to service events; returns the unsubscribe function. */
  subscribe(listener: (event: WorkspaceEvent) => void): () => void;
  /** Which shell the renderer runs in (menus and PDF export differ). */
  shell: 'electron' | 'web';
}

/** An error carrying an `ApiErrorBody`, thrown by services and rethrown by clients. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message };
  }
}
