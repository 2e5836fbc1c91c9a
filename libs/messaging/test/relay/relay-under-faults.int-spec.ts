/**
 * Acceptance: 10,000 events go from a publisher's event store through the outbox relay and
 * RabbitMQ into a consumer's inbox-guarded handler exactly once in effect, while
 *
 *  1. the broker closes every connection of the test's vhost (relay's and consumer's) once the
 *     consumer has applied 2,000 events, while the relay holds a batch half-published (so the
 *     batch fails half-way and is published again whole after the reconnect), and
 *  2. the relay — running in a child process — is SIGKILLed in the middle of a batch (first half
 *     confirmed by the broker, second half on the wire, checkpoint not moved) once the consumer
 *     has applied 3,000, and a new relay process resumes from the stored checkpoint.
 *
 * Events are appended in batches of 50 to 8 streams: 4,000 before the first relay starts, the rest
 * while relays run (including across the kill and the restart).
 *
 * The relay is the production `OutboxRelay` + `RabbitTransport`, compiled with swc into a private
 * folder (see `compileRunner`) and forked (fixtures/relay-runner.ts). To make both faults land
 * inside a batch every time rather than by luck, the runner's transport can be told to hold its
 * next batch after the broker confirmed its first half; the test then cuts the connections, or
 * SIGKILLs the process. The consumer is `startIntegrationConsumer` with the real `Inbox`, its
 * handler inserting into a table with no unique constraint, so a double application would show as
 * a second row. Every wait is a poll of an observable condition with a deadline; the faults are
 * triggered by observed progress, never by time.
 */
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { rm, rmdir } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { connect } from 'amqplib';
import { Pool } from 'pg';
import {
  EventStore,
  Inbox,
  compareLogPositions,
  migrateEventStore,
  type LogFollower,
  type LogPosition,
  type NewEvent,
  type StreamRef,
} from '@ttkt/event-store';
import {
  closeVhostConnections,
  createTestSchema,
  createTestVhost,
  eventually,
  projectRoot,
  testDatabaseUrl,
  type TestSchema,
  type TestVhost,
} from '@ttkt/testing';
import {
  startIntegrationConsumer,
  type IntegrationInbox,
} from '../../src/consumer/integration-consumer';
import { OUTBOX_RELAY_CONSUMER } from '../../src/relay';
import type {
  InboundMessage,
  MessagingLogger,
  SubscribeOptions,
  Subscription,
} from '../../src/transport';
import { RabbitTransport } from '../../src/transport/rabbit-transport';
import { DelegatingTransport } from './fixtures/delegating-transport';
import {
  PROBE_EVENT_TYPE,
  PROBE_ROUTING_KEY,
  PUBLISHER,
  RELAY_RUNNER_CONFIG_ENV,
  type FromRunner,
  type ProbeData,
  type RelayRunnerConfig,
  type ToRunner,
} from './fixtures/relay-runner-protocol';

const run = promisify(execFile);

const TOTAL = 10_000;
/** Appended before the first relay starts. */
const BEFORE_START = 4_000;
/** Appended right after it started, while it runs. */
const WHILE_RUNNING = 2_000;
/** Appended from the moment the first relay is told to hold a batch for the connection cut. */
const AROUND_THE_CUT = 1_500;
/** Appended from the moment the first relay is told to hold a batch for the kill: some reach it, the rest the second. */
const AROUND_THE_KILL = TOTAL - BEFORE_START - WHILE_RUNNING - AROUND_THE_CUT;
const EVENTS_PER_APPEND = 50;
const STREAMS = 8;
const RELAY_BATCH_SIZE = 100;
/** Consumer progress (events applied) that triggers each fault. */
const CLOSE_CONNECTIONS_AT = 2_000;
const KILL_RELAY_AT = 3_000;

const TENANT = 'bac-kan';
const PREFIX = 'ttkt';
const CONSUMER = 'fault-consumer';
const CONSUMER_RETRY_DELAYS_MS = [100, 500, 1000];
/** Messages the consumer handles at once (each handler takes a connection of the pool for its transaction). */
const CONSUMER_PREFETCH = 32;
const CONSUMER_POOL_SIZE = 16;

// ---------------------------------------------------------------------------------------------
// The relay child process.

