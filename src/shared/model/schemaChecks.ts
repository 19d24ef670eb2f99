/**
 * The own checks of an object or array schema (cross-field refinements, length limits), as a
 * schema of their own: run them on a whole value without parsing its fields again.
 */
import { z } from 'zod';

export type ContainerChecks = NonNullable<z.ZodObject['def']['checks']>;
type UnknownCheck = Parameters<z.ZodUnknown['check']>[number];

const checksOnlyCache = new WeakMap<z.ZodType, z.ZodType>();

/** A schema that runs only `checks` (the container `schema`'s own) on a value, not its fields. */
export function checksOnly(schema: z.ZodType, checks: ContainerChecks): z.ZodType {
  let cached = checksOnlyCache.get(schema);
  if (!cached) {
    // A container's checks are typed for its own output; here they run on that same value.
    cached = z.unknown().check(...(checks as unknown as UnknownCheck[]));
    checksOnlyCache.set(schema, cached);
  }
  return cached;
}

/** The schema inside any number of `.default()` wrappers. */
export function withoutDefaults(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodDefault) inner = inner.def.innerType as z.ZodType;
  return inner;
}

/** An object schema whose fields can be walked one by one (no catch-all, as in `.strict()`). */
export function walkableObject(schema: z.ZodType): z.ZodObject | null {
  return schema instanceof z.ZodObject && schema.def.catchall === undefined ? schema : null;
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
