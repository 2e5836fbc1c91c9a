import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { connect, type ChannelModel } from 'amqplib';
import { eventually } from './eventually';
import { closeVhostConnections, createTestVhost, type TestVhost } from './test-vhost';

const run = promisify(execFile);

async function vhosts(): Promise<string[]> {
  const { stdout } = await run('rabbitmqctl', ['-q', '--no-table-headers', 'list_vhosts', 'name']);
  return stdout.split('\n').map((line) => line.trim());
}

describe('createTestVhost', () => {
  let vhost: TestVhost;
  let connection: ChannelModel | undefined;

  beforeAll(async () => {
    vhost = await createTestVhost('vhost_spec');
  });

  afterAll(async () => {
    await connection?.close().catch(() => undefined);
    await vhost.drop();
  });

  it('creates a vhost the AMQP user may use through its URL', async () => {
    expect(vhost.name).toMatch(/^t_vhost_spec_/);
    expect(vhost.url.endsWith(`/${encodeURIComponent(vhost.name)}`)).toBe(true);
    expect(await vhosts()).toContain(vhost.name);

    connection = await connect(vhost.url);
    const channel = await connection.createChannel();
    await channel.assertQueue('probe', { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    channel.sendToQueue('probe', Buffer.from('hello'));
    const got = await eventually(async () => {
      const message = await channel.get('probe', { noAck: true });
      if (message === false) throw new Error('no message yet');
      return message.content.toString();
    });
    expect(got).toBe('hello');
  });

  it('closes the vhost’s connections on demand', async () => {
    connection ??= await connect(vhost.url);
    const closed = new Promise<void>((resolve) => connection?.once('close', () => resolve()));
    connection.on('error', () => undefined);
    await closeVhostConnections(vhost.name, 'test: simulated outage');
    await closed;
    connection = undefined;
  });

  it('deletes the vhost, twice without harm', async () => {
    const other = await createTestVhost();
    expect(await vhosts()).toContain(other.name);
    await other.drop();
    await other.drop();
    expect(await vhosts()).not.toContain(other.name);
  });
});
