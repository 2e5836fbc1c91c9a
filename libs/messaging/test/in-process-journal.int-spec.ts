import { createTestSchema, eventually, testDatabaseUrl, type TestSchema } from '@ttkt/testing';
import { Pool } from 'pg';
import {
  InProcessTransport,
  PermanentError,
  PostgresJournal,
  type InboundMessage,
  type OutboundMessage,
} from '../src';

function message(id: string): OutboundMessage {
  return {
    messageId: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
    routingKey: 'campaign.drafted.v1',
    body: JSON.stringify({ n: id }),
  };
}

/**
 * The all-in-one mode's transport keeps its queues in PostgreSQL: what was queued, in a handler's
 * hands or dead-lettered when the process died comes back on the next start; what was settled
 * does not.
 */
describe('in-process transport with a PostgreSQL journal', () => {
  let schema: TestSchema;
  let pool: Pool;
  const transports: InProcessTransport[] = [];

  beforeAll(async () => {
    schema = await createTestSchema('journal');
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
    await new PostgresJournal(pool, schema.name).migrate();
  });

  afterAll(async () => {
    for (const transport of transports) await transport.close();
    await pool.end();
    await schema.drop();
  });

  /** A transport on the shared journal, as a process start would build it. */
  async function start(): Promise<InProcessTransport> {
    const transport = new InProcessTransport({
      journal: new PostgresJournal(pool, schema.name),
      retryDelaysMs: [20],
    });
    transports.push(transport);
    await transport.declareService('dashboard', ['campaign.*.v1']);
    await transport.restore();
    return transport;
  }

  it('redelivers after a restart what was queued or unsettled, keeps dead letters, forgets what was settled', async () => {
    const first = await start();
    const handled: string[] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const subscription = await first.subscribe({
      service: 'dashboard',
      routingKeys: ['campaign.*.v1'],
      prefetch: 1,
      handler: async (inbound: InboundMessage) => {
        const n = (JSON.parse(inbound.body) as { n: string }).n;
        handled.push(n);
        if (n === '2') throw new PermanentError('malformed for the test');
        if (n === '3') await blocked; // in the handler's hands when the process "dies"
      },
    });
    await first.publish([message('1'), message('2'), message('3'), message('4')]);
    await eventually(() => expect(handled).toEqual(['1', '2', '3']));
    await eventually(async () => expect(await first.listDeadLetters('dashboard')).toHaveLength(1));
    // Journal updates after settling run in the background (a lost one only means a redelivery).
    await eventually(async () => {
      const { rows } = await pool.query<{ live: string; dead: string }>(
        `SELECT count(*) FILTER (WHERE dead_letter IS NULL) AS live, count(dead_letter) AS dead
           FROM "${schema.name}".transport_journal`,
      );
      expect(rows[0]).toEqual({ live: '2', dead: '1' });
    });

    // The process dies: nothing more is settled; the next start sees only the journal.
    void subscription;
    const second = await start();
    release();
    const redelivered: { n: string; redelivered: boolean }[] = [];
    await second.subscribe({
      service: 'dashboard',
      routingKeys: ['campaign.*.v1'],
      handler: (inbound) => {
        redelivered.push({
          n: (JSON.parse(inbound.body) as { n: string }).n,
          redelivered: inbound.redelivered,
        });
        return Promise.resolve();
      },
    });
    await eventually(() =>
      expect(redelivered).toEqual([
        { n: '3', redelivered: true },
        { n: '4', redelivered: true },
      ]),
    );
    const deadLetters = await second.listDeadLetters('dashboard');
    expect(deadLetters).toEqual([expect.objectContaining({ reason: 'malformed for the test' })]);

    expect(await second.replayDeadLetter('dashboard', deadLetters[0]!.id)).toBe(true);
    await eventually(() => expect(redelivered.map((entry) => entry.n)).toEqual(['3', '4', '2']));
    await eventually(async () => {
      const left = await pool.query(`SELECT 1 FROM "${schema.name}".transport_journal`);
      expect(left.rowCount).toBe(0);
    });
  });

  it('rejects publish while the journal cannot store, so the relay retries and nothing is lost', async () => {
    const failing = new InProcessTransport({
      journal: {
        record: () => Promise.reject(new Error('database down')),
        remove: () => Promise.resolve(),
        retried: () => Promise.resolve(),
        deadLettered: () => Promise.resolve(),
        replayed: () => Promise.resolve(),
        load: () => Promise.resolve({ queued: [], deadLetters: [] }),
      },
    });
    transports.push(failing);
    const seen: string[] = [];
    await failing.subscribe({
      service: 'dashboard',
      routingKeys: ['#'],
      handler: (inbound) => {
        seen.push(inbound.messageId);
        return Promise.resolve();
      },
    });
    await expect(failing.publish([message('9')])).rejects.toThrow(/journal refused/);
    await failing.publish([]);
    expect(seen).toEqual([]);
  });
});
