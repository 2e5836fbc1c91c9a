import { Inbox } from '@ttkt/event-store';
import { InProcessTransport } from '../src/transport/in-process-transport';
import { RabbitTransport } from '../src/transport/rabbit-transport';
import type { EventTransport } from '../src/transport';
import { useVhostAndEventStoreSchema } from './support/event-store-schema';
import { defineTransportContract, type TransportHarness } from './support/transport-contract';

const infra = useVhostAndEventStoreSchema(
  'msg_contract',
  'CREATE TABLE effects (consumer text NOT NULL, message_id text NOT NULL, note text)',
);

const database = {
  pool: () => infra.schema.pool,
  inbox: () => new Inbox(infra.schema.name),
};

let prefixes = 0;

const rabbit: TransportHarness = {
  ...database,
  async create({ retryDelaysMs, deliveryLimit }) {
    // A fresh prefix per test: its own exchange, queues and unroutable queue in the file's vhost.
    const prefix = `c${++prefixes}`;
    const opened: RabbitTransport[] = [];
    const open = async (connectionName: string): Promise<EventTransport> => {
      const transport = new RabbitTransport({
        url: infra.vhost.url,
        prefix,
        retryDelaysMs,
        ...(deliveryLimit === undefined ? {} : { deliveryLimit }),
        connectionName,
      });
      opened.push(transport);
      await transport.start();
      return transport;
    };
    const transport = await open(`${prefix}-main`);
    return {
      transport,
      peer: () => open(`${prefix}-peer-${opened.length}`),
      close: async () => {
        await Promise.all(opened.map((t) => t.close()));
      },
    };
  },
};

const inProcess: TransportHarness = {
  ...database,
  create({ retryDelaysMs, deliveryLimit }) {
    const transport = new InProcessTransport({
      retryDelaysMs,
      ...(deliveryLimit === undefined ? {} : { deliveryLimit }),
    });
    // One broker per process: the "other instance" is another subscription on the same transport.
    return Promise.resolve({
      transport,
      peer: () => Promise.resolve(transport),
      close: () => transport.close(),
    });
  },
};

defineTransportContract('RabbitTransport', rabbit);
defineTransportContract('InProcessTransport', inProcess);
