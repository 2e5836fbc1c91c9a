import { documentIdOf, uuidV5 } from './document-id';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('gives the RFC’s and the reference library’s UUIDs', () => {
    // The well-known vector (Python's uuid.uuid5(NAMESPACE_DNS, 'www.example.com')).
    expect(uuidV5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    // A non-ASCII name hashes its UTF-8 bytes (checked against the `uuid` package's v5).
    expect(uuidV5('Bắc Kạn', URL_NAMESPACE)).toBe('a0958046-4e00-55b9-959d-5f89aaebf302');
  });

  it('sets version 5 and the RFC 4122 variant', () => {
    for (const name of ['', 'a', 'quyết định', 'x'.repeat(1000)]) {
      expect(uuidV5(name, DNS)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(RangeError);
  });
});

describe('documentIdOf', () => {
  const key = {
    tenantId: 'bac-kan',
    source: { kind: 'decision' as const, id: 'd-1' },
    kind: 'certificate' as const,
    discriminator: 'n-1',
  };

  it('names the same document for the same key, another for any other part', () => {
    expect(documentIdOf(key)).toBe(documentIdOf({ ...key, source: { ...key.source } }));
    const others = [
      { ...key, tenantId: 'thai-nguyen' },
      { ...key, source: { kind: 'proposal' as const, id: 'd-1' } },
      { ...key, source: { kind: 'decision' as const, id: 'd-2' } },
      { ...key, kind: 'decision' as const },
      { ...key, discriminator: 'n-2' },
    ].map(documentIdOf);
    expect(new Set([documentIdOf(key), ...others]).size).toBe(6);
  });

  it('does not confuse parts that would concatenate alike', () => {
    expect(
      documentIdOf({ ...key, source: { kind: 'decision', id: 'a' }, discriminator: 'b-c' }),
    ).not.toBe(
      documentIdOf({ ...key, source: { kind: 'decision', id: 'a-b' }, discriminator: 'c' }),
    );
  });
});
