/**
 * Validation of a changed product that only looks at what changed.
 *
 * `applyEdit` shares every untouched part of the product with the previous version (same object
 * references), and the previous version is valid. So instead of re-validating 10,000 stories after
 * a one-character edit, this walks the schema alongside both versions and runs zod only on values
 * that are not the identical object as before. The walk descends through object and array
 * schemas; everywhere else (strings, unions, lazy or piped documents, …) it runs the sub-schema's
 * own `safeParse`. An object's or array's own checks (cross-field refinements such as the
 * product's reference checks, length limits) then run on the whole new value, without re-parsing
 * its fields. So it never accepts what a full `ProductSchema.safeParse` would reject — a unit test
 * compares the two on valid and invalid edits. (The write path still runs the full schema through
 * `serializeProduct`.)
 */
import { z } from 'zod';
import { checksOnly, isPlainRecord, walkableObject, withoutDefaults, type ContainerChecks } from '../../shared/model/schemaChecks';

export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

/** Issues of `next` against `schema`, given that `prev` passed `schema`. Empty when valid. */
export function validateChange(schema: z.ZodType, prev: unknown, next: unknown, maxIssues = 5): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  walk(schema, prev, next, [], issues, maxIssues);
  return issues;
}

function addIssues(result: z.ZodSafeParseResult<unknown>, path: (string | number)[], issues: ValidationIssue[]): void {
  if (result.success) return;
  for (const issue of result.error.issues) {
    issues.push({ path: [...path, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
  }
}

/**
 * After the parts of an object or array were checked one by one: run the container's own checks
 * (cross-field refinements, length limits) on the whole value — cheap next to re-parsing it.
 */
function runOwnChecks(schema: z.ZodType, checks: ContainerChecks | undefined, next: unknown, path: (string | number)[], issues: ValidationIssue[], before: number): void {
  if (!checks || checks.length === 0 || issues.length > before) return;
  addIssues(checksOnly(schema, checks).safeParse(next), path, issues);
}

function walk(schema: z.ZodType, prev: unknown, next: unknown, path: (string | number)[], issues: ValidationIssue[], maxIssues: number): void {
  if (issues.length >= maxIssues || Object.is(prev, next)) return;
  if (next === undefined) {
    // A default would apply: the full schema decides (and the value is filled in on write).
    addIssues(schema.safeParse(next), path, issues);
    return;
  }
  const inner = withoutDefaults(schema);
  const before = issues.length;
  const object = walkableObject(inner);

  if (object && isPlainRecord(prev) && isPlainRecord(next)) {
    const shape = object.shape as Record<string, z.ZodType>;
    for (const key of Object.keys(shape)) {
      const field = shape[key];
      if (field) walk(field, prev[key], next[key], [...path, key], issues, maxIssues);
    }
    runOwnChecks(object, object.def.checks, next, path, issues, before);
    return;
  }

  if (inner instanceof z.ZodArray && Array.isArray(prev) && Array.isArray(next)) {
    const element = inner.element as z.ZodType;
    const unchanged = new Set<unknown>(prev.filter((item) => typeof item === 'object' && item !== null));
    for (let i = 0; i < next.length && issues.length < maxIssues; i += 1) {
      const item: unknown = next[i];
      if (typeof item === 'object' && item !== null && unchanged.has(item)) continue;
      walk(element, prev[i], item, [...path, i], issues, maxIssues);
    }
    runOwnChecks(inner, inner.def.checks as ContainerChecks | undefined, next, path, issues, before);
    return;
  }

  addIssues(schema.safeParse(next), path, issues);
}
