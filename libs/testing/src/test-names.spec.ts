import {
  TEST_NAME_PATTERN,
  isStaleTestResource,
  testResourceCreatedAt,
  testResourceName,
} from './test-names';
import { withSearchPath } from './test-schema';
import { vhostUrl } from './test-vhost';

const HOUR = 60 * 60 * 1000;

describe('testResourceName', () => {
  it('makes a t_ name with the label, the creation time and a random part', () => {
    const now = Date.UTC(2026, 2, 30);
    const name = testResourceName('Event Store', now, 'deadbeef');
    expect(name).toBe(`t_event_store_${now.toString(36)}_deadbeef`);
    expect(name).toMatch(TEST_NAME_PATTERN);
    expect(testResourceCreatedAt(name)).toBe(now);
  });

  it('folds any label to a short plain identifier', () => {
    const name = testResourceName('Thi đua / Khen thưởng — a very long label indeed, really');
    expect(name).toMatch(/^t_[a-z0-9_]+$/);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(testResourceCreatedAt(name)).toBeDefined();
    const now = Date.UTC(2026, 0, 1);
    expect(testResourceCreatedAt(testResourceName('', now))).toBe(now);
  });

  it('reads the creation time of a schema made from a name with a suffix (a platform prefix)', () => {
    const now = Date.UTC(2026, 10, 26);
    const prefix = testResourceName('slice x', now, 'abcdef01');
    for (const suffix of ['campaign', 'directory', 'gateway', 'transport']) {
      expect(testResourceCreatedAt(`${prefix}_${suffix}`)).toBe(now);
    }
    expect(testResourceCreatedAt(`${prefix}_9lives`)).toBeUndefined();
  });

  it('never repeats a name', () => {
    const names = new Set(Array.from({ length: 200 }, () => testResourceName('same')));
    expect(names.size).toBe(200);
  });
});

describe('isStaleTestResource', () => {
  const now = Date.UTC(2026, 0, 1);

  it('is true only for test names older than the limit', () => {
    expect(isStaleTestResource(testResourceName('x', now - 4 * HOUR), now, 3 * HOUR)).toBe(true);
    expect(isStaleTestResource(testResourceName('x', now - 2 * HOUR), now, 3 * HOUR)).toBe(false);
  });

  it('leaves names that are not ours alone', () => {
    for (const name of [
      '/',
      'public',
      't_',
      't_custom',
      't_old_schema_2020',
      't_cafe_deadbeef',
      'campaign',
    ]) {
      expect(isStaleTestResource(name, now, 0)).toBe(false);
    }
  });
});

describe('connection strings', () => {
  it('adds a search_path to a database URL', () => {
    const url = withSearchPath('postgres://postgres@127.0.0.1:5432/postgres', 't_a_1_deadbeef');
    expect(new URL(url).searchParams.get('options')).toBe('-c search_path=t_a_1_deadbeef');
    expect(url.startsWith('postgres://postgres@127.0.0.1:5432/postgres?')).toBe(true);
  });

  it('puts the url-encoded vhost in the AMQP URL path', () => {
    expect(vhostUrl('amqp://guest:guest@127.0.0.1:5672', 't_x_1_deadbeef')).toBe(
      'amqp://guest:guest@127.0.0.1:5672/t_x_1_deadbeef',
    );
    expect(vhostUrl('amqp://guest:guest@127.0.0.1:5672/', 'a/b')).toBe(
      'amqp://guest:guest@127.0.0.1:5672/a%2Fb',
    );
  });
});
