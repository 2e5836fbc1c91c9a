import {
  InProcessRpcBroker,
  type InProcessRpcConsumer,
  type InProcessRpcRequest,
} from './in-process-rpc.broker';

function request(id: string, deadline?: number): InProcessRpcRequest {
  return { id, pattern: 'calc.echo', body: '{}', deadline, reply: () => undefined };
}

/** A consumer that keeps what it is given and settles only when told to. */
function holdingConsumer(prefetch: number): InProcessRpcConsumer & {
  got: string[];
  settleAll(): void;
} {
  const pending: Array<() => void> = [];
  const got: string[] = [];
  return {
    prefetch,
    got,
    deliver: (req, settle) => {
      got.push(req.id);
      pending.push(settle);
    },
    settleAll: () => pending.splice(0).forEach((settle) => settle()),
  };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('InProcessRpcBroker', () => {
  it('never delivers inside request(): always on a later turn', async () => {
    const broker = new InProcessRpcBroker();
    const consumer = holdingConsumer(10);
    broker.register('calc', consumer);

    broker.request('calc', request('r1'));
    expect(consumer.got).toEqual([]);
    await turn();
    expect(consumer.got).toEqual(['r1']);
  });

  it('hands requests round-robin to the servers of a service', async () => {
    const broker = new InProcessRpcBroker();
    const a = holdingConsumer(10);
    const b = holdingConsumer(10);
    broker.register('calc', a);
    broker.register('calc', b);

    for (const id of ['1', '2', '3', '4']) broker.request('calc', request(id));
    await turn();

    expect(a.got).toEqual(['1', '3']);
    expect(b.got).toEqual(['2', '4']);
  });

  it('keeps requests waiting while every server is at its prefetch, and delivers them as slots free', async () => {
    const broker = new InProcessRpcBroker();
    const consumer = holdingConsumer(1);
    broker.register('calc', consumer);

    broker.request('calc', request('1'));
    broker.request('calc', request('2'));
    await turn();
    expect(consumer.got).toEqual(['1']);

    consumer.settleAll();
    await turn();
    expect(consumer.got).toEqual(['1', '2']);
  });

  it('keeps requests for a service with no server, and drops those whose deadline passed meanwhile', async () => {
    const broker = new InProcessRpcBroker();
    broker.request('calc', request('expired', Date.now() - 1));
    broker.request('calc', request('alive', Date.now() + 60_000));
    await turn();
    // Purged when the next request arrived, as RabbitMQ expires the head of a queue.
    expect(broker.pendingCount('calc')).toBe(1);

    const consumer = holdingConsumer(10);
    broker.register('calc', consumer);
    await turn();

    expect(consumer.got).toEqual(['alive']);
    expect(broker.pendingCount('calc')).toBe(0);
  });

  it('stops delivering to a server that unregistered', async () => {
    const broker = new InProcessRpcBroker();
    const a = holdingConsumer(10);
    const b = holdingConsumer(10);
    const unregisterA = broker.register('calc', a);
    broker.register('calc', b);
    unregisterA();

    broker.request('calc', request('1'));
    broker.request('calc', request('2'));
    await turn();

    expect(a.got).toEqual([]);
    expect(b.got).toEqual(['1', '2']);
  });
});