/**
 * Compiles the runner and the libraries it needs with the project's swc settings (`.swcrc`, which
 * rewrites the `@ttkt/*` aliases) into a folder of this run's own under `dist/`, so that a
 * concurrent `scripts/build.js` (the all-in-one e2e test runs one) and this test never write or
 * read each other's half-written files. Under the project root, so `node_modules` resolves.
 */
async function compileRunner(root: string): Promise<{ script: string; outDir: string }> {
  const outDir = path.join(
    root,
    'dist',
    '.test-fixtures',
    `relay-under-faults-${randomBytes(4).toString('hex')}`,
  );
  await run(
    path.join(root, 'node_modules', '.bin', 'swc'),
    [
      'libs/contracts/src',
      'libs/event-store/src',
      'libs/messaging/src',
      'libs/messaging/test/relay/fixtures',
      '-d',
      outDir,
      '--quiet',
      '--ignore',
      '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts',
    ],
    { cwd: root, timeout: 60_000 },
  );
  return {
    script: path.join(outDir, 'libs/messaging/test/relay/fixtures/relay-runner.js'),
    outDir,
  };
}

/** One forked relay-runner: what it said, what it printed, and how to hold, stop or kill it. */
class RelayProcess {
  readonly messages: FromRunner[] = [];
  private readonly output: string[] = [];
  private readonly child: ChildProcess;

  constructor(
    readonly name: string,
    script: string,
    config: RelayRunnerConfig,
  ) {
    this.child = fork(script, [], {
      env: { ...process.env, [RELAY_RUNNER_CONFIG_ENV]: JSON.stringify(config) },
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString('utf8')));
    this.child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString('utf8')));
    this.child.on('message', (message) => this.messages.push(message as FromRunner));
    // A send racing the child's death must not become an unhandled 'error' event.
    this.child.on('error', (error) => this.output.push(`[child error] ${String(error)}`));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  get signal(): NodeJS.Signals | null {
    return this.child.signalCode;
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }

  /** The first message of `kind` (matching `where`), polled until `timeoutMs`. */
  async next<K extends FromRunner['kind']>(
    kind: K,
    timeoutMs: number,
    where: (message: Extract<FromRunner, { kind: K }>) => boolean = () => true,
  ): Promise<Extract<FromRunner, { kind: K }>> {
    return eventually(
      () => {
        const found = this.messages.find(
          (message): message is Extract<FromRunner, { kind: K }> =>
            message.kind === kind && where(message as Extract<FromRunner, { kind: K }>),
        );
        if (found === undefined) {
          throw new Error(
            `${this.name} has not said '${kind}' yet` +
              (this.exited ? ` and has exited (code ${this.exitCode}, signal ${this.signal})` : ''),
          );
        }
        return found;
      },
      { timeoutMs },
    );
  }

  logs(source: 'relay' | 'transport', level?: string): Array<Extract<FromRunner, { kind: 'log' }>> {
    return this.messages.filter(
      (message): message is Extract<FromRunner, { kind: 'log' }> =>
        message.kind === 'log' &&
        message.source === source &&
        (level === undefined || message.level === level),
    );
  }

  send(message: ToRunner): void {
    this.child.send(message);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  async waitForExit(timeoutMs: number): Promise<void> {
    await eventually(
      () => {
        if (!this.exited) throw new Error(`${this.name} (pid ${this.pid}) is still running`);
      },
      { timeoutMs },
    );
  }

  /** Asks for a graceful stop; SIGKILL if it has not exited in time. Safe to call on an exited one. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.exited) return;
    if (this.child.connected) this.send({ kind: 'stop' });
    try {
      await this.waitForExit(timeoutMs);
    } catch {
      this.kill();
      await this.waitForExit(5_000);
    }
  }

  /** Its recent messages and output, for failure messages. */
  describe(): string {
    const said = this.messages
      .slice(-15)
      .map((message) => JSON.stringify(message))
      .join('\n');
    return `--- ${this.name} said (last 15):\n${said}\n--- ${this.name} printed:\n${this.output.join('').slice(-4000)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The consumer side's observation.

/** A transport that counts deliveries, handler failures and handlers running (to know when all settled). */
class ObservedTransport extends DelegatingTransport<RabbitTransport> {
  deliveries = 0;
  failures = 0;
  inFlight = 0;
  redelivered = 0;

  override subscribe(options: SubscribeOptions): Promise<Subscription> {
    return this.inner.subscribe({
      ...options,
      handler: async (message: InboundMessage) => {
        this.deliveries += 1;
        if (message.redelivered) this.redelivered += 1;
        this.inFlight += 1;
        try {
          await options.handler(message);
        } catch (error) {
          this.failures += 1;
          throw error;
        } finally {
          this.inFlight -= 1;
        }
      },
    });
  }
}

/** The real `Inbox`, with every claim and its outcome counted per message id. */
class CountingInbox implements IntegrationInbox {
  readonly claims = new Map<string, number>();
  absorbed = 0;

  constructor(private readonly inbox: Inbox) {}

  async claim(...args: Parameters<Inbox['claim']>): Promise<boolean> {
    const [, , messageId] = args;
    this.claims.set(messageId, (this.claims.get(messageId) ?? 0) + 1);
    const first = await this.inbox.claim(...args);
    if (!first) this.absorbed += 1;
    return first;
  }
}

function bigintsAsStrings(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function recordingLogger(): MessagingLogger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string, context?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(context ?? {})}`);
  };
  return { lines, log: record('info'), warn: record('warn'), error: record('error') };
}

