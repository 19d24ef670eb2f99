import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDuplicateGroups, similarity } from '../../../src/shared/coach/duplicates';
import { isActionTitle, lintContext, lintStory, LINT_CODES, type LintCode } from '../../../src/shared/coach/lints';
import { backlogHealth, investChecklist, readyChecks, storyReadiness, DEFAULT_READY_CHECKS } from '../../../src/shared/coach/readiness';
import { findVagueTerms, VAGUE_TERMS } from '../../../src/shared/coach/text';
import { parseProductText } from '../../../src/shared/model/productFile';
import type { Story } from '../../../src/shared/model/schema';
import { goodStory, productWith } from './storyFactory';

function codes(story: Story, others: Story[] = []): LintCode[] {
  const product = productWith([story, ...others]);
  return lintStory(story, lintContext(product)).map((l) => l.code);
}

describe('a well-formed story', () => {
  it('triggers no lint', () => {
    expect(codes(goodStory())).toEqual([]);
  });
});

/** For each lint: a story that should trigger it and the good story that should not. */
const triggers: Record<LintCode, Partial<Story>> = {
  'missing-user': { asA: '  ' },
  'missing-benefit': { soThat: '' },
  'no-acceptance-criteria': { acceptanceCriteria: [] },
  'vague-criteria': { acceptanceCriteria: [{ id: 'x', text: 'The export should be fast and user-friendly, etc.' }] },
  'not-estimated': { estimate: null },
  'too-large': { estimate: 13 },
  'long-title': { title: 'Export worked hours to the payroll provider including overtime, night premiums, holiday pay and sick leave' },
  'title-not-action': { title: 'Notifications' },
  'possible-duplicate': {},
  'no-epic': { epicId: null },
};

describe.each(LINT_CODES)('lint %s', (code) => {
  it('fires on a story with the flaw', () => {
    if (code === 'possible-duplicate') {
      const a = goodStory();
      const b = goodStory({ id: 'st-2', title: 'Export the worked hours to our payroll provider', iWant: 'to export approved hours into a payroll file' });
      expect(codes(a, [b])).toContain('possible-duplicate');
      return;
    }
    expect(codes(goodStory(triggers[code]))).toContain(code);
  });

  it('does not fire on the well-formed story', () => {
    const other = goodStory({ id: 'st-2', title: 'Warn managers when a rota breaks the rest-period rule', iWant: 'a warning when rest periods are too short' });
    expect(codes(goodStory(), [other])).not.toContain(code);
  });
});

describe('details', () => {
  it('names the vague words it found', () => {
    const lints = lintStory(goodStory(triggers['vague-criteria']), lintContext(productWith([])));
    expect(lints.find((l) => l.code === 'vague-criteria')?.detail).toBe('Untestable words: "fast", "user-friendly", "etc".');
  });

  it('uses the product split threshold', () => {
    const story = goodStory({ estimate: 8 });
    expect(lintStory(story, { splitThreshold: 8, hasEpics: true, duplicates: new Map() }).map((l) => l.code)).not.toContain('too-large');
    expect(lintStory(story, { splitThreshold: 5, hasEpics: true, duplicates: new Map() }).map((l) => l.code)).toContain('too-large');
  });

  it('does not ask for an epic when the product has none', () => {
    expect(lintStory(goodStory({ epicId: null }), { splitThreshold: 8, hasEpics: false, duplicates: new Map() })).toEqual([]);
  });

  it('finds vague words only as whole words', () => {
    expect(findVagueTerms('Breakfast recipes are shown')).toEqual([]);
    expect(findVagueTerms('It must be FAST')).toEqual(['fast']);
    expect(findVagueTerms('a user friendly screen')).toEqual(['user-friendly']);
    expect(findVagueTerms('Add items as needed')).toEqual(['as needed']);
    // Case and spacing variants still match (the fast pre-check must not hide them).
    expect(findVagueTerms('A User Friendly and userfriendly form')).toEqual(['user-friendly']);
    expect(findVagueTerms('Add items AS   NEEDED, Etc')).toEqual(['etc', 'as needed']);
    expect(findVagueTerms('Keep it Seamless')).toEqual(['seamless']);
  });

  it('finds every vague term on its own, next to punctuation, and each term once', () => {
    for (const term of VAGUE_TERMS) {
      expect(findVagueTerms(`(${term.toUpperCase()}).`)).toContain(term);
      expect(findVagueTerms(`x${term}`)).not.toContain(term);
    }
    // Overlapping terms are all reported: "as appropriate" also contains "appropriate".
    expect(findVagueTerms('Retry as appropriate, and as appropriate again')).toEqual(['as appropriate', 'appropriate']);
    expect(findVagueTerms('Load the quick, simple, fast view')).toEqual(['fast', 'quick', 'simple']);
  });

  it('recognises action titles', () => {
    expect(isActionTitle('Export hours to payroll')).toBe(true);
    expect(isActionTitle('Site managers approve timesheets weekly')).toBe(true);
    expect(isActionTitle('Notifications')).toBe(false);
    expect(isActionTitle('App performance')).toBe(false);
    expect(isActionTitle('Integration with the payroll provider')).toBe(false);
    expect(isActionTitle('The dashboard for managers')).toBe(false);
  });
});

