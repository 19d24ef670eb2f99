/**
 * Incremental serialisation of products: the same bytes as `serializeProduct` (validated, keys in
 * schema order, two-space indent, trailing newline, UTF-8), without validating, stringifying and
 * encoding 10,000 unchanged stories again after a one-character edit.
 *
 * `applyEdit` never mutates: an edit replaces the objects on the path to what it changed and shares
 * everything else with the previous version. So the encoded text of a value, once validated, is
 * kept for that object (a `WeakMap`, so dropped versions are collected). A write walks the schema
 * alongside the product through its containers — the product, objects reached by fields, lists —
 * reuses the bytes of every object it has seen, and parses each new list element with the
 * element's schema (a story is parsed whole: that is cheap, and it is what changed). The own checks
 * of each new container (cross-field refinements such as the product's reference checks, length
 * limits) then run on the whole parsed value, so an invalid product throws a `ZodError` here
 * exactly when a full `ProductSchema.parse` would. A property test compares the output with
 * `serializeProduct` on random products along random edit sequences.
 *
 * A product that is the output of a full `ProductSchema` parse (just read from disk) can be
 * `adopt`ed: its parts are then known to be canonical and are stringified without being parsed
 * again, and the returned job can do that ahead of the first write, a slice at a time.
 *
 * Requirement: products passed in are never mutated in place (the app's edits are pure).
 */
import { z } from 'zod';
import { ProductSchema, type Product } from './schema';
import { checksOnly, isPlainRecord, walkableObject, withoutDefaults, type ContainerChecks } from './schemaChecks';

type Path = (string | number)[];
/** Where a value is: its container's path and its own key (joined only for an error message). */
interface Place {
  parent: Path;
  key: string | number | null;
}
const ROOT: Place = { parent: [], key: null };
function pathOf(place: Place): Path {
  return place.key === null ? place.parent : [...place.parent, place.key];
}

interface Piece {
  /**
   * The UTF-8 text of the value at its indent (first line unindented); null when it is omitted. A
   * list element's text starts with the separator before it (`,\n` and its indent), so that a list
   * of 10,000 stories is 10,000 chunks rather than 20,000.
   */
  chunks: readonly Uint8Array[] | null;
  /** The parsed (canonical) value. */
  parsed: unknown;
}

interface CacheEntry extends Piece {
  schema: z.ZodType;
  indent: number;
  leaf: boolean;
}

/** How a schema is walked, worked out once per schema. */
type Plan =
  | { kind: 'object'; schema: z.ZodObject; fields: [string, z.ZodType][]; checks: ContainerChecks | undefined }
  | { kind: 'array'; schema: z.ZodArray; element: z.ZodType; checks: ContainerChecks | undefined }
  | { kind: 'leaf' };

export interface WarmJob {
  /** Serialise adopted parts for up to `budgetMs`; true when nothing is left to do. */
  step(budgetMs: number): boolean;
}

export interface ProductSerializer {
  /** The file bytes of `product`, as `serializeProduct` gives them; throws a `ZodError` if invalid. */
  serialize(product: Product): Uint8Array;
  /**
   * How many bytes `serialize(product)` would give, for a product already validated (e.g. by
   * `validateChange`): list elements are parsed and encoded as for a write, and kept for it, but the
   * containers' own checks (references, list lengths) are left to `serialize`.
   */
  byteLength(product: Product): number;
  /**
   * Declare `product` the output of a full `ProductSchema` parse, so that its parts are stringified
   * without being parsed again. The job pre-serialises them (optional: `serialize` does the rest).
   */
  adopt(product: Product): WarmJob;
}

const encoder = new TextEncoder();

const pads: string[] = [];
function pad(indent: number): string {
  return (pads[indent] ??= ' '.repeat(indent));
}

/** Encoded punctuation and keys, which repeat in every list element and object. */
const glue = new Map<string, Uint8Array>();
function glueBytes(text: string): Uint8Array {
  let bytes = glue.get(text);
  if (!bytes) {
    bytes = encoder.encode(text);
    if (glue.size < 10_000) glue.set(text, bytes);
  }
  return bytes;
}

