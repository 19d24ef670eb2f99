import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import { parseProductText } from '../../../src/shared/model/productFile';
import { DocNodeSchema, type DocNode, type Product } from '../../../src/shared/model/schema';
import { checkMentions, checkMetrics, checkNonGoals, checkPlaceholders, checkRequirements, checkSections, specChecks } from '../../../src/shared/spec/checks';
import { linkedStories } from '../../../src/shared/spec/links';
import { sectionBlocks, SPEC_TEMPLATES, templateDoc, TEMPLATE_ORDER } from '../../../src/shared/spec/templates';
import { doc, h, li, mention, p, spec, specProduct, t, table, td, th, tr, ul } from './specFixtures';

/** A PRD with every section written well. */
function goodPrd(): DocNode {
  return doc(
    h(2, 'Problem'),
    p(t('Neighbours buy tools they use twice a year; 64% of surveyed households own a drill used under an hour a year.')),
    h(2, 'Users and insights'),
    ul(li(p(t('Renters in flats (Dana): no storage, borrow from friends today.')))),
    h(2, 'Goals and success metrics'),
    table(tr(th('Metric'), th('Baseline'), th('Target')), tr(td(p(t('Loans per week'))), td(p(t('10'))), td(p(t('50'))))),
    p(t('Guardrail: no-show rate stays under 5%.')),
    h(2, 'Scope and non-goals'),
    p(t('In scope: search and request.')),
    p(t('Non-goals:', 'bold'), t(' payments, insurance.')),
    h(2, 'Requirements'),
    ul(li(p(t('Find a tool by name within two taps '), mention('s1'))), li(p(t('Ask the owner to lend it '), mention('s2')))),
    h(2, 'Solution and UX notes'),
    p(t('A search-first home screen with the nearest tools.')),
    h(2, 'Risks and open questions'),
    ul(li(p(t('Will owners answer within a day? Dana to test with 10 owners.')))),
    h(2, 'Launch plan'),
    p(t('Beta in two streets, then the whole borough if loans reach 20 a week.')),
  );
}

const statusOf = (checks: ReturnType<typeof specChecks>) => Object.fromEntries(checks.map((c) => [c.id, c.status]));

describe('templates', () => {
  it('every template document is valid tiptap JSON for the product schema', () => {
    for (const template of TEMPLATE_ORDER) {
      const content = templateDoc(template);
      expect(DocNodeSchema.safeParse(content).success, template).toBe(true);
      for (const section of SPEC_TEMPLATES[template].sections) {
        expect(section.prompt.length, `${template}/${section.id} has a prompt`).toBeGreaterThan(20);
        // Each template section is recognised by its own heading.
        expect(section.match.some((re) => re.test(section.heading.toLowerCase())), `${template}/${section.id}`).toBe(true);
      }
    }
  });

  it('the PRD has the sections a PRD is judged by, and the metric tree uses HEART', () => {
    expect(SPEC_TEMPLATES.prd.sections.map((s) => s.heading)).toEqual([
      'Problem',
      'Users and insights',
      'Goals and success metrics',
      'Scope and non-goals',
      'Requirements',
      'Solution and UX notes',
      'Risks and open questions',
      'Launch and experiment plan',
    ]);
    const tree = JSON.stringify(templateDoc('metric-tree'));
    for (const heart of ['Happiness', 'Engagement', 'Adoption', 'Retention', 'Task success']) expect(tree).toContain(heart);
  });

  it('a fresh template fails the checks, with an explanation for each', () => {
    for (const template of ['prd', 'one-pager', 'metric-tree'] as const) {
      const checks = specChecks(spec(templateDoc(template), { template }), specProduct());
      const failing = checks.filter((c) => c.status === 'fail').map((c) => c.id);
      expect(failing, template).toContain('sections');
      expect(failing, template).toContain('placeholders');
      expect(failing, template).toContain('metrics');
      for (const c of checks) expect(c.explanation.length).toBeGreaterThan(40);
    }
  });
});

