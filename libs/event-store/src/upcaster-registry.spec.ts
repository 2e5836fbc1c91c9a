import { UpcasterRegistry } from './upcaster-registry';

describe('UpcasterRegistry', () => {
  const registry = (): UpcasterRegistry =>
    new UpcasterRegistry()
      .register<{ name: string }, { title: string }>('ThingRenamed', 1, (v1) => ({
        title: v1.name,
      }))
      .register<{ title: string }, { title: string; locale: string }>('ThingRenamed', 2, (v2) => ({
        ...v2,
        locale: 'vi',
      }));

  it('chains steps from the stored version to the current one', () => {
    expect(registry().upcast('ThingRenamed', 1, { name: 'Cờ thi đua' })).toEqual({
      schemaVersion: 3,
      data: { title: 'Cờ thi đua', locale: 'vi' },
    });
    expect(registry().upcast('ThingRenamed', 2, { title: 'x' })).toEqual({
      schemaVersion: 3,
      data: { title: 'x', locale: 'vi' },
    });
  });

  it('leaves current, newer and unknown types as they are', () => {
    expect(registry().upcast('ThingRenamed', 3, { title: 'x', locale: 'en' }).schemaVersion).toBe(
      3,
    );
    expect(registry().upcast('ThingRenamed', 4, { future: true })).toEqual({
      schemaVersion: 4,
      data: { future: true },
    });
    expect(registry().upcast('Other', 1, 42)).toEqual({ schemaVersion: 1, data: 42 });
    expect(registry().currentVersion('Other')).toBe(1);
  });

  it('throws on a gap in the chain instead of handing out old-shaped data', () => {
    const gappy = new UpcasterRegistry().register('T', 2, (data) => data);
    expect(gappy.currentVersion('T')).toBe(3);
    expect(() => gappy.upcast('T', 1, {})).toThrow(/no upcaster for T from v1/);
  });

  it('accepts an explicit current version and refuses duplicate or invalid steps', () => {
    const explicit = new UpcasterRegistry().setCurrentVersion('T', 2);
    expect(explicit.currentVersion('T')).toBe(2);
    expect(() => registry().register('ThingRenamed', 1, (data) => data)).toThrow(
      /already registered/,
    );
    expect(() => new UpcasterRegistry().register('T', 0, (data) => data)).toThrow(RangeError);
  });
});
