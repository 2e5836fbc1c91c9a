import { DomainError } from '@ttkt/contracts';
import { decodePageCursor, encodePageCursor } from './page-cursor';

const ID = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
const forged = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('page cursors', () => {
  it('reads back what it wrote', () => {
    const at = new Date('2021-04-20T02:00:00.123Z');
    expect(decodePageCursor(encodePageCursor(at, ID))).toEqual({ at: at.toISOString(), id: ID });
  });

  it.each([
    ['a date PostgreSQL refuses', forged(['1', ID])],
    ['30 February', forged(['2021-02-30T00:00:00.000Z', ID])],
    ['an id that is not a UUID', forged(['2021-04-20T02:00:00.123Z', 'x'])],
    ['not JSON', 'bm90IGpzb24'],
  ])('refuses %s as validation-failed at cursor', (_case, cursor) => {
    let refusal: unknown;
    try {
      decodePageCursor(cursor);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'validation-failed',
      errors: [{ path: 'cursor', message: 'invalidCursor' }],
    });
  });
});