describe('completeness checks', () => {
  it('a well-written PRD passes every check', () => {
    const checks = specChecks(spec(goodPrd()), specProduct());
    expect(statusOf(checks)).toEqual({ sections: 'pass', metrics: 'pass', 'non-goals': 'pass', requirements: 'pass', placeholders: 'pass', mentions: 'pass' });
  });

  it('required sections: missing and empty sections are named', () => {
    const content = doc(h(2, 'Problem'), p(t('Real problem, 12 households.')), h(2, 'Goals'), sectionBlocks(SPEC_TEMPLATES.prd.sections[4] as never)[1] as DocNode);
    const check = checkSections(spec(content));
    expect(check.status).toBe('fail');
    const messages = check.findings.map((f) => f.message).join('\n');
    expect(messages).toContain('The “Users and insights” section is missing');
    expect(messages).toContain('“Goals” is empty');
    expect(messages).not.toContain('“Problem”');
    expect(check.summary).toBe('7 sections missing or empty.');
  });

  it('required sections: a renamed heading is still recognised', () => {
    const content = goodPrd();
    const check = checkSections(spec(content));
    expect(check.status).toBe('pass'); // "Launch plan" stands for "Launch and experiment plan"
  });

  it('metrics: each metric names a number or a direction', () => {
    const content = doc(
      h(2, 'Goals and success metrics'),
      ul(li(p(t('Loans per week from 10 to 50'))), li(p(t('Users find borrowing easier'))), li(p(t('Reduce no-shows'))), li(p())),
    );
    const check = checkMetrics(spec(content));
    expect(check.status).toBe('fail');
    expect(check.findings).toHaveLength(1);
    expect(check.findings[0]?.message).toContain('“Users find borrowing easier” names no number or direction');
    expect(check.findings[0]?.section).toBe('Goals and success metrics');
    expect(checkMetrics(spec(doc(h(2, 'Goals and success metrics'), p(t('Increase repeat loans.'))))).status).toBe('pass');
    expect(checkMetrics(spec(doc(h(2, 'Goals and success metrics'), p()))).findings[0]?.message).toContain('No metric is written');
  });

  it('metrics: the metric tree checks its north star, inputs and guardrails; unfilled HEART rows are ignored', () => {
    const tree = templateDoc('metric-tree');
    const filled = structuredClone(tree);
    // Fill the north star and the guardrail lists, and one HEART row.
    const blocks = filled.content ?? [];
    const lists = blocks.filter((b) => b.type === 'bulletList');
    (lists[0] as DocNode).content = [li(p(t('Weekly active borrowers: 120 → 400 by Q4')))];
    (lists[1] as DocNode).content = [li(p(t('Cancellation rate stays under 3%')))];
    const heart = blocks.find((b) => b.type === 'table') as DocNode;
    const adoptionRow = (heart.content ?? [])[3] as DocNode;
    adoptionRow.content = [td(p(t('Adoption'))), td(p(t('First loan'))), td(p(t('New members borrowing in week 1'))), td(p(t('22%'))), td(p(t('35%')))];
    expect(checkMetrics(spec(filled, { template: 'metric-tree' })).status).toBe('pass');
    adoptionRow.content = [td(p(t('Adoption'))), td(p(t('First loan'))), td(p(t('New members borrow early'))), td(p()), td(p())];
    const check = checkMetrics(spec(filled, { template: 'metric-tree' }));
    expect(check.findings.map((f) => f.message)).toEqual(['“New members borrow early” has no target: how much, which way, by when?']);
    adoptionRow.content = [td(p(t('Adoption'))), td(p(t('First loan'))), td(p(t('New members borrow early'))), td(p()), td(p(t('Much better')))];
    expect(checkMetrics(spec(filled, { template: 'metric-tree' })).findings.map((f) => f.message)).toEqual(['“New members borrow early” has a target (“Much better”) with no number or direction.']);
  });

  it('non-goals: a heading with items, or a "Non-goals:" line, counts; an empty one does not', () => {
    expect(checkNonGoals(spec(doc(h(2, 'Scope'), h(3, 'Non-goals'), ul(li(p(t('Payments'))))))).status).toBe('pass');
    expect(checkNonGoals(spec(doc(p(t('Non-goals: payments.'))))).status).toBe('pass');
    expect(checkNonGoals(spec(doc(p(t('Out of scope:')), ul(li(p(t('Insurance'))))))).status).toBe('pass');
    const empty = checkNonGoals(spec(doc(h(2, 'Scope'), h(3, 'Non-goals'), ul(li(p())), h(2, 'Next'))));
    expect(empty.findings[0]?.message).toContain('The non-goals are empty');
    expect(checkNonGoals(spec(doc(h(2, 'Scope'), p(t('Search only.'))))).findings[0]?.message).toContain('There are no non-goals');
    // A fresh template's scaffolding is not a written non-goal.
    expect(checkNonGoals(spec(templateDoc('prd'))).status).toBe('fail');
  });

  it('requirements: every item mentions a story that exists', () => {
    const product = specProduct();
    const content = doc(
      h(2, 'Requirements'),
      ul(
        li(p(t('Search by name '), mention('s1'))),
        li(p(t('Request a loan (s2)'))),
        li(p(t('Reminders '), mention('e2', 'epic'))),
        li(p(t('Was linked '), mention('gone-1'))),
        li(p(t('Nothing linked'))),
        li(p()),
      ),
    );
    const check = checkRequirements(spec(content), product);
    expect(check.findings.map((f) => f.message)).toEqual([
      '“Request a loan (s2)” names s2 as plain text. Type # and pick the story, so the link stays live.',
      '“Reminders” links an epic, not a story. Link the story that delivers it.',
      '“Was linked” links only a deleted story. Link the story that replaced it.',
      '“Nothing linked” is not linked to a story. Type # and pick the story that delivers it.',
    ]);
    expect(check.summary).toBe('4 requirements not linked to a story.');
  });

  it('requirements: table rows after the header row are requirement items', () => {
    const product = specProduct();
    const content = doc(h(2, 'Requirements'), table(tr(th('#'), th('Requirement')), tr(td(p(t('R1'))), td(p(t('Search '), mention('s1')))), tr(td(p(t('R2'))), td(p(t('Request'))))));
    const check = checkRequirements(spec(content), product);
    expect(check.findings).toHaveLength(1);
    expect(check.findings[0]?.message).toContain('“Request” is not linked');
  });

  it('placeholders: prompts, TBD, TODO, lorem and ellipses are found, code is not checked', () => {
    const prompt = SPEC_TEMPLATES.prd.sections[0]?.prompt ?? '';
    const content = doc(
      h(2, 'Problem'),
      p(t(prompt, 'italic')),
      p(t('Receipts: TBD')),
      p(t('todo: ask legal')),
      p(t('Lorem ipsum dolor')),
      p(t('And then…')),
      p(t('We will see...')),
      { type: 'codeBlock', content: [t('// TODO in code is fine')] },
      p(t('A finished sentence with 3 numbers.')),
    );
    const check = checkPlaceholders(spec(content));
    const messages = check.findings.map((f) => f.message);
    expect(messages).toHaveLength(6);
    expect(messages[0]).toContain('A template prompt is still in the text');
    expect(messages[1]).toContain('“TBD”');
    expect(messages[2]).toContain('“TODO”');
    expect(messages[3]).toContain('lorem');
    expect(messages[4]).toContain('ellipsis');
    expect(messages[5]).toContain('ellipsis');
    expect(check.findings.every((f) => f.section === 'Problem')).toBe(true);
  });

  it('mentions of deleted stories are reported once each', () => {
    const content = doc(p(mention('s1'), mention('gone-1'), mention('gone-1'), mention('e9', 'epic')));
    const check = checkMentions(spec(content), specProduct());
    expect(check.findings.map((f) => f.message)).toEqual([
      'A mention points at a story that was deleted (gone-1). Remove it or link what replaced it.',
      'A mention points at an epic that was deleted (e9). Remove it or link what replaced it.',
    ]);
  });

  it('blank specs get only the placeholder and link checks', () => {
    expect(specChecks(spec(doc(p(t('Notes'))), { template: 'blank' }), specProduct()).map((c) => c.id)).toEqual(['placeholders', 'mentions']);
  });

  it('the Larder sample PRD: the planted flaws are found', () => {
    const text = readFileSync(join(__dirname, '../../../resources/samples/larder.product.json'), 'utf8');
    const parsed = parseProductText(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    const product: Product = parsed.product;
    const prd = product.specs[0];
    if (!prd) throw new Error('no spec');
    const checks = specChecks(prd, product);
    const byId = new Map(checks.map((c) => [c.id, c]));
    expect(byId.get('sections')?.status).toBe('pass');
    expect(byId.get('non-goals')?.status).toBe('pass');
    expect(byId.get('placeholders')?.findings.map((f) => f.message).join(' ')).toContain('“TBD”');
    expect(byId.get('metrics')?.findings.map((f) => f.message).join(' ')).toContain('Users find adding items easier');
    expect(byId.get('requirements')?.findings[0]?.message).toContain('as plain text');
  });
});

describe('mentions of deleted stories', () => {
  it('deleting a story keeps the document valid and the mention readable as deleted', () => {
    const product = specProduct({ specs: [spec(doc(p(t('See '), mention('s1'))), { linkedStoryIds: ['s1', 's2'] })] });
    const { product: after, inverse } = applyEdit(product, { type: 'story.delete', id: 's1' });
    const kept = after.specs[0];
    if (!kept) throw new Error('spec gone');
    // The mention stays in the JSON (valid for the schema) ...
    expect(DocNodeSchema.safeParse(kept.content).success).toBe(true);
    expect(JSON.stringify(kept.content)).toContain('"id":"s1"');
    // ... the explicit link is cleared, and the linked-stories list shows it as deleted.
    expect(kept.linkedStoryIds).toEqual(['s2']);
    expect(linkedStories(kept, after).map((l) => [l.id, l.story?.title ?? 'deleted'])).toEqual([
      ['s2', 'Request a loan'],
      ['s1', 'deleted'],
    ]);
    expect(checkMentions(kept, after).status).toBe('fail');
    // Undo brings everything back.
    const restored = applyEdit(after, inverse).product;
    expect(checkMentions(restored.specs[0] ?? kept, restored).status).toBe('pass');
    expect(restored.specs[0]?.linkedStoryIds).toEqual(['s1', 's2']);
  });
});
