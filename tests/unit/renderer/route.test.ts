import { describe, expect, it } from 'vitest';
import { hashParam, parseRoute, routeHash } from '../../../src/renderer/src/state/route';

describe('routes in the URL hash', () => {
  it('parses the start screen, product views and unknown views', () => {
    expect(parseRoute('')).toEqual({ screen: 'start' });
    expect(parseRoute('#/')).toEqual({ screen: 'start' });
    expect(parseRoute('#/p/larder/roadmap')).toEqual({ screen: 'product', id: 'larder', view: 'roadmap' });
    expect(parseRoute('#/p/larder/spec/spec-1')).toEqual({ screen: 'product', id: 'larder', view: 'spec' });
    expect(parseRoute('#/p/larder/nonsense')).toEqual({ screen: 'product', id: 'larder', view: 'backlog' });
    expect(parseRoute('#/p/larder/backlog?story=st-101')).toEqual({ screen: 'product', id: 'larder', view: 'backlog' });
    expect(routeHash({ screen: 'product', id: 'larder', view: 'prioritize' })).toBe('#/p/larder/prioritize');
  });

  it('reads query parameters after the route', () => {
    expect(hashParam('#/p/larder/backlog?story=st-101', 'story')).toBe('st-101');
    expect(hashParam('#/p/larder/backlog?epic=ep-1&story=st-9', 'story')).toBe('st-9');
    expect(hashParam('#/p/larder/backlog', 'story')).toBeNull();
  });
});