// ---------------------------------------------------------------------------------------------

let root: string;
let compiled: { script: string; outDir: string } | undefined;
let vhost: TestVhost | undefined;
let publisherSchema: TestSchema | undefined;
let consumerSchema: TestSchema | undefined;
let publisherPool: Pool | undefined;
let consumerPool: Pool | undefined;
let observerPool: Pool | undefined;
let consumerTransport: ObservedTransport | undefined;
let subscription: Subscription | undefined;
const relays: RelayProcess[] = [];

beforeAll(async () => {
  root = projectRoot(__dirname);
  // Settle all four before going on, so that afterAll finds whatever was created even if one failed.
  const created = await Promise.allSettled([
    compileRunner(root).then((runner) => (compiled = runner)),
    createTestVhost('relay_faults').then((created) => (vhost = created)),
    createTestSchema('relay_faults_pub').then((created) => (publisherSchema = created)),
    createTestSchema('relay_faults_sub').then((created) => (consumerSchema = created)),
  ]);
  for (const outcome of created) if (outcome.status === 'rejected') throw outcome.reason;
  const publisher = publisherSchema!;
  const consumer = consumerSchema!;
  await Promise.all([
    migrateEventStore({ connectionString: testDatabaseUrl(), schema: publisher.name }),
    migrateEventStore({ connectionString: testDatabaseUrl(), schema: consumer.name }),
  ]);
  publisherPool = new Pool({
    connectionString: testDatabaseUrl(),
    max: 4,
    application_name: 'faults-publisher',
  });
  consumerPool = new Pool({
    connectionString: testDatabaseUrl(),
    max: CONSUMER_POOL_SIZE,
    application_name: 'faults-consumer',
  });
  observerPool = new Pool({
    connectionString: testDatabaseUrl(),
    max: 2,
    application_name: 'faults-observer',
  });
  // No unique constraint on purpose: a second application of an event is a second row.
  await observerPool.query(
    `CREATE TABLE ${consumer.name}.effects (
       event_id   uuid        NOT NULL,
       seq        int         NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
     )`,
  );
}, 90_000);

afterAll(async () => {
  const problems: unknown[] = [];
  const attempt = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      problems.push(error);
    }
  };
  await Promise.all(relays.map((relay) => attempt(() => relay.stop())));
  await attempt(async () => subscription?.stop());
  await attempt(async () => consumerTransport?.close());
  await attempt(async () => publisherPool?.end());
  await attempt(async () => consumerPool?.end());
  await attempt(async () => observerPool?.end());
  await attempt(async () => publisherSchema?.drop());
  await attempt(async () => consumerSchema?.drop());
  await attempt(async () => vhost?.drop());
  await attempt(async () => {
    if (compiled === undefined) return;
    await rm(compiled.outDir, { recursive: true, force: true });
    // The shared parent goes too once empty (another run's folder in it keeps it).
    await rmdir(path.dirname(compiled.outDir)).catch(() => undefined);
  });
  if (problems.length > 0)
    throw new AggregateError(problems, 'relay-under-faults: clean-up failed');
}, 60_000);

