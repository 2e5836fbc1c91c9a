import { fingerprintOf } from '@ttkt/event-store';
import { createHmac } from 'node:crypto';

/** What the fingerprint key is derived for (HMAC's message under the JWT secret). */
const FINGERPRINT_KEY_LABEL = 'idempotency-fingerprint';

/**
 * The key of the gateway's request fingerprints:
 * HMAC-SHA256(jwtSecret, `idempotency-fingerprint`). It is never stored; every replica sharing
 * the JWT secret derives the same key, so they agree on fingerprints. A key of its own, not the
 * JWT secret itself, so neither use can stand for the other.
 */
export function fingerprintKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update(FINGERPRINT_KEY_LABEL).digest();
}

/**
 * A request's fingerprint as the gateway stores it next to an idempotency key: HMAC-SHA256 under
 * `key` of the request's plain fingerprint (`fingerprintOf`: SHA-256 of its canonical JSON, keys
 * sorted). The same request always gives the same value, another request another one; but a plain
 * hash would let whoever reads the table try every answer of a small body — a secret ballot's
 * `{ nominationId, approve }` has two — and learn the choice. Without the key nobody can.
 */
export function keyedFingerprintOf(key: Buffer, value: unknown): string {
  return createHmac('sha256', key).update(fingerprintOf(value)).digest('hex');
}
