/**
 * Rubric checks on specs, built on the spec view's completeness checks, and the north-star metric
 * tree (a metric-tree spec or the product's goals).
 */
import type { Product, Spec } from '../../model/schema';
import { specChecks, type SpecCheck } from '../../spec/checks';
import { mentionsIn } from '../../spec/nodes';
import { SPEC_TEMPLATES } from '../../spec/templates';
import type { CheckedSpecTemplate } from '../../model/exerciseSchema';
import { listText, plural, quote, type RubricItem, type RuleResult } from './types';

/** The stories a spec links: its linked stories and the stories it mentions. */
export function specStoryLinks(spec: Spec): Set<string> {
  const ids = new Set(spec.linkedStoryIds);
  for (const ref of mentionsIn(spec.content)) if (ref.kind === 'story') ids.add(ref.id);
  return ids;
}

export interface SpecAssessment {
  spec: Spec;
  checks: SpecCheck[];
  failing: SpecCheck[];
  linksWanted: boolean;
}

export function assessSpec(product: Product, spec: Spec, linkStoryIds: readonly string[]): SpecAssessment {
  const checks = specChecks(spec, product);
  const links = specStoryLinks(spec);
  return { spec, checks, failing: checks.filter((c) => c.status === 'fail'), linksWanted: linkStoryIds.length === 0 || linkStoryIds.some((id) => links.has(id)) };
}

/** The spec the rule is about: the named one, or the most complete one of the template. */
export function bestSpec(product: Product, params: { template: CheckedSpecTemplate; specId: string | null; linkStoryIds: readonly string[] }): SpecAssessment | null {
  const candidates = params.specId !== null ? product.specs.filter((s) => s.id === params.specId) : product.specs.filter((s) => s.template === params.template);
  let best: SpecAssessment | null = null;
  for (const spec of candidates) {
    const a = assessSpec(product, spec, params.linkStoryIds);
    const cost = a.failing.length + (a.linksWanted ? 0 : 1);
    const bestCost = best === null ? Number.POSITIVE_INFINITY : best.failing.length + (best.linksWanted ? 0 : 1);
    if (cost < bestCost) best = a;
  }
  return best;
}

const MAX_FINDINGS = 3;

/** A spec of the template (or the named spec) passes every completeness check and links the story it is about. */
export function checkSpecComplete(product: Product, params: { template: CheckedSpecTemplate; specId: string | null; linkStoryIds: readonly string[] }): RuleResult {
  const label = SPEC_TEMPLATES[params.template].label;
  const a = bestSpec(product, params);
  const storyTitles = params.linkStoryIds.map((id) => product.stories.find((s) => s.id === id)?.title ?? id).map(quote);
  if (a === null) {
    const what = params.specId !== null ? `The spec “${params.specId}” no longer exists. Reset the exercise to bring it back.` : `There is no ${label} yet. In the Spec view, choose “New spec” and the ${label} template.`;
    return {
      passed: false,
      summary: params.specId !== null ? 'The spec no longer exists.' : `No ${label} yet.`,
      items: [{ id: params.specId ?? `new-${params.template}`, title: label, problem: what }],
      explanation: `${SPEC_TEMPLATES[params.template].description} It passes when every completeness check in the Spec view's side panel passes.`,
      noteId: 'specs',
    };
  }
  const items: RubricItem[] = a.failing.map((check) => {
    const shown = check.findings.slice(0, MAX_FINDINGS).map((f) => (f.section ? `${f.section}: ${f.message}` : f.message));
    const more = check.findings.length > MAX_FINDINGS ? ` (and ${check.findings.length - MAX_FINDINGS} more)` : '';
    return { id: `${a.spec.id}-${check.id}`, title: check.title, problem: `${shown.join(' ')}${more}` };
  });
  if (!a.linksWanted) {
    items.push({ id: `${a.spec.id}-links`, title: 'Linked to the story it is about', problem: `The spec does not link ${listText(storyTitles)}. Mention it with # in the text, or link it in the side panel.` });
  }
  const explanations = a.failing.map((c) => c.explanation);
  const metricsFail = a.failing.some((c) => c.id === 'metrics');
  return {
    passed: items.length === 0,
    summary: `${quote(a.spec.title)}: ${a.checks.length - a.failing.length} of ${plural(a.checks.length, 'completeness check')} pass${a.linksWanted ? '' : '; the story it is about is not linked'}.`,
    items,
    explanation: explanations.length > 0 ? explanations.join(' ') : 'Every completeness check passes: each required section says something specific, metrics have numbers, non-goals are written and requirements link stories.',
    noteId: metricsFail ? 'success-metrics' : 'specs',
  };
}
