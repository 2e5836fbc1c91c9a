import { topicMatches, topicMatchesAny } from './topic-matcher';

describe('topicMatches', () => {
  it.each([
    ['campaign.drafted.v1', 'campaign.drafted.v1', true],
    ['campaign.drafted.v1', 'campaign.drafted.v2', false],
    ['campaign.*.v1', 'campaign.drafted.v1', true],
    ['campaign.*.v1', 'campaign.drafted.extra.v1', false],
    ['campaign.#', 'campaign.drafted.v1', true],
    ['campaign.#', 'campaign', true],
    ['campaign.#', 'nomination.submitted.v1', false],
    ['#', 'anything.at.all', true],
    ['#.v1', 'campaign.drafted.v1', true],
    ['#.v1', 'campaign.drafted.v2', false],
    ['*.drafted.*', 'campaign.drafted.v1', true],
    ['*', 'campaign.drafted', false],
  ])('%s against %s → %s', (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
  });

  // Edge cases checked against RabbitMQ 3.10.8's topic exchange (bind, publish, get).
  it.each([
    ['*', '', false],
    ['#', '', true],
    ['a.*', '', false],
    ['*', 'a', true],
    ['a.#', 'a', true],
    ['#.a', 'a', true],
    ['a.#.b', 'a.b', true],
    ['a.*.b', 'a.b', false],
    ['*.*', 'a..', false],
    ['*.*', 'a.', true],
    ['*', '.', false],
    ['a..b', 'a..b', true],
    ['a.*.b', 'a..b', true],
    ['#', '.', true],
    ['*.#', 'a', true],
    ['#.*', 'a', true],
    ['#.#', 'a', true],
    ['a.#.#.b', 'a.x.y.b', true],
    ['#.b.#', 'b', true],
    ['*.b.#', 'x.b', true],
    ['', '', true],
    ['', 'a', false],
    ['#.*.#', '', false],
    ['*.#.*', 'a', false],
  ])('as RabbitMQ does: %j against %j → %s', (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
  });

  it('stays linear on patterns with many #', () => {
    const key = Array.from({ length: 200 }, (_, i) => `w${i}`).join('.');
    const pattern = Array.from({ length: 100 }, () => '#').join('.') + '.nope';
    const started = Date.now();
    expect(topicMatches(pattern, key)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('topicMatchesAny', () => {
  it('matches when one pattern does', () => {
    expect(topicMatchesAny(['a.b', 'campaign.#'], 'campaign.drafted.v1')).toBe(true);
    expect(topicMatchesAny(['a.b'], 'campaign.drafted.v1')).toBe(false);
    expect(topicMatchesAny([], 'campaign.drafted.v1')).toBe(false);
  });
});
