/**
 * The one typed contract between the renderer and the workspace service (as Actual Budget's
 * handler map): every method has a zod input and output schema. Both transports (Electron IPC and
 * the loopback HTTP host) validate input against these schemas at the boundary and answer bad input
 * with a structured `ApiError`, never a crash. The renderer passes ids, never file paths.
 */
import { z } from 'zod';
import { EditSchema } from '../edits/editSchema';
import { API_METHOD_NAMES, type ApiMethodName } from './methodNames';
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

/**
 * One run of the service's copy of an open product. Revisions count within an epoch; a new epoch
 * (the service restarted, or let the product go and read it again) means a client must take a
 * snapshot and replay its own unsaved edits on it.
 */
export const EpochSchema = z.string().min(1).max(64);
/** A window's id for its own edits (a new one per opened document). */
export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a client id');
/** One field of one entity (`story:st-1` / `title`; see `src/shared/sync/footprint.ts`). */
export const FieldRefSchema = z.object({ entity: z.string().min(1).max(200), field: z.string().min(1).max(100) }).strict();

/**
 * The file changed on disk (another program) while the service had edits it could not write.
 * Nothing is written until the learner chooses (`product.resolveConflict`); edits keep being
 * accepted in memory meanwhile.
 */
export const DiskConflictSchema = z.object({
  message: z.string(),
  /** What is on disk now: another version, nothing, or a file that does not read as a product. */
  disk: z.enum(['changed', 'missing', 'broken']),
  /** The two versions changed different fields, so both can be kept in one (`merge`). */
  canMerge: z.boolean(),
});
export type DiskConflict = z.infer<typeof DiskConflictSchema>;

export const ConflictChoiceSchema = z.enum([
  'keep-mine-as-copy', // the unsaved version becomes a new product; the product takes the disk version
  'take-disk', // take the disk version; the unsaved version is set aside under "Recovered versions"
  'merge', // apply the unsaved edits on the disk version (only when `canMerge`)
  'write-mine', // the file was deleted or moved: write the unsaved version back
]);
export type ConflictChoice = z.infer<typeof ConflictChoiceSchema>;

export const OpenProductSchema = z.object({
  product: ProductSchema,
  revision: Revision,
  /** Set when the file was migrated from an older schema version on load. */
  migratedFrom: z.number().int().nullable(),
  epoch: EpochSchema,
  /** The newest revision whose content is on disk. */
  savedRevision: Revision,
  conflict: DiskConflictSchema.nullable(),
});

/** One batch of edits as the service ordered it. */
export const SyncBatchSchema = z.object({
  revision: Revision,
  clientId: z.string(),
  seq: z.number().int().nonnegative().optional(),
  edits: z.array(EditSchema),
});
export type SyncBatch = z.infer<typeof SyncBatchSchema>;

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
  /**
   * Apply a window's edits. `baseRevision`: the newest revision the window had seen when it made
   * them. Without `clientId` a stale base is refused (`conflict`). With it (live windows), edits
   * made against an older revision are applied on top unless another writer changed one of the
   * same fields since (`status: conflict`, naming them); `seq` makes a resend after a lost answer
   * harmless; another `epoch` answers `resync` (take a snapshot with `product.sync`).
   */
  'product.applyEdits': {
    input: z
      .object({
        id: ProductIdSchema,
        baseRevision: Revision,
        edits: z.array(EditSchema).min(1).max(10_000),
        clientId: ClientIdSchema.optional(),
        seq: z.number().int().nonnegative().optional(),
        epoch: EpochSchema.optional(),
        /** The fields the edits change, as the window saw them (finds conflicts on deleted entities). */
        touched: z.array(FieldRefSchema).max(50_000).optional(),
      })
      .strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('applied'), revision: Revision }),
      z.object({ status: z.literal('conflict'), revision: Revision, fields: z.array(FieldRefSchema) }),
      z.object({ status: z.literal('resync'), revision: Revision, epoch: EpochSchema }),
    ]),
  },
  /**
   * Bring a window up to date: the batches after `knownRevision` in the same epoch, or a snapshot.
   * `sentRevision`: the revision the window's batch `seq` was accepted as, if it was.
   */
  'product.sync': {
    input: z
      .object({
        id: ProductIdSchema,
        epoch: EpochSchema,
        knownRevision: Revision,
        clientId: ClientIdSchema,
        seq: z.number().int().nonnegative().optional(),
      })
      .strict(),
    output: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('edits'),
        epoch: EpochSchema,
        revision: Revision,
        savedRevision: Revision,
        batches: z.array(SyncBatchSchema),
        conflict: DiskConflictSchema.nullable(),
        sentRevision: Revision.nullable(),
      }),
      OpenProductSchema.extend({ status: z.literal('snapshot'), sentRevision: Revision.nullable() }),
    ]),
  },
  /** The learner's choice on a conflict with the file on disk (see `ConflictChoiceSchema`). */
  'product.resolveConflict': {
    input: z.object({ id: ProductIdSchema, choice: ConflictChoiceSchema }).strict(),
    output: z.object({ revision: Revision, copyId: ProductIdSchema.nullable() }),
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

/** `API_METHOD_NAMES` (the schema-free list) names exactly these methods. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const methodNamesMatch: SameKeys<ApiMethod, ApiMethodName> = true;
void methodNamesMatch;
export type ApiInput<M extends ApiMethod> = z.input<ApiMethods[M]['input']>;
/** A method's input after its schema parsed it (defaults filled, names trimmed): what handlers get. */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiMethods[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiMethods[M]['output']>;
export const API_METHODS: readonly ApiMethod[] = API_METHOD_NAMES;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiMethods, name);
}

/** The service as the renderer sees it: one async function per method. */
export type WorkspaceApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

/**
 * The service's side: one handler per method, given input the dispatcher has already validated
 * (the only validation; see `dispatchApiCall`).
 */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>> };

/** Save state of one product, pushed by the service. */
export const SaveStateSchema = z.enum(['saved', 'saving', 'error']);
export type SaveState = z.infer<typeof SaveStateSchema>;

/** Events the service pushes to every client (IPC `webContents.send`, or server-sent events). */
export const WorkspaceEventSchema = z.discriminatedUnion('type', [
  /** A batch of edits was applied (by any window or the service): windows apply it in revision order. */
  z.object({
    type: z.literal('product.edits'),
    id: ProductIdSchema,
    epoch: EpochSchema,
    revision: Revision,
    clientId: z.string(),
    seq: z.number().int().nonnegative().optional(),
    edits: z.array(EditSchema),
  }),
  /** The product was replaced as a whole (reloaded from disk, a conflict resolved): windows sync. */
  z.object({ type: z.literal('product.changed'), id: ProductIdSchema, epoch: EpochSchema, revision: Revision }),
  /** The file changed on disk under unsaved edits (`conflict`), or that conflict was resolved (null). */
  z.object({ type: z.literal('product.conflict'), id: ProductIdSchema, epoch: EpochSchema, conflict: DiskConflictSchema.nullable() }),
  z.object({
    type: z.literal('product.saveState'),
    id: ProductIdSchema,
    epoch: EpochSchema,
    state: SaveStateSchema,
    revision: Revision,
    /** The newest revision on disk. */
    savedRevision: Revision,
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
