import { createTestSchema, eventually, testDatabaseUrl, type TestSchema } from '@ttkt/testing';
import { Pool } from 'pg';
import {
  InProcessTransport,
  PermanentError,
  PostgresJournal,
  type InboundMessage,
  type InProcessJournal,
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

  /**
   * A transport on the shared journal, as a process start would build it, and a switch that
   * "kills" it: from then on its journal writes go nowhere, as if the process had died.
   */
  async function start(): Promise<InProcessTransport & { die(): void }> {
    const real = new PostgresJournal(pool, schema.name);
    let alive = true;
    const journal: InProcessJournal = {
      record: (entries) => (alive ? real.record(entries) : Promise.resolve()),
      remove: (id) => (alive ? real.remove(id) : Promise.resolve()),
      retried: (id, attempt) => (alive ? real.retried(id, attempt) : Promise.resolve()),
      deadLettered: (id, letter) => (alive ? real.deadLettered(id, letter) : Promise.resolve()),
      replayed: (id) => (alive ? real.replayed(id) : Promise.resolve()),
      load: () => real.load(),
    };
    const transport = Object.assign(new InProcessTransport({ journal, retryDelaysMs: [20] }), {
      die: () => {
        alive = false;
      },
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

    // The process dies: nothing it does from now on reaches the journal.
    first.die();
    release();
    await subscription.stop();
    const second = await start();
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
