import { fingerprintOf } from '@ttkt/event-store';
import { createHash } from 'node:crypto';
import { fingerprintKey, keyedFingerprintOf } from './request-fingerprint';

const SECRET = 'test-secret-of-the-gateway-tests-0123456789';
const vote = (approve: boolean) => ({
  method: 'POST',
  url: '/api/v1/council-sessions/s1/votes',
  body: { nominationId: 'n1', approve },
  file: null,
});

describe('keyedFingerprintOf', () => {
  const key = fingerprintKey(SECRET);

  it('is the same for the same request however its keys are ordered, and another for another body', () => {
    expect(keyedFingerprintOf(key, { a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      keyedFingerprintOf(key, { b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
    expect(keyedFingerprintOf(key, vote(true))).not.toBe(keyedFingerprintOf(key, vote(false)));
    expect(keyedFingerprintOf(key, vote(true))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('agrees between replicas sharing the JWT secret, and is not the secret itself', () => {
    expect(keyedFingerprintOf(fingerprintKey(SECRET), vote(true))).toBe(
      keyedFingerprintOf(key, vote(true)),
    );
    expect(key.equals(Buffer.from(SECRET))).toBe(false);
    expect(key).toHaveLength(32);
  });

  it('cannot be recomputed from the body alone: neither a plain hash nor another key gives it', () => {
    const stored = keyedFingerprintOf(key, vote(true));
    const guesses = [true, false].flatMap((approve) => [
      fingerprintOf(vote(approve)),
      createHash('sha256')
        .update(JSON.stringify(vote(approve)))
        .digest('hex'),
      keyedFingerprintOf(fingerprintKey('another-secret-of-another-gateway-0123'), vote(approve)),
    ]);
    expect(guesses).not.toContain(stored);
  });
});
