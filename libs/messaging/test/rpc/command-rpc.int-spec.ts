import {
  Controller,
  Inject,
  Module,
  type DynamicModule,
  type INestMicroservice,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { closeVhostConnections, createTestVhost, eventually, type TestVhost } from '@ttkt/testing';
import { connect, type ConfirmChannel } from 'amqplib';
import {
  createRpcClient,
  DomainRpcError,
  InProcessRpcBroker,
  RemoteDomainError,
  RemoteInternalError,
  RPC_DEADLINE_HEADER,
  RPC_QUEUE_OPTIONS,
  rpcQueueName,
  rpcServerOptions,
  RpcTimeoutError,
  ServiceUnavailableError,
  type CommandSender,
} from '../../src/rpc';

/** What the test services did: which requests ran, and on which instance. */
class Recorder {
  readonly executed: string[] = [];
}

const INSTANCE = Symbol('INSTANCE');
const RECORDER = Symbol('RECORDER');

@Controller()
class CalcController {
  constructor(
    @Inject(INSTANCE) private readonly instance: string,
    @Inject(RECORDER) private readonly recorder: Recorder,
  ) {}

  @MessagePattern('calc.echo')
  echo(@Payload() payload: unknown): { echoed: unknown; by: string; at: Date } {
    return { echoed: payload, by: this.instance, at: new Date(0) };
  }

  @MessagePattern('calc.record')
  record(@Payload() payload: { id: string }): { id: string; by: string } {
    this.recorder.executed.push(payload.id);
    return { id: payload.id, by: this.instance };
  }

  @MessagePattern('calc.refuse')
  async refuse(): Promise<never> {
    await Promise.resolve();
    throw new DomainRpcError({
      code: 'quota-exceeded',
      params: { max: 3, actual: 4 },
      errors: [{ path: 'awardForms[0].quota.max', message: 'max' }],
    });
  }

  @MessagePattern('calc.crash')
  crash(): never {
    throw new Error('secret detail of the database');
  }

  @MessagePattern('calc.nothing')
  nothing(): void {}
}

@Module({})
class CalcModule {
  static forInstance(instance: string, recorder: Recorder): DynamicModule {
    return {
      module: CalcModule,
      controllers: [CalcController],
      providers: [
        { provide: INSTANCE, useValue: instance },
        { provide: RECORDER, useValue: recorder },
      ],
    };
  }
}

const PREFIX = 'ttkt';
let vhost: TestVhost | undefined;

beforeAll(async () => {
  vhost = await createTestVhost('messaging_rpc');
});

afterAll(async () => {
  await vhost?.drop();
});

function amqpUrl(): string {
  if (vhost === undefined) throw new Error('the test vhost is not created yet');
  return vhost.url;
}

/** One way of running RPC: its servers' options and its senders. */
interface RpcMode {
  name: string;
  server(service: string, prefetch?: number): MicroserviceOptions;
  sender(): CommandSender;
}

const rabbitMode: RpcMode = {
  name: 'RabbitMQ',
  server: (service, prefetch) =>
    rpcServerOptions({ kind: 'rmq', url: amqpUrl(), prefix: PREFIX, service, prefetch }),
  sender: () => createRpcClient({ kind: 'rmq', url: amqpUrl(), prefix: PREFIX }),
};

const broker = new InProcessRpcBroker();
const inProcessMode: RpcMode = {
  name: 'in-process',
  server: (service, prefetch) =>
    rpcServerOptions({ kind: 'in-process', broker, service, prefetch }),
  sender: () => createRpcClient({ kind: 'in-process', broker }),
};

let serviceCount = 0;
/** A fresh service name, so tests never share a queue. */
function newService(): string {
  serviceCount += 1;
  return `calc${serviceCount}`;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected a rejection, got an answer');
}

describe.each([rabbitMode, inProcessMode])('command RPC over $name', (mode) => {
  const apps: INestMicroservice[] = [];
  const senders: CommandSender[] = [];
  let sender: CommandSender;

  async function startServer(
    service: string,
    instance: string,
    recorder = new Recorder(),
    prefetch?: number,
  ): Promise<INestMicroservice> {
    const app = await NestFactory.createMicroservice(CalcModule.forInstance(instance, recorder), {
      ...mode.server(service, prefetch),
      logger: false,
    });
    apps.push(app);
    await app.listen();
    return app;
  }

  function newSender(): CommandSender {
    const created = mode.sender();
    senders.push(created);
    return created;
  }

  beforeAll(() => {
    sender = newSender();
  });

  afterAll(async () => {
    await Promise.all(senders.map((s) => s.close()));
    await Promise.all(apps.map((app) => app.close()));
  });

  it('answers a request, with dates arriving as strings', async () => {
    const service = newService();
    await startServer(service, 'a');

    const answer = await sender.send<{ echoed: unknown; by: string; at: unknown }>(
      service,
      'calc.echo',
      {
        n: 1,
        when: new Date('2021-03-30T01:00:00Z'),
      },
    );

    expect(answer).toEqual({
      echoed: { n: 1, when: '2021-03-30T01:00:00.000Z' },
      by: 'a',
      at: '1970-01-01T00:00:00.000Z',
    });
  });

  it('resolves undefined for a handler that answers nothing', async () => {
    const service = newService();
    await startServer(service, 'a');

    await expect(sender.send(service, 'calc.nothing', {})).resolves.toBeUndefined();
  });

  it('lets two servers of one service compete for its requests', async () => {
    const service = newService();
    await startServer(service, 'first');
    await startServer(service, 'second');

    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        sender.send<{ by: string }>(service, 'calc.echo', { i }),
      ),
    );

    const counts = new Map<string, number>();
    for (const { by } of answers) counts.set(by, (counts.get(by) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['first', 'second']);
  });

  it('delivers a DomainRpcError as a RemoteDomainError with its code, params and errors', async () => {
    const service = newService();
    await startServer(service, 'a');

    const error = await rejectionOf(sender.send(service, 'calc.refuse', {}));

    expect(error).toBeInstanceOf(RemoteDomainError);
    const domain = error as RemoteDomainError;
    expect(domain.code).toBe('quota-exceeded');
    expect(domain.status).toBe(422);
    expect(domain.params).toEqual({ max: 3, actual: 4 });
    expect(domain.errors).toEqual([{ path: 'awardForms[0].quota.max', message: 'max' }]);
    expect(domain.toPayload()).toEqual({
      code: 'quota-exceeded',
      params: { max: 3, actual: 4 },
      errors: [{ path: 'awardForms[0].quota.max', message: 'max' }],
    });
  });

  it('delivers an unexpected throw as a RemoteInternalError that reveals nothing of it', async () => {
    const service = newService();
    await startServer(service, 'a');

    const error = await rejectionOf(sender.send(service, 'calc.crash', {}));

    expect(error).toBeInstanceOf(RemoteInternalError);
    const internal = error as RemoteInternalError;
    expect(internal.code).toBe('internal-error');
    expect(internal.status).toBe(500);
    expect(
      JSON.stringify({ message: internal.message, remote: internal.remoteMessage }),
    ).not.toMatch(/secret/);
    expect(internal.stack).not.toMatch(/secret|CalcController/);
  });

  it('answers a pattern the service has no handler for with a RemoteInternalError', async () => {
    const service = newService();
    await startServer(service, 'a');

    const error = await rejectionOf(sender.send(service, 'calc.unknown', {}, { timeoutMs: 2_000 }));

    expect(error).toBeInstanceOf(RemoteInternalError);
    expect((error as RemoteInternalError).remoteMessage).toBe('no handler');
  });

  it('times out with RpcTimeoutError when nobody answers', async () => {
    const service = newService();
    const started = Date.now();

    const error = await rejectionOf(sender.send(service, 'calc.echo', {}, { timeoutMs: 300 }));

    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(RpcTimeoutError);
    expect(error).toMatchObject({
      code: 'service-timeout',
      status: 504,
      timeoutMs: 300,
      target: { service, pattern: 'calc.echo' },
    });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('does not run a request that timed out while no server consumed, once a server starts', async () => {
    const service = newService();
    const recorder = new Recorder();

    await expect(
      sender.send(service, 'calc.record', { id: 'late' }, { timeoutMs: 300 }),
    ).rejects.toBeInstanceOf(RpcTimeoutError);
    // Prefetch 1: the queue is first in, first out, so the late request is settled before the next is delivered.
    await startServer(service, 'a', recorder, 1);
    await expect(sender.send(service, 'calc.record', { id: 'after' })).resolves.toEqual({
      id: 'after',
      by: 'a',
    });

    expect(recorder.executed).toEqual(['after']);
  });

  it('refuses a payload it cannot send, without sending anything', async () => {
    const service = newService();
    await expect(sender.send(service, 'calc.echo', null)).rejects.toBeInstanceOf(TypeError);
    await expect(sender.send(service, 'calc.echo', { n: 1n })).rejects.toBeInstanceOf(TypeError);
  });

  it('rejects with ServiceUnavailableError once the sender is closed', async () => {
    const service = newService();
    await startServer(service, 'a');
    const closing = newSender();
    await expect(closing.send(service, 'calc.echo', {})).resolves.toBeDefined();

    await closing.close();

    const error = await rejectionOf(closing.send(service, 'calc.echo', {}));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ code: 'service-unavailable', status: 503 });
  });
});