it('delivers 10,000 events exactly once in effect through a broker-side connection cut and a relay SIGKILLed mid-batch', async () => {
  const started = Date.now();
  const since = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (
    !compiled ||
    !vhost ||
    !publisherSchema ||
    !consumerSchema ||
    !publisherPool ||
    !consumerPool ||
    !observerPool
  ) {
    throw new Error('beforeAll did not finish');
  }
  const { script } = compiled;
  const testVhost = vhost;
  const observer = observerPool;
  const consumerDb = consumerPool;
  const effects = `${consumerSchema.name}.effects`;
  const store = new EventStore({
    pool: publisherPool,
    schema: publisherSchema.name,
    service: PUBLISHER,
  });
  /** Never started: only reads the relay's stored checkpoint (`checkpoint()`, `waitFor()`). */
  const relayCheckpoint: LogFollower = store.follow({
    consumer: OUTBOX_RELAY_CONSUMER,
    transactional: false,
    handle: () => Promise.reject(new Error('this follower only reads the checkpoint')),
  });
  const timeline: string[] = [];
  const mark = (what: string): void => {
    timeline.push(`${since()}: ${what}`);
  };
  /** What a failure message needs to be understood: progress on each side and the xid horizon. */
  const diagnose = async (): Promise<string> => {
    const lines = [`timeline:`, ...timeline.map((line) => `  ${line}`)];
    try {
      const [checkpoint, head, count, holders] = await Promise.all([
        relayCheckpoint.checkpoint(),
        store.headPosition(),
        observer.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${effects}`),
        observer.query<{ pid: number; application_name: string; state: string; age: string }>(
          `SELECT pid, application_name, state, (now() - xact_start)::text AS age
             FROM pg_stat_activity
            WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
              AND xact_start < now() - interval '1 second'
            ORDER BY xact_start LIMIT 5`,
        ),
      ]);
      lines.push(
        `relay checkpoint ${JSON.stringify(checkpoint, bigintsAsStrings)}, ` +
          `readable head ${JSON.stringify(head, bigintsAsStrings)}, applied ${count.rows[0]?.n}`,
        holders.rows.length === 0
          ? 'no transaction open for more than 1 s in the cluster'
          : `transactions holding the xid horizon (the relay cannot read past them): ${holders.rows
              .map(
                (row) =>
                  `pid ${row.pid} (${row.application_name || 'no name'}, ${row.state}, open ${row.age})`,
              )
              .join(', ')}`,
      );
    } catch (error) {
      lines.push(`(diagnostics failed: ${String(error)})`);
    }
    for (const relay of relays) lines.push(relay.describe());
    return lines.join('\n');
  };

  try {
    // --- The publisher's writes: several streams, 50 events per append, ids known to the test.
    const streams: Array<{ ref: StreamRef; version: number }> = Array.from(
      { length: STREAMS },
      () => ({
        ref: { tenantId: TENANT, streamId: `probe-${randomUUID()}` },
        version: 0,
      }),
    );
    const appendedIds: string[] = [];
    let appends = 0;
    let lastPosition: LogPosition | null = null;
    const append = async (count: number): Promise<void> => {
      for (let done = 0; done < count; done += EVENTS_PER_APPEND) {
        const stream = streams[appends % STREAMS];
        if (stream === undefined) throw new Error('unreachable: no stream');
        appends += 1;
        const events: NewEvent<typeof PROBE_EVENT_TYPE, ProbeData>[] = [];
        for (let i = 0; i < Math.min(EVENTS_PER_APPEND, count - done); i += 1) {
          const eventId = randomUUID();
          appendedIds.push(eventId);
          events.push({ type: PROBE_EVENT_TYPE, data: { seq: appendedIds.length }, eventId });
        }
        // Appends are sequential, so each one's position is past every earlier one's.
        const result = await store.append(stream.ref, stream.version, events, {
          actor: { kind: 'system', id: 'relay-under-faults' },
        });
        stream.version = result.nextVersion;
        lastPosition = result.lastPosition;
      }
    };
    const applied = async (): Promise<number> => {
      const result = await observer.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${effects}`,
      );
      return result.rows[0]?.n ?? 0;
    };
    const appliedAtLeast = (n: number, timeoutMs: number): Promise<number> =>
      eventually(
        async () => {
          const count = await applied();
          expect(count).toBeGreaterThanOrEqual(n);
          return count;
        },
        { timeoutMs, intervalMs: 25 },
      );

    await append(BEFORE_START);
    mark(`appended ${appendedIds.length} events before any relay`);

    // --- The consumer: real inbox, effect in the same transaction, its own quorum queue.
    const consumerLog = recordingLogger();
    const transport = new ObservedTransport(
      new RabbitTransport({
        url: testVhost.url,
        prefix: PREFIX,
        connectionName: 'relay-under-faults-consumer',
        retryDelaysMs: CONSUMER_RETRY_DELAYS_MS,
        reconnectDelayMs: { initial: 100, max: 1000 },
        logger: consumerLog,
      }),
    );
    consumerTransport = transport;
    const inbox = new CountingInbox(new Inbox(consumerSchema.name));
    const consume = (): Promise<Subscription> =>
      startIntegrationConsumer({
        transport,
        service: CONSUMER,
        routingKeys: ['publisher.#'],
        prefetch: CONSUMER_PREFETCH,
        pool: consumerDb,
        inbox,
        handlers: {
          [PROBE_ROUTING_KEY]: async (event, client) => {
            await client.query(`INSERT INTO ${effects} (event_id, seq) VALUES ($1, $2)`, [
              event.id,
              (event.data as ProbeData).seq,
            ]);
          },
        },
      });
    // Subscribing declares the queue and its binding before anything is published.
    subscription = await consume();

    // --- Relay #1, then more appends while it runs.
    const relayConfig = (n: number): RelayRunnerConfig => ({
      databaseUrl: testDatabaseUrl(),
      schema: store.schema,
      amqpUrl: testVhost.url,
      prefix: PREFIX,
      connectionName: `relay-under-faults-relay-${n}`,
      batchSize: RELAY_BATCH_SIZE,
    });
    const first = new RelayProcess('relay #1', script, relayConfig(1));
    relays.push(first);
    await first.next('loaded', 30_000);
    first.send({ kind: 'start' });
    await first.next('ready', 30_000);
    mark(`relay #1 ready (pid ${first.pid})`);
    const whileRunning = append(WHILE_RUNNING);

    // --- Fault 1: once the consumer has applied 2,000, relay #1 holds its next batch half-published
    // and the broker closes every connection of the vhost (relay #1's and the consumer's). Relay #1
    // then publishes the batch's second half on the lost connection, which fails, so it must
    // reconnect and publish the whole batch again.
    const appliedAtCut = await appliedAtLeast(CLOSE_CONNECTIONS_AT, 60_000);
    first.send({ kind: 'hold-next-batch', until: 'connection-lost' });
    await whileRunning;
    // Appending on makes sure relay #1 gets a next batch to hold.
    const aroundTheCut = append(AROUND_THE_CUT);
    const cut = await first.next('holding', 30_000, (held) => held.until === 'connection-lost');
    await closeVhostConnections(testVhost.name, 'relay-under-faults: connection cut');
    mark(
      `closed all connections of the vhost at ${appliedAtCut}+ applied, relay #1 holding a batch of ` +
        `${cut.batchIds.length} (${cut.confirmedIds.length} confirmed)`,
    );
    const failedBatch = await first.next(
      'log',
      30_000,
      (log) =>
        log.source === 'relay' &&
        log.level === 'error' &&
        log.meta['errorName'] === 'TransportUnavailableError',
    );
    expect(failedBatch.message).toBe('event log follower: batch failed; retrying the same batch');
    await first.next('log', 30_000, (log) => log.message === 'RabbitMQ connection re-established');
    const cutLast = store.fromToken(cut.lastToken);
    if (cutLast === undefined) throw new Error(`bad position token ${cut.lastToken}`);
    expect(await relayCheckpoint.waitFor(cutLast, 30_000)).toBe(true);
    await eventually(
      () => {
        expect(consumerLog.lines.some((line) => line.includes('RabbitMQ connection lost'))).toBe(
          true,
        );
        expect(
          consumerLog.lines.some((line) => line.includes('RabbitMQ connection re-established')),
        ).toBe(true);
      },
      { timeoutMs: 30_000 },
    );
    mark('relay #1 reconnected and republished the cut batch; the consumer reconnected');
    await aroundTheCut;

    // --- Fault 2: once the consumer has applied 3,000, relay #1 holds its next batch
    // half-published (first half confirmed, second half on the wire) and is SIGKILLed there.
    const appliedAtHold = await appliedAtLeast(KILL_RELAY_AT, 60_000);
    first.send({ kind: 'hold-next-batch', until: 'kill' });
    // Its replacement loads its modules meanwhile, but connects to nothing before it is told to start.
    const second = new RelayProcess('relay #2', script, relayConfig(2));
    relays.push(second);
    // Keeps appending through the kill and the restart: relay #1 is sure to get a next batch.
    const aroundTheKill = append(AROUND_THE_KILL);
    const held = await first.next('holding', 30_000, (holding) => holding.until === 'kill');
    first.kill();
    await first.waitForExit(10_000);
    const appliedAtKill = await applied();
    mark(
      `SIGKILLed relay #1 (told at ${appliedAtHold} applied) holding a batch of ${held.batchIds.length} ` +
        `(${held.confirmedIds.length} confirmed, ${held.restIds.length} on the wire) at ${appliedAtKill} applied`,
    );
    expect(first.signal).toBe('SIGKILL');
    const heldFirst = store.fromToken(held.firstToken);
    if (heldFirst === undefined) throw new Error(`bad position token ${held.firstToken}`);
    // The checkpoint moves only after the broker confirmed a whole batch: it is still before this one.
    const checkpointAtKill = await relayCheckpoint.checkpoint();
    expect(checkpointAtKill).not.toBeNull();
    expect(compareLogPositions(checkpointAtKill!, heldFirst)).toBeLessThan(0);

    // --- Relay #2 resumes from the stored checkpoint and republishes the held batch whole.
    await second.next('loaded', 30_000);
    second.send({ kind: 'start' });
    await second.next('ready', 30_000);
    mark('relay #2 started and connected');
    const ownership = await second.next(
      'log',
      30_000,
      (log) => log.message === 'event log follower: took ownership',
    );
    expect(ownership.meta['position']).toEqual({
      transactionId: checkpointAtKill!.transactionId.toString(),
      globalPosition: checkpointAtKill!.globalPosition.toString(),
    });
    mark(`relay #2 (pid ${second.pid}) took over at the stored checkpoint`);
    await aroundTheKill;
    mark(`appended all ${appendedIds.length} events`);
    expect(appendedIds).toHaveLength(TOTAL);

    // --- The end: every effect applied, the relay's checkpoint at the last event.
    await appliedAtLeast(TOTAL, 90_000);
    mark(`consumer applied ${TOTAL}`);
    const last = lastPosition as LogPosition | null;
    if (last === null) throw new Error('nothing appended');
    expect(await relayCheckpoint.waitFor(last, 30_000)).toBe(true);
    expect(await relayCheckpoint.checkpoint()).toEqual(last);
    expect(await store.headPosition()).toEqual(last);
    await second.stop();
    expect(second.exitCode).toBe(0);
    mark('relay #2 stopped gracefully at the last event');

    // --- Quiescence, exactly: with the subscription stopped, anything not acknowledged is back in a
    // queue as ready. So: wait for empty queues, stop, and check they are still empty; if a late
    // delivery was caught in between, resubscribe and go round again.
    const amqp = await connect(testVhost.url);
    try {
      const channel = await amqp.createChannel();
      const names = transport.inner.names;
      const queues = [
        names.serviceQueue(CONSUMER),
        ...CONSUMER_RETRY_DELAYS_MS.map((_delay, tier) => names.retryQueue(CONSUMER, tier + 1)),
        names.deadLetterQueue(CONSUMER),
        names.unroutable,
      ];
      const depths = async (): Promise<Record<string, number>> => {
        const entries: Array<[string, number]> = [];
        for (const queue of queues)
          entries.push([queue, (await channel.checkQueue(queue)).messageCount]);
        return Object.fromEntries(entries);
      };
      const empty = Object.fromEntries(queues.map((queue) => [queue, 0]));
      await eventually(
        async () => {
          subscription ??= await consume();
          expect(transport.inFlight).toBe(0);
          expect(await depths()).toEqual(empty);
          const stopping = subscription;
          subscription = undefined;
          await stopping.stop();
          await eventually(() => expect(transport.inFlight).toBe(0), { timeoutMs: 10_000 });
          expect(await depths()).toEqual(empty);
        },
        { timeoutMs: 30_000, intervalMs: 100 },
      );
      await channel.close();
    } finally {
      await amqp.close();
    }
    mark('queues drained and the consumer stopped');
    expect(await transport.listDeadLetters(CONSUMER)).toEqual([]);
    expect(await transport.listUnroutable()).toEqual([]);

    // --- Exactly once: one row per appended event id, no other row.
    const rows = await observer.query<{ event_id: string; n: number }>(
      `SELECT event_id::text AS event_id, count(*)::int AS n FROM ${effects} GROUP BY event_id`,
    );
    const perId = new Map(rows.rows.map((row) => [row.event_id, row.n]));
    const missing = appendedIds.filter((id) => !perId.has(id));
    const doubled = rows.rows.filter((row) => row.n !== 1);
    const appendedSet = new Set(appendedIds);
    const unexpected = rows.rows.filter((row) => !appendedSet.has(row.event_id));
    expect({
      missing: missing.length,
      doubled: doubled.length,
      unexpected: unexpected.length,
      examples: [
        ...missing.slice(0, 5).map((id) => `${id}: never applied`),
        ...doubled.slice(0, 5).map((row) => `${row.event_id}: applied ${row.n} times`),
        ...unexpected.slice(0, 5).map((row) => `${row.event_id}: applied but never appended`),
      ],
    }).toEqual({ missing: 0, doubled: 0, unexpected: 0, examples: [] });
    expect(perId.size).toBe(TOTAL);
    const seqs = await observer.query<{ n: number; lo: number; hi: number; uniq: number }>(
      `SELECT count(*)::int AS n, min(seq) AS lo, max(seq) AS hi, count(DISTINCT seq)::int AS uniq FROM ${effects}`,
    );
    expect(seqs.rows[0]).toEqual({ n: TOTAL, lo: 1, hi: TOTAL, uniq: TOTAL });
    const inboxRows = await observer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${consumerSchema.name}.inbox WHERE consumer = $1`,
      [CONSUMER],
    );
    expect(inboxRows.rows[0]?.n).toBe(TOTAL);

    // The confirmed halves of the two held batches reached the queue twice (the cut batch was
    // published again whole by relay #1, the killed one by relay #2): each of those ids was claimed
    // at least twice, and the inbox absorbed the repeats.
    for (const id of [...cut.confirmedIds, ...held.confirmedIds]) {
      expect(inbox.claims.get(id) ?? 0).toBeGreaterThanOrEqual(2);
    }
    expect(inbox.absorbed).toBeGreaterThanOrEqual(
      cut.confirmedIds.length + held.confirmedIds.length,
    );

    const relayErrors = [...first.logs('relay', 'error'), ...second.logs('relay', 'error')];
    process.stdout.write(
      [
        `relay-under-faults: ${TOTAL} events exactly once in ${since()}`,
        ...timeline.map((line) => `  ${line}`),
        `  consumer: ${transport.deliveries} deliveries (${transport.redelivered} flagged redelivered), ` +
          `${inbox.absorbed} duplicates absorbed by the inbox, ${transport.failures} handler failures`,
        `  relay batches that failed and were retried: ${relayErrors.length}` +
          (relayErrors.length > 0
            ? ` (${[...new Set(relayErrors.map((e) => String(e.meta['error'])))].join('; ')})`
            : ''),
        '',
      ].join('\n'),
    );
  } catch (error) {
    const details = await diagnose();
    if (error instanceof Error) {
      error.message = `${error.message}\n\n${details}`;
      throw error;
    }
    throw new Error(`${String(error)}\n\n${details}`, { cause: error });
  }
}, 150_000);
