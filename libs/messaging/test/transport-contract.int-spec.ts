import { Inbox, migrateEventStore } from '@ttkt/event-store';
import { InProcessTransport } from '../src/transport/in-process-transport';
import { RabbitTransport } from '../src/transport/rabbit-transport';
import type { EventTransport } from '../src/transport';
import {
  createTestSchema,
  createTestVhost,
  DATABASE_URL,
  type TestSchema,
  type TestVhost,
} from './support/test-infra';
import { defineTransportContract, type TransportHarness } from './support/transport-contract';

let vhost: TestVhost;
let schema: TestSchema;

beforeAll(async () => {
  // Assigned one by one, so afterAll drops whichever was created even if the other failed.
  await Promise.all([
    createTestVhost('msg_contract').then((created) => (vhost = created)),
    createTestSchema('msg_contract').then((created) => (schema = created)),
  ]);
  await migrateEventStore({ connectionString: DATABASE_URL, schema: schema.name });
  await schema.pool.query(
    'CREATE TABLE effects (consumer text NOT NULL, message_id text NOT NULL, note text)',
  );
});

afterAll(async () => {
  await Promise.all([vhost?.drop(), schema?.drop()]);
});

const database = {
  pool: () => schema.pool,
  inbox: () => new Inbox(schema.name),
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
        url: vhost.url,
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