/** `JSON.stringify(value, null, 2)` as it appears nested `indent` spaces deep. */
function stringifyAt(value: unknown, indent: number): string | undefined {
  const text: string | undefined = JSON.stringify(value, null, 2);
  if (text === undefined || indent === 0 || !text.includes('\n')) return text;
  return text.replace(/\n/g, `\n${pad(indent)}`);
}

function prefixed(error: z.ZodError, path: Path): z.ZodError {
  if (path.length === 0) return error;
  return new z.ZodError(error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })));
}

function parseAt(schema: z.ZodType, value: unknown, place: Place): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw prefixed(result.error, pathOf(place));
  return result.data;
}

const plans = new WeakMap<z.ZodType, Plan>();
function planOf(schema: z.ZodType): Plan {
  let plan = plans.get(schema);
  if (!plan) {
    const inner = withoutDefaults(schema);
    const object = walkableObject(inner);
    if (object) {
      const fields = Object.entries(object.shape as Record<string, z.ZodType>);
      plan = { kind: 'object', schema: object, fields, checks: object.def.checks };
    } else if (inner instanceof z.ZodArray) {
      plan = { kind: 'array', schema: inner, element: inner.element as z.ZodType, checks: inner.def.checks as ContainerChecks | undefined };
    } else {
      plan = { kind: 'leaf' };
    }
    plans.set(schema, plan);
  }
  return plan;
}

function runChecks(schema: z.ZodType, checks: ContainerChecks | undefined, parsed: unknown, place: Place): void {
  if (checks && checks.length > 0) parseAt(checksOnly(schema, checks), parsed, place);
}

