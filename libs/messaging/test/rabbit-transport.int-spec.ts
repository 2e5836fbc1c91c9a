import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestVhost, eventually, type TestVhost } from '@ttkt/testing';
import { connect, type ChannelModel } from 'amqplib';
import { PermanentError, TransportUnavailableError, type Subscription } from '../src/transport';
import { RabbitTransport } from '../src/transport/rabbit-transport';
import { syncHandler } from './support/handlers';
import { plainMessage } from './support/integration-events';

const run = promisify(execFile);

let vhost: TestVhost;
let raw: ChannelModel;
const transports: RabbitTransport[] = [];
const subscriptions: Subscription[] = [];

function transport(
  prefix: string,
  options: { retryDelaysMs?: number[]; deliveryLimit?: number } = {},
): RabbitTransport {
  const created = new RabbitTransport({
    url: vhost.url,
    prefix,
    retryDelaysMs: options.retryDelaysMs ?? [50, 100],
    connectionName: `${prefix}-test`,
    ...options,
  });
  transports.push(created);
  return created;
}

beforeAll(async () => {
  vhost = await createTestVhost('msg_rabbit');
  raw = await connect(vhost.url);
});

afterEach(async () => {
  for (const subscription of subscriptions.splice(0)) await subscription.stop();
  for (const created of transports.splice(0)) await created.close();
});

afterAll(async () => {
  await raw?.close();
  await vhost?.drop();
});

describe('RabbitTransport topology', () => {
  it('declares the documented exchanges and queues, with their arguments, idempotently', async () => {
    const first = transport('topo', { retryDelaysMs: [50, 100], deliveryLimit: 7 });
    await first.declareService('svc-a', ['campaign.#']);
    // Another process declaring the same service again changes nothing and fails nothing.
    await transport('topo', { retryDelaysMs: [50, 100], deliveryLimit: 7 }).declareService(
      'svc-a',
      ['campaign.#', 'nomination.*.v1'],
    );

    const { stdout } = await run(
      'rabbitmqctl',
      [
        '-q',
        '--no-table-headers',
        'list_queues',
        '-p',
        vhost.name,
        'name',
        'type',
        'durable',
        'arguments',
      ],
      { timeout: 30_000 },
    );
    const queues: Record<string, { type?: string; durable?: string; args?: string }> = {};
    for (const line of stdout.split('\n')) {
      const [name, type, durable, args] = line.split('\t');
      if (name?.startsWith('topo.')) queues[name] = { type, durable, args };
    }
    expect(Object.keys(queues).sort()).toEqual([
      'topo.svc-a',
      'topo.svc-a.dlq',
      'topo.svc-a.retry.1',
      'topo.svc-a.retry.2',
      'topo.unroutable',
    ]);
    expect(queues['topo.svc-a']).toMatchObject({ type: 'quorum', durable: 'true' });
    expect(queues['topo.svc-a']?.args).toContain('{"x-dead-letter-exchange","topo.svc-a.dlx"}');
    expect(queues['topo.svc-a']?.args).toContain('{"x-delivery-limit",7}');
    expect(queues['topo.svc-a.retry.2']).toMatchObject({ type: 'quorum', durable: 'true' });
    expect(queues['topo.svc-a.retry.2']?.args).toContain('{"x-message-ttl",100}');
    expect(queues['topo.svc-a.retry.2']?.args).toContain(
      '{"x-dead-letter-routing-key","topo.svc-a"}',
    );
    expect(queues['topo.svc-a.dlq']).toMatchObject({ type: 'classic', durable: 'true' });

    const { stdout: bindings } = await run(
      'rabbitmqctl',
      [
        '-q',
        '--no-table-headers',
        'list_bindings',
        '-p',
        vhost.name,
        'source_name',
        'destination_name',
        'routing_key',
      ],
      { timeout: 30_000 },
    );
    const rows = bindings
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split('\t').join(' '));
    expect(rows).toEqual(
      expect.arrayContaining([
        'topo.events topo.svc-a campaign.#',
        'topo.events topo.svc-a nomination.*.v1',
        'topo.svc-a.dlx topo.svc-a.dlq ',
        'topo.unroutable topo.unroutable ',
      ]),
    );
  });

  it('refuses to redeclare a service with other queue arguments (they are immutable)', async () => {
    await transport('immutable', { retryDelaysMs: [50] }).declareService('svc-a', ['campaign.#']);
    await expect(
      transport('immutable', { retryDelaysMs: [70] }).declareService('svc-a', ['campaign.#']),
    ).rejects.toThrow(/PRECONDITION_FAILED/);
  });

  it('names its connection after connectionName', async () => {
    await transport('named').start();
    const { stdout } = await run(
      'rabbitmqctl',
      ['-q', '--no-table-headers', 'list_connections', '-p', vhost.name, 'client_properties'],
      { timeout: 30_000 },
    );
    expect(stdout).toContain('{"connection_name","named-test"}');
  });

  it('rejects an unreachable broker with TransportUnavailableError', async () => {
    const unreachable = new RabbitTransport({
      url: 'amqp://guest:guest@127.0.0.1:1/none',
      prefix: 'x',
    });
    transports.push(unreachable);
    await expect(unreachable.publish([plainMessage('campaign.drafted.v1')])).rejects.toBeInstanceOf(
      TransportUnavailableError,
    );
  });

  it('rejects names that would break the naming scheme', async () => {
    const t = transport('names');
    await expect(t.declareService('svc.a', ['x'])).rejects.toThrow(/service name/);
    await expect(t.declareService('unroutable', ['x'])).rejects.toThrow(/reserved/);
    expect(() => transport('bad prefix')).toThrow(/prefix/);
  });
});

