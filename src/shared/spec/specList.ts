/**
 * Making specs for the spec list: a new spec from a template, a duplicate of an existing one.
 * The caller dispatches the result as a `spec.add` edit (undoable).
 */
import { newId } from '../model/ids';
import type { Product, Spec, SpecTemplate } from '../model/schema';
import { LIMITS } from '../model/schema';
import { SPEC_TEMPLATES, templateDoc } from './templates';

/** A title no other spec of the product has: `title`, `title (2)`, `title (3)`, … */
export function uniqueSpecTitle(title: string, specs: readonly Pick<Spec, 'title'>[]): string {
  const base = title.trim().slice(0, LIMITS.shortText - 6) || 'Untitled spec';
  const taken = new Set(specs.map((s) => s.title.trim().toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function uniqueSpecId(specs: readonly Pick<Spec, 'id'>[], random: () => number): string {
  const taken = new Set(specs.map((s) => s.id));
  for (;;) {
    const id = newId('spec', random);
    if (!taken.has(id)) return id;
  }
}

/** The title a new spec of `template` starts with, e.g. "PRD: Larder". */
export function defaultSpecTitle(template: SpecTemplate, productName: string): string {
  const info = SPEC_TEMPLATES[template];
  return info.defaultTitle.endsWith(': ') ? `${info.defaultTitle}${productName}` : info.defaultTitle;
}

export function createSpec(product: Pick<Product, 'specs'>, template: SpecTemplate, title: string, random: () => number = Math.random): Spec {
  return {
    id: uniqueSpecId(product.specs, random),
    title: uniqueSpecTitle(title, product.specs),
    template,
    content: templateDoc(template),
    linkedStoryIds: [],
  };
}

export function duplicateSpec(product: Pick<Product, 'specs'>, spec: Spec, random: () => number = Math.random): Spec {
  return {
    ...structuredClone(spec),
    id: uniqueSpecId(product.specs, random),
    title: uniqueSpecTitle(`${spec.title} (copy)`, product.specs),
  };
}