function flatten(chunks: readonly Uint8Array[], suffix: Uint8Array, allocate: (length: number) => Uint8Array): Uint8Array {
  let length = suffix.length;
  for (const chunk of chunks) length += chunk.length;
  const out = allocate(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  out.set(suffix, at);
  return out;
}

interface AdoptedPart {
  schema: z.ZodType;
  value: object;
  indent: number;
}

export interface SerializerOptions {
  /**
   * Allocates the output (Node's `Buffer.allocUnsafe` skips zero-filling memory that is about to
   * be overwritten). Default: `new Uint8Array(length)`.
   */
  allocate?: (length: number) => Uint8Array;
}

export function createProductSerializer(options: SerializerOptions = {}): ProductSerializer {
  const allocate = options.allocate ?? ((length: number) => new Uint8Array(length));
  const cache = new WeakMap<object, CacheEntry>();
  /** Objects known to be canonical (parts of an adopted product), with everything inside them. */
  const trusted = new WeakSet<object>();

  /**
   * A value at `indent`; `leaf`: parse and stringify it whole (list elements) instead of walking it.
   * `unchecked`: skip the containers' own checks (for `byteLength`); such containers are not kept.
   */
  function piece(schema: z.ZodType, value: unknown, indent: number, place: Place, trust: boolean, leaf: boolean, unchecked = false): Piece {
    const isObject = typeof value === 'object' && value !== null;
    if (!isObject) return leafPiece(schema, value, indent, place, trust, leaf);
    const hit = cache.get(value);
    if (hit && hit.schema === schema && hit.indent === indent && hit.leaf === leaf) return hit;
    const inherited = trust || trusted.has(value);
    const made = leaf ? leafPiece(schema, value, indent, place, inherited, true) : containerPiece(schema, value, indent, pathOf(place), inherited, unchecked);
    if (leaf || !unchecked) cache.set(value, { chunks: made.chunks, parsed: made.parsed, schema, indent, leaf });
    return made;
  }

  /** A value parsed and stringified whole; `element`: a list element (its text starts with `,\n`). */
  function leafPiece(schema: z.ZodType, value: unknown, indent: number, place: Place, trust: boolean, element: boolean): Piece {
    // `undefined` is parsed even when trusted: a default may fill it in.
    const parsed = trust && value !== undefined ? value : parseAt(schema, value, place);
    const text = stringifyAt(parsed, indent);
    if (element) return { parsed, chunks: [encoder.encode(`,\n${pad(indent)}${text ?? 'null'}`)] };
    return { parsed, chunks: text === undefined ? null : [encoder.encode(text)] };
  }

  function containerPiece(schema: z.ZodType, value: object, indent: number, path: Path, trust: boolean, unchecked: boolean): Piece {
    const plan = planOf(schema);
    const inside = pad(indent + 2);
    const here: Place = { parent: path, key: null };
    if (plan.kind === 'object' && isPlainRecord(value)) {
      const parsed: Record<string, unknown> = {};
      const chunks: Uint8Array[] = [];
      for (const [key, field] of plan.fields) {
        const child = piece(field, value[key], indent + 2, { parent: path, key }, trust, false, unchecked);
        if (child.chunks === null) continue;
        parsed[key] = child.parsed;
        chunks.push(glueBytes(`${chunks.length === 0 ? '{\n' : ',\n'}${inside}${JSON.stringify(key)}: `));
        for (const chunk of child.chunks) chunks.push(chunk);
      }
      if (!trust && !unchecked) runChecks(plan.schema, plan.checks, parsed, here);
      if (chunks.length === 0) return { parsed, chunks: [glueBytes('{}')] };
      chunks.push(glueBytes(`\n${pad(indent)}}`));
      return { parsed, chunks };
    }
    if (plan.kind === 'array' && Array.isArray(value)) {
      const items = value as unknown[];
      const parsed: unknown[] = new Array<unknown>(items.length);
      const chunks: Uint8Array[] = [];
      const place: Place = { parent: path, key: 0 };
      for (let index = 0; index < items.length; index += 1) {
        place.key = index;
        const child = piece(plan.element, items[index], indent + 2, place, trust, true);
        parsed[index] = child.parsed;
        for (const chunk of child.chunks ?? []) {
          // The first element opens the list instead of following a comma.
          if (chunks.length === 0) chunks.push(glueBytes('['), chunk.subarray(1));
          else chunks.push(chunk);
        }
      }
      if (!trust && !unchecked) runChecks(plan.schema, plan.checks, parsed, here);
      if (chunks.length === 0) return { parsed, chunks: [glueBytes('[]')] };
      chunks.push(glueBytes(`\n${pad(indent)}]`));
      return { parsed, chunks };
    }
    return leafPiece(schema, value, indent, here, trust, false);
  }

  /** The list elements of an adopted product, where `serialize` will meet them. */
  function adoptedParts(schema: z.ZodType, value: unknown, indent: number, into: AdoptedPart[]): void {
    const plan = planOf(schema);
    if (plan.kind === 'object' && isPlainRecord(value)) {
      for (const [key, field] of plan.fields) adoptedParts(field, value[key], indent + 2, into);
    } else if (plan.kind === 'array' && Array.isArray(value)) {
      for (const item of value as unknown[]) {
        if (typeof item === 'object' && item !== null) into.push({ schema: plan.element, value: item, indent: indent + 2 });
      }
    }
  }

  return {
    serialize(product) {
      const { chunks } = piece(ProductSchema, product, 0, ROOT, false, false);
      return flatten(chunks ?? [], glueBytes('\n'), allocate);
    },
    byteLength(product) {
      const { chunks } = piece(ProductSchema, product, 0, ROOT, false, false, true);
      let length = glueBytes('\n').length;
      for (const chunk of chunks ?? []) length += chunk.length;
      return length;
    },
    adopt(product) {
      const parts: AdoptedPart[] = [];
      adoptedParts(ProductSchema, product, 0, parts);
      trusted.add(product);
      for (const part of parts) trusted.add(part.value);
      let next = 0;
      return {
        step(budgetMs) {
          const until = performance.now() + budgetMs;
          while (next < parts.length) {
            const part = parts[next];
            next += 1;
            if (part) piece(part.schema, part.value, part.indent, ROOT, true, true);
            if ((next & 31) === 0 && performance.now() >= until) break;
          }
          return next >= parts.length;
        },
      };
    },
  };
}