describe('duplicates', () => {
  it('pairs near-identical requests and nothing else', () => {
    const stories = [
      { id: 'a', title: 'Scan a receipt to add groceries', iWant: 'to photograph my receipt' },
      { id: 'b', title: 'Add groceries by scanning the receipt', iWant: 'to take a photo of the receipt' },
      { id: 'c', title: 'Remind me before milk goes off', iWant: 'a reminder two days before the use-by date' },
    ];
    const groups = findDuplicateGroups(stories);
    expect(groups.get('a')).toEqual(['b']);
    expect(groups.get('b')).toEqual(['a']);
    expect(groups.has('c')).toBe(false);
  });

  it('similarity is Dice on sets', () => {
    expect(similarity(new Set(['a', 'b']), new Set(['a', 'b']))).toBe(1);
    expect(similarity(new Set(['a', 'b']), new Set(['c']))).toBe(0);
    expect(similarity(new Set(['a', 'b', 'c', 'd']), new Set(['a', 'b']))).toBeCloseTo(2 / 3);
    expect(similarity(new Set(), new Set(['a']))).toBe(0);
  });
});

describe('Definition of Ready', () => {
  it('uses the product checks, or the default when none are automatic', () => {
    expect(readyChecks([])).toEqual([...DEFAULT_READY_CHECKS]);
    expect(readyChecks([{ id: 'd1', text: 'Discussed with the team', check: null }])).toEqual([...DEFAULT_READY_CHECKS]);
    expect(readyChecks([{ id: 'd1', text: 'Has criteria', check: 'no-acceptance-criteria' }, { id: 'd2', text: 'Unknown', check: 'not-a-lint' }])).toEqual(['no-acceptance-criteria']);
  });

  it('blocks readiness only on the configured checks', () => {
    const story = goodStory({ epicId: null, estimate: null });
    const ctx = lintContext(productWith([story]));
    const strict = storyReadiness(story, ctx, ['not-estimated']);
    expect(strict.ready).toBe(false);
    expect(strict.blocking.map((l) => l.code)).toEqual(['not-estimated']);
    const lenient = storyReadiness(story, ctx, ['no-acceptance-criteria']);
    expect(lenient.ready).toBe(true);
    expect(lenient.lints.map((l) => l.code)).toEqual(['not-estimated', 'no-epic']);
  });
});

describe('INVEST', () => {
  it('checks what the text shows and leaves the rest to judgement', () => {
    const story = goodStory({ soThat: '', estimate: 20 });
    const ctx = lintContext(productWith([story]));
    const list = investChecklist(story, lintStory(story, ctx), 8);
    const status = Object.fromEntries(list.map((c) => [c.letter, c.status]));
    expect(status).toEqual({ independent: 'judge', negotiable: 'judge', valuable: 'fail', estimable: 'pass', small: 'fail', testable: 'pass' });
    const dependent = goodStory({ description: 'Can only start once the payroll API is live.' });
    expect(investChecklist(dependent, [], 8)[0]?.status).toBe('fail');
  });
});

describe('backlog health', () => {
  it('counts ready open stories and ranks problems, ignoring done stories', () => {
    const stories = [
      goodStory({ id: 's1' }),
      goodStory({ id: 's2', title: 'Warn managers about rest-period breaks', soThat: '', iWant: 'warnings' }),
      goodStory({ id: 's3', title: 'Show overtime cost on the rota', soThat: '', acceptanceCriteria: [], iWant: 'costs' }),
      goodStory({ id: 's4', title: 'Notifications', status: 'done', soThat: '', iWant: 'alerts' }),
    ];
    const health = backlogHealth(productWith(stories));
    expect(health.considered).toBe(3);
    expect(health.ready).toBe(1);
    expect(health.problems[0]).toEqual({ code: 'missing-benefit', count: 2 });
    expect(health.problems).toContainEqual({ code: 'no-acceptance-criteria', count: 1 });
    expect(health.byStory.get('s4')?.ready).toBe(false);
  });
});

describe('the samples carry the deliberate flaws the coach must find', () => {
  const dir = join(__dirname, '../../../resources/samples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.product.json'));
  const main: LintCode[] = ['missing-benefit', 'no-acceptance-criteria', 'vague-criteria', 'not-estimated', 'too-large', 'title-not-action', 'possible-duplicate', 'no-epic'];
  it.each(files)('%s', (file) => {
    const parsed = parseProductText(readFileSync(join(dir, file), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.reason);
    const health = backlogHealth(parsed.product);
    const found = new Set(health.problems.map((p) => p.code));
    for (const code of main) expect(found.has(code), `${file}: no story flagged ${code}`).toBe(true);
    expect(health.ready).toBeGreaterThan(0);
    expect(health.ready).toBeLessThan(health.considered);
  });
});