describe('command RPC over RabbitMQ, broker specifics', () => {
  const apps: INestMicroservice[] = [];
  const senders: CommandSender[] = [];

  /** Runs `work` on a channel of its own connection (closed after, even if the broker closed it). */
  async function withChannel<T>(work: (channel: ConfirmChannel) => Promise<T>): Promise<T> {
    const connection = await connect(amqpUrl());
    try {
      return await work(await connection.createConfirmChannel());
    } finally {
      await connection.close();
    }
  }

  async function startServer(service: string, recorder: Recorder): Promise<void> {
    const app = await NestFactory.createMicroservice(CalcModule.forInstance('a', recorder), {
      ...rabbitMode.server(service, 1),
      logger: false,
    });
    apps.push(app);
    await app.listen();
  }

  function newSender(url = amqpUrl()): CommandSender {
    const created = createRpcClient({ kind: 'rmq', url, prefix: PREFIX });
    senders.push(created);
    return created;
  }

  afterAll(async () => {
    await Promise.all(senders.map((s) => s.close()));
    await Promise.all(apps.map((app) => app.close()));
  });

  it('lets the broker expire a request that waited in the queue past its timeout', async () => {
    const service = newService();
    const sender = newSender();
    await expect(
      sender.send(service, 'calc.record', { id: 'late' }, { timeoutMs: 300 }),
    ).rejects.toBeInstanceOf(RpcTimeoutError);

    await withChannel((channel) =>
      eventually(async () => {
        const { messageCount } = await channel.checkQueue(rpcQueueName(PREFIX, service));
        expect(messageCount).toBe(0);
      }),
    );
  });

  it('drops, unrun, a request delivered after its deadline (the server checks the deadline header)', async () => {
    const service = newService();
    const recorder = new Recorder();
    const queue = rpcQueueName(PREFIX, service);
    const replies = `${service}.replies`;
    await withChannel(async (channel) => {
      await channel.assertQueue(queue, RPC_QUEUE_OPTIONS);
      await channel.assertQueue(replies, { durable: true });
      // No expiration: only the deadline header says that the caller gave up.
      const body = JSON.stringify({
        pattern: 'calc.record',
        data: { id: 'stale' },
        id: 'stale-request',
      });
      channel.sendToQueue(queue, Buffer.from(body), {
        persistent: true,
        correlationId: 'stale-request',
        replyTo: replies,
        headers: { [RPC_DEADLINE_HEADER]: String(Date.now() - 1_000) },
      });
      await channel.waitForConfirms();
    });

    await startServer(service, recorder);
    await expect(newSender().send(service, 'calc.record', { id: 'fresh' })).resolves.toEqual({
      id: 'fresh',
      by: 'a',
    });

    expect(recorder.executed).toEqual(['fresh']);
    const leftovers = await withChannel((channel) => channel.checkQueue(replies));
    expect(leftovers.messageCount).toBe(0);
  });

  it('rejects with ServiceUnavailableError when the broker is unreachable', async () => {
    const unreachable = new URL(amqpUrl());
    unreachable.port = '1';
    const sender = newSender(unreachable.toString());

    const error = await rejectionOf(
      sender.send(newService(), 'calc.echo', {}, { timeoutMs: 3_000 }),
    );

    expect(error).toBeInstanceOf(ServiceUnavailableError);
  });

  it('answers again after the broker closed every connection, failing only with typed errors meanwhile', async () => {
    const service = newService();
    await startServer(service, new Recorder());
    const sender = newSender();
    await expect(sender.send(service, 'calc.echo', { before: true })).resolves.toMatchObject({
      by: 'a',
    });
    if (vhost === undefined) throw new Error('no vhost');

    await closeVhostConnections(vhost.name);

    const failures: unknown[] = [];
    await eventually(
      async () => {
        try {
          await sender.send(service, 'calc.echo', { after: true }, { timeoutMs: 1_000 });
        } catch (error: unknown) {
          failures.push(error);
          throw error;
        }
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    for (const failure of failures) {
      expect(failure instanceof ServiceUnavailableError || failure instanceof RpcTimeoutError).toBe(
        true,
      );
    }
  });
});
