/**
 * Reading and writing the text of a product file: parse → depth check → migrate → validate, and
 * the stable, pretty-printed serialisation whose key order is the schema's.
 */
import { exceedsJsonDepth, parsedJsonExceedsDepth } from './jsonDepth';
import { migrateToCurrent, MigrationError } from './migrations';
import { sameJson } from './sameJson';
import { MAX_DOC_JSON_DEPTH, ProductSchema, type Product } from './schema';

export { jsonDepth } from './jsonDepth';

export type ParseResult =
  | {
      ok: true;
      product: Product;
      migratedFrom: number | null;
      /**
       * With `checkSameAsFile`: whether the file's JSON value already is the product (current
       * version, every default present, keys in schema order, nothing dropped), so that the file's
       * value can stand for the product as JSON. Otherwise null.
       */
      sameAsFile: boolean | null;
    }
  | { ok: false; reason: string };

export interface ParseOptions {
  /** Also work out `sameAsFile` (not free on a large product; see the README's Performance). */
  checkSameAsFile?: boolean;
}

/**
 * The nesting a valid product may need: its own structure (a spec's content starts at level 4:
 * product, specs, spec, content) plus a spec document, which the schema bounds to MAX_DOC_JSON_DEPTH.
 */
export const MAX_FILE_DEPTH = MAX_DOC_JSON_DEPTH + 4;

/** What `describeIssues` reads: a zod error, or the issues a check found. */
export interface IssueList {
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
  /** False when the check stopped after its first few issues, so how many more is not known. */
  readonly complete?: boolean;
}

/** "stories.3.title: Too long" — the first few issues (of a zod error or a check), readable by a person. */
export function describeIssues(found: IssueList, max = 3): string {
  const { issues } = found;
  const lines = issues.slice(0, max).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const hidden = issues.length - max;
  const more = hidden <= 0 ? '' : found.complete === false ? ' (and more)' : ` (and ${hidden} more)`;
  return lines.join('; ') + more;
}

const TOO_DEEP_REASON = `The file is nested deeper than ${MAX_FILE_DEPTH} levels; it is not a product file.`;

/** Validate an already-parsed JSON value as a product (migrating older versions). */
export function parseProductJson(json: unknown, options: ParseOptions = {}): ParseResult {
  if (exceedsJsonDepth(json, MAX_FILE_DEPTH)) return { ok: false, reason: TOO_DEEP_REASON };
  return validateProductJson(json, options);
}

function validateProductJson(json: unknown, options: ParseOptions): ParseResult {
  let migrated;
  try {
    migrated = migrateToCurrent(json);
  } catch (error) {
    if (error instanceof MigrationError) return { ok: false, reason: error.message };
    throw error;
  }
  const result = ProductSchema.safeParse(migrated.doc);
  if (!result.success) {
    return { ok: false, reason: `The file does not match the product format: ${describeIssues(result.error)}` };
  }
  const sameAsFile = options.checkSameAsFile ? !migrated.migrated && sameJson(json, result.data) : null;
  return { ok: true, product: result.data, migratedFrom: migrated.migrated ? migrated.fromVersion : null, sameAsFile };
}

/** Parse the text of a product file. Never throws for bad input: it says what is wrong. */
export function parseProductText(text: string, options: ParseOptions = {}): ParseResult {
  if (text.trim().length === 0) return { ok: false, reason: 'The file is empty.' };
  if (text.includes('\u0000')) return { ok: false, reason: 'The file contains NUL bytes; it is damaged or not a text file.' };
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `The file is not valid JSON (${detail}). It may be truncated or hand-edited.` };
  }
  // What JSON.parse returns is a tree, which has a faster depth check than any structured value.
  if (parsedJsonExceedsDepth(json, MAX_FILE_DEPTH)) return { ok: false, reason: TOO_DEEP_REASON };
  return validateProductJson(json, options);
}

/**
 * The file text of a product: validated, keys in schema order, two-space indent, trailing newline.
 * Throws if the product is invalid, so an invalid document can never reach the disk.
 */
export function serializeProduct(product: Product): string {
  const canonical = ProductSchema.parse(product);
  return `${JSON.stringify(canonical, null, 2)}\n`;
}
