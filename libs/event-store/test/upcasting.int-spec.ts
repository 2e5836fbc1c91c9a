import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UpcasterRegistry, type StoredEvent } from '../src';
import { createTestStore, eventually, type TestStore } from './support/test-database';

/**
 * An example event type with two stored versions:
 * - v1 `{ thingId, name }` (Vietnamese only);
 * - v2 `{ thingId, title, titleLocale }`, because titles started to arrive in English too.
 */
interface ThingRenamedV1 {
  thingId: string;
  name: string;
}
interface ThingRenamedV2 {
  thingId: string;
  title: string;
  titleLocale: 'vi' | 'en';
}

function upcasters(): UpcasterRegistry {
  return new UpcasterRegistry().register<ThingRenamedV1, ThingRenamedV2>(
    'ThingRenamed',
    1,
    (v1) => ({
      thingId: v1.thingId,
      title: v1.name,
      titleLocale: 'vi',
    }),
  );
}

interface GoldenSample {
  file: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  current: { schemaVersion: number; data: unknown };
}

const GOLDEN_DIR = join(__dirname, 'golden');
const samples: GoldenSample[] = readdirSync(GOLDEN_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    file,
    ...(JSON.parse(readFileSync(join(GOLDEN_DIR, file), 'utf8')) as Omit<GoldenSample, 'file'>),
  }));

let db: TestStore;

beforeAll(async () => {
  db = await createTestStore('golden', { store: { upcasters: upcasters() } });
});

afterAll(async () => {
  await db.dispose();
});

/** Writes a sample the way an old deployment stored it: raw, at its own schema version. */
async function storeRaw(sample: GoldenSample): Promise<{ tenantId: string; streamId: string }> {
  const ref = { tenantId: 'tenant-golden', streamId: `thing-${randomUUID()}` };
  await db.pool.query(
    `INSERT INTO "${db.schema}".streams (tenant_id, stream_id, stream_type, version, last_xid)
     VALUES ($1, $2, 'thing', 1, pg_current_xact_id())`,
    [ref.tenantId, ref.streamId],
  );
  await db.pool.query(
    `INSERT INTO "${db.schema}".events
       (tenant_id, stream_id, stream_position, event_id, event_type, schema_version, data, metadata)
     VALUES ($1, $2, 1, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      ref.tenantId,
      ref.streamId,
      randomUUID(),
      sample.type,
      sample.schemaVersion,
      JSON.stringify(sample.data),
      JSON.stringify({ tenantId: ref.tenantId, occurredAt: '2021-05-12T00:00:00.000Z' }),
    ],
  );
  return ref;
}

describe('golden samples of every stored version', () => {
  it('has a sample for every version of every upcast type', () => {
    const registry = upcasters();
    const current = registry.currentVersion('ThingRenamed');
    expect(current).toBe(2);
    for (let version = 1; version <= current; version += 1) {
      expect(
        samples.some(
          (sample) => sample.type === 'ThingRenamed' && sample.schemaVersion === version,
        ),
      ).toBe(true);
    }
  });

  it.each(samples.map((sample) => [sample.file, sample] as const))(
    '%s reads back as the current version through readStream and readAll',
    async (_file, sample) => {
      const ref = await storeRaw(sample);
      const [read] = await db.store.readStream(ref);
      expect(read).toMatchObject({ type: sample.type, ...sample.current });

      let logged: StoredEvent | undefined;
      await eventually(async () => {
        let after = null;
        for (;;) {
          const page: StoredEvent[] = await db.store.readAll({ after, limit: 100 });
          const last = page[page.length - 1];
          logged = logged ?? page.find((event) => event.streamId === ref.streamId);
          if (!last || logged) return logged !== undefined;
          after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
        }
      }, 10_000);
      expect(logged).toMatchObject({ type: sample.type, ...sample.current });
    },
  );

  it('stamps new appends with the current version', async () => {
    const ref = { tenantId: 'tenant-golden', streamId: `thing-${randomUUID()}` };
    await db.store.append(ref, 'no-stream', [
      {
        type: 'ThingRenamed',
        data: { thingId: 'thing-03', title: 'Giấy khen', titleLocale: 'vi' },
      },
    ]);
    const stored = await db.pool.query(
      `SELECT schema_version FROM "${db.schema}".events WHERE stream_id = $1`,
      [ref.streamId],
    );
    expect(stored.rows).toEqual([{ schema_version: 2 }]);
  });
});
