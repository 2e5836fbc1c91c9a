import { fold, type Decider } from './decider';
import { streamTypeOf } from './event-store';
import { fingerprintOf } from './idempotency';
import { assertSchemaName, notifyChannel } from './schema-name';
import { VersionConflict } from './version-conflict.error';

describe('schema names', () => {
  it('accepts plain identifiers and names the notification channel after them', () => {
    expect(assertSchemaName('nomination')).toBe('nomination');
    expect(notifyChannel('t_es_x_1')).toBe('t_es_x_1_events');
  });

  it.each(['', 'Nomination', '1abc', 'a-b', 'a"b', 'x'.repeat(57)])('refuses %j', (name) => {
    expect(() => assertSchemaName(name)).toThrow(RangeError);
  });
});

describe('streamTypeOf', () => {
  it('takes the part before the first dash', () => {
    expect(streamTypeOf('campaign-01J-abc')).toBe('campaign');
    expect(streamTypeOf('ledger')).toBe('ledger');
  });
});

describe('fingerprintOf', () => {
  it('ignores key order and undefined fields, but not values or array order', () => {
    expect(fingerprintOf({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      fingerprintOf({ b: { d: 'x', c: [1, 2] }, a: 1, e: undefined }),
    );
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
    expect(fingerprintOf([1, 2])).not.toBe(fingerprintOf([2, 1]));
    expect(fingerprintOf({ a: '1' })).not.toBe(fingerprintOf({ a: 1 }));
  });
});

describe('fold', () => {
  it('applies evolve over events from the initial state', () => {
    const decider: Decider<never, string[], { type: string; data: string }> = {
      initialState: () => [],
      evolve: (state, event) => [...state, event.data],
      decide: () => [],
    };
    expect(
      fold(decider, [
        { type: 'A', data: 'x' },
        { type: 'A', data: 'y' },
      ]),
    ).toEqual(['x', 'y']);
  });
});

describe('VersionConflict', () => {
  it('carries the stream, expected and actual versions and the reason', () => {
    const conflict = new VersionConflict('t', 'campaign-1', 2, 3);
    expect(conflict).toBeInstanceOf(Error);
    expect(conflict).toMatchObject({
      name: 'VersionConflict',
      streamId: 'campaign-1',
      expected: 2,
      actual: 3,
      reason: 'version',
    });
    expect(new VersionConflict('t', 's', 'any', 1, 'xid-order').message).toMatch(
      /newer transaction/,
    );
  });
});
