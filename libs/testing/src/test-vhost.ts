import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testAmqpUrl } from './infra-urls';
import { testResourceName } from './test-names';

const run = promisify(execFile);

/** A throw-away RabbitMQ virtual host created by {@link createTestVhost}. */
export interface TestVhost {
  /** The vhost's name, `t_<prefix>_<created-at>_<random>`. */
  name: string;
  /** `AMQP_URL` with the vhost as its (url-encoded) path: connect with this. */
  url: string;
  /** Deletes the vhost with its exchanges, queues and messages, closing its connections. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named vhost on the local RabbitMQ (with `rabbitmqctl`, so the tests must run
 * on the broker's machine, as root or the `rabbitmq` user) and grants the user of `AMQP_URL`
 * (default `amqp://guest:guest@127.0.0.1:5672`) full permissions on it. Every test file gets its
 * own topology that way, and deleting the vhost removes all of it.
 * @param prefix - what the vhost is for (e.g. `messaging`), part of its name.
 */
export async function createTestVhost(prefix = 'vhost'): Promise<TestVhost> {
  const base = new URL(testAmqpUrl());
  const user = decodeURIComponent(base.username) || 'guest';
  const name = testResourceName(prefix);
  await rabbitmqctl('add_vhost', name);
  await rabbitmqctl('set_permissions', '-p', name, user, '.*', '.*', '.*');
  return {
    name,
    url: vhostUrl(base.toString(), name),
    drop: async () => {
      try {
        await rabbitmqctl('delete_vhost', name);
      } catch (error: unknown) {
        if (!/does not exist|no_such_vhost/i.test(String(error))) throw error;
      }
    },
  };
}

/**
 * Closes every client connection to `vhost` (as a broker restart or a network cut would), so a
 * test can watch consumers and publishers recover.
 * @param vhost - the vhost's name.
 * @param reason - shown to the clients in the connection-close frame.
 */
export async function closeVhostConnections(
  vhost: string,
  reason = 'closed by a test',
): Promise<void> {
  await rabbitmqctl('close_all_connections', '--vhost', vhost, reason);
}

/** `amqpUrl` with its path replaced by the url-encoded `vhost`. */
export function vhostUrl(amqpUrl: string, vhost: string): string {
  const url = new URL(amqpUrl);
  url.pathname = `/${encodeURIComponent(vhost)}`;
  return url.toString();
}

async function rabbitmqctl(...args: string[]): Promise<void> {
  try {
    await run('rabbitmqctl', ['-q', ...args], { timeout: 60_000 });
  } catch (error: unknown) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const detail = typeof stderr === 'string' && stderr.trim() !== '' ? `: ${stderr.trim()}` : '';
    throw new Error(`rabbitmqctl ${args.join(' ')} failed${detail}`, { cause: error });
  }
}
