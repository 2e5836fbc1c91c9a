import { DomainError } from '@ttkt/contracts';
import { refusalOf } from './refusal';

describe('refusalOf', () => {
  it('returns the domain error a decision throws', () => {
    const refusal = refusalOf(() => {
      throw new DomainError('quota-exceeded', { max: 3 });
    });
    expect(refusal.toPayload()).toEqual({ code: 'quota-exceeded', params: { max: 3 } });
  });

  it('fails when the decision accepts the command', () => {
    expect(() => refusalOf(() => [])).toThrow('expected a domain error, the command was accepted');
  });

  it('rethrows an error that is not a domain error', () => {
    expect(() =>
      refusalOf(() => {
        throw new TypeError('a bug, not a rule');
      }),
    ).toThrow(TypeError);
  });
});
