/** Acceptance criteria out of descriptions: only where clearly marked. */
import { describe, expect, it } from 'vitest';
import { criteriaFromField, extractAcceptanceCriteria } from '../../../src/shared/import/acceptanceCriteria';
import { extractUserStory } from '../../../src/shared/import/userStory';

describe('extractAcceptanceCriteria', () => {
  it('reads a Markdown "## Acceptance criteria" task list and stops at the next heading', () => {
    const text = 'Intro.\n\n## Acceptance criteria\n- [ ] First\n- [x] Second\n  continued\n\n## Design\nLink';
    expect(extractAcceptanceCriteria(text, 'markdown')).toEqual({ criteria: ['First', 'Second\ncontinued'], description: 'Intro.\n\n## Design\nLink' });
  });

  it('reads a Jira bold heading with "#" numbered items', () => {
    const text = '*Acceptance Criteria:*\n# Shows the total\n# Updates live\n\nOther notes here.';
    expect(extractAcceptanceCriteria(text, 'jira')).toEqual({ criteria: ['Shows the total', 'Updates live'], description: 'Other notes here.' });
  });

  it('reads "AC:" followed by plain lines', () => {
    expect(extractAcceptanceCriteria('AC:\nWorks offline\nSyncs later', 'markdown').criteria).toEqual(['Works offline', 'Syncs later']);
  });

  it('reads Given/When/Then scenarios anywhere, with And lines', () => {
    const text = 'Context first.\n\nGiven a cart\nAnd a coupon\nWhen I pay\nThen the discount applies\n\nGiven no cart\nThen nothing happens';
    expect(extractAcceptanceCriteria(text, 'markdown')).toEqual({
      criteria: ['Given a cart\nAnd a coupon\nWhen I pay\nThen the discount applies', 'Given no cart\nThen nothing happens'],
      description: 'Context first.',
    });
  });

  it('leaves bullet lists without a heading, and a "Given" without a "Then", in the description', () => {
    const text = 'Scope:\n- a\n- b\n\nGiven the budget we might skip this.';
    expect(extractAcceptanceCriteria(text, 'markdown')).toEqual({ criteria: [], description: text });
  });

  it('reads a field that holds only criteria', () => {
    expect(criteriaFromField('* One\n* Two', 'jira')).toEqual(['One', 'Two']);
    expect(criteriaFromField('Line one\nLine two', 'markdown')).toEqual(['Line one', 'Line two']);
  });
});

describe('extractUserStory', () => {
  it('reads the Connextra sentence of the first paragraph, with or without markup and "so that"', () => {
    expect(extractUserStory('*As a* member, *I want* to renew online, *so that* I avoid fines.\n\nMore.')).toEqual({ asA: 'member', iWant: 'to renew online', soThat: 'I avoid fines', description: 'More.' });
    expect(extractUserStory('As an admin I need an audit log')).toEqual({ asA: 'admin', iWant: 'an audit log', soThat: '', description: '' });
    expect(extractUserStory('As discussed, we will do this later.')).toBeNull();
  });
});
