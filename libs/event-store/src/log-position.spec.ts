import fc from 'fast-check';
import {
  compareLogPositions,
  hasReached,
  logPositionFromToken,
  logPositionToToken,
} from './log-position';
import type { LogPosition } from './types';

const position = fc
  .record({
    transactionId: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
    globalPosition: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }),
  })
  .map((p): LogPosition => p);

describe('log positions', () => {
  it('orders by transaction id first, then global position', () => {
    const a = { transactionId: 9n, globalPosition: 100n };
    const b = { transactionId: 10n, globalPosition: 1n };
    expect(compareLogPositions(a, b)).toBeLessThan(0);
    expect(compareLogPositions(b, a)).toBeGreaterThan(0);
    expect(compareLogPositions(a, { ...a })).toBe(0);
    expect(hasReached(null, a)).toBe(false);
    expect(hasReached(b, a)).toBe(true);
    expect(hasReached(a, b)).toBe(false);
  });

  it('round-trips any position through a token of its service only', () => {
    fc.assert(
      fc.property(position, (p) => {
        const token = logPositionToToken('nomination', p);
        expect(token).toMatch(/^nomination:\d+\.\d+$/);
        expect(logPositionFromToken('nomination', token)).toEqual(p);
        expect(logPositionFromToken('campaign', token)).toBeUndefined();
      }),
    );
    expect(logPositionFromToken('nomination', 'nomination:12')).toBeUndefined();
  });

  it('compares like the tokens it is written as (antisymmetric, transitive)', () => {
    fc.assert(
      fc.property(position, position, position, (a, b, c) => {
        expect(Math.sign(compareLogPositions(a, b))).toBe(-Math.sign(compareLogPositions(b, a)));
        if (compareLogPositions(a, b) <= 0 && compareLogPositions(b, c) <= 0) {
          expect(compareLogPositions(a, c)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });
});