describe('RabbitTransport publishing', () => {
  it('publishes persistent JSON messages with messageId and type, and confirms a large batch pipelined', async () => {
    const t = transport('pub');
    await t.start();
    const channel = await raw.createChannel();
    const probe = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(probe.queue, t.names.events, '#');

    const batch = Array.from({ length: 2000 }, (_, n) =>
      plainMessage('campaign.drafted.v1', { n }, { tenant: 'bac-kan' }),
    );
    const started = performance.now();
    await t.publish(batch);
    const elapsed = performance.now() - started;
    // Confirmed means enqueued: every message is in the probe queue now.
    expect((await channel.checkQueue(probe.queue)).messageCount).toBe(2000);
    const got = await channel.get(probe.queue, { noAck: true });
    expect(got).not.toBe(false);
    if (got === false) return;
    expect(got.properties).toMatchObject({
      deliveryMode: 2,
      messageId: batch[0]?.messageId,
      type: 'campaign.drafted.v1',
      contentType: 'application/json',
      headers: { tenant: 'bac-kan' },
    });
    expect(got.content.toString()).toBe(batch[0]?.body);
    await channel.close();
    process.stdout.write(
      `RabbitTransport: 2000 confirmed publishes in ${elapsed.toFixed(0)} ms (${Math.round(2000 / (elapsed / 1000))} msg/s)\n`,
    );
  });

  it('rejects publishing after close, with TransportUnavailableError', async () => {
    const t = transport('closed');
    await t.start();
    await t.close();
    await expect(t.publish([plainMessage('campaign.drafted.v1')])).rejects.toBeInstanceOf(
      TransportUnavailableError,
    );
  });

  it('rejects a malformed message before sending anything', async () => {
    const t = transport('malformed');
    await expect(t.publish([{ messageId: '', routingKey: 'a.b.v1', body: '{}' }])).rejects.toThrow(
      /messageId/,
    );
  });
});

describe('RabbitTransport dead letters', () => {
  it('writes the dead-letter headers and keeps the original routing key and properties', async () => {
    const t = transport('dlq');
    subscriptions.push(
      await t.subscribe({
        service: 'svc-a',
        routingKeys: ['campaign.#'],
        handler: syncHandler(() => {
          throw new PermanentError('refused: title missing');
        }),
      }),
    );
    const message = plainMessage('campaign.drafted.v1', {}, { tenant: 'bac-kan' });
    await t.publish([message]);
    await eventually(async () => expect(await t.listDeadLetters('svc-a')).toHaveLength(1));

    const channel = await raw.createChannel();
    const got = await channel.get(t.names.deadLetterQueue('svc-a'), { noAck: false });
    expect(got).not.toBe(false);
    if (got === false) return;
    channel.nack(got, false, true);
    const headers = got.properties.headers ?? {};
    expect(headers).toMatchObject({
      tenant: 'bac-kan',
      'x-routing-key': 'campaign.drafted.v1',
      'x-reason': 'refused: title missing',
      'x-attempts': 1,
      'x-attempt': 0,
    });
    expect(headers['x-dead-letter-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(String(headers['x-dead-lettered-at']))).not.toBeNaN();
    expect(got.properties).toMatchObject({
      messageId: message.messageId,
      type: 'campaign.drafted.v1',
      deliveryMode: 2,
    });
    await channel.close();
    // Still there for the transport to list.
    expect((await t.listDeadLetters('svc-a')).map((l) => l.id)).toEqual([
      headers['x-dead-letter-id'],
    ]);
  });

  it('lists nothing for a service that was never declared', async () => {
    const t = transport('nothing');
    expect(await t.listDeadLetters('svc-z')).toEqual([]);
    expect(await t.replayDeadLetter('svc-z', 'x')).toBe(false);
  });
});
