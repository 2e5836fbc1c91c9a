import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryBlobStore } from '@ttkt/blob-store';
import {
  CAMPAIGN_ISSUE_CANCELLED_V1,
  CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
  CAMPAIGN_ISSUE_REQUESTED_V1,
  GET_REGISTER,
  REGISTER_NUMBER_ASSIGNED_V1,
  REGISTER_NUMBER_REFUSED_V1,
  REGISTER_NUMBER_REVOKED_V1,
  REGISTER_NUMBER_VOIDED_V1,
  REVIEW_DECISION_REVOKED_V1,
  REVIEW_NUMBER_REQUESTED_V1,
  type CampaignIssueCancelledV1,
  type CampaignIssueNumberReleasedV1,
  type CampaignIssueRequestedV1,
  type DecisionRevokedV1,
  type IntegrationEvent,
  type RegisterNumberAssignedV1,
  type RegisterNumberRefusedV1,
  type RegisterNumberRevokedV1,
  type RegisterNumberVoidedV1,
  type RegisterView,
  type ReviewNumberRequestedV1,
} from '@ttkt/contracts';
import {
  createRpcClient,
  InProcessRpcBroker,
  InProcessTransport,
  RabbitTransport,
  rpcServerOptions,
  type CommandSender,
  type EventTransport,
  type InboundMessage,
  type RunningService,
  type Subscription,
} from '@ttkt/messaging';
import {
  createTestSchema,
  createTestVhost,
  eventually,
  testDatabaseUrl,
  type TestSchema,
  type TestVhost,
} from '@ttkt/testing';
import { DOCUMENT_CONSUMES, DOCUMENT_SERVICE, startDocumentService } from '../src/document.service';

const TENANT = 'bac-kan';
/** Short retry tiers: a message that needed them more than three times would be dead-lettered. */
const RETRY_DELAYS_MS = [50, 100, 200];

interface TransportMode {
  name: string;
  create(prefix: string): Promise<{ transport: EventTransport; close(): Promise<void> }>;
}

let vhost: TestVhost | undefined;

const modes: TransportMode[] = [
  {
    name: 'the in-process transport',
    create: () => {
      const transport = new InProcessTransport({ retryDelaysMs: RETRY_DELAYS_MS });
      return Promise.resolve({ transport, close: () => transport.close() });
    },
  },
  {
    name: 'RabbitMQ',
    async create(prefix) {
      vhost = await createTestVhost('doc_register');
      const transport = new RabbitTransport({
        url: vhost.url,
        prefix,
        retryDelaysMs: RETRY_DELAYS_MS,
        connectionName: `${prefix}-document-test`,
      });
      await transport.start();
      return {
        transport,
        close: async () => {
          await transport.close();
          await vhost?.drop();
        },
      };
    },
  },
];

type Answer =
  IntegrationEvent<RegisterNumberAssignedV1> | IntegrationEvent<RegisterNumberRefusedV1>;

/**
 * The register's side of the numbered-issuance sagas, against the running document service (real
 * PostgreSQL, in-process RPC, each transport): `campaign.issue-requested.v1` and
 * `campaign.issue-number-released.v1` are published here as the campaign service's relay would
 * (`review.number-requested.v1` and `review.decision-revoked.v1` as the review service's would),
 * and the answers are read as the requesters would read them, from `register.*` on the transport.
 */
describe.each(modes)('the register over $name', (mode) => {
  let schema: TestSchema;
  let transport: EventTransport;
  let closeTransport: () => Promise<void>;
  let broker: InProcessRpcBroker;
  let document: RunningService;
  let sender: CommandSender;
  let probe: Subscription;
  let received: IntegrationEvent[];
  let campaignPosition = 1000n;
  let blobs: string;

  beforeAll(async () => {
    schema = await createTestSchema('doc_register');
    blobs = await mkdtemp(join(tmpdir(), 'doc-register-blobs-'));
    ({ transport, close: closeTransport } = await mode.create(`r${randomUUID().slice(0, 8)}`));
    received = [];
    // The campaign's queue, bound before the relay publishes (as the launcher declares it).
    probe = await transport.subscribe({
      service: 'campaign',
      routingKeys: ['register.#'],
      handler: (message: InboundMessage) => {
        received.push(JSON.parse(message.body) as IntegrationEvent);
        return Promise.resolve();
      },
    });
    await transport.declareService(DOCUMENT_SERVICE, DOCUMENT_CONSUMES);
    broker = new InProcessRpcBroker();
    document = await startDocumentService({
      databaseUrl: testDatabaseUrl(),
      schema: schema.name,
      transport,
      rpc: rpcServerOptions({ kind: 'in-process', broker, service: DOCUMENT_SERVICE }),
      logger: false,
      blobStore: new DirectoryBlobStore(blobs),
    });
    sender = createRpcClient({ kind: 'in-process', broker });
  });

  afterAll(async () => {
    await sender?.close();
    await document?.stop();
    await probe?.stop();
    await closeTransport?.();
    await schema?.drop();
    if (blobs) await rm(blobs, { recursive: true, force: true });
  });

  /** Messages a test sends to be refused: their dead letters are expected. */
  const refusedOnPurpose = new Set<string>();

  afterEach(async () => {
    expect(
      (await transport.listDeadLetters(DOCUMENT_SERVICE)).filter(
        (letter) => !refusedOnPurpose.has(letter.message.messageId),
      ),
    ).toEqual([]);
    expect(await transport.listDeadLetters('campaign')).toEqual([]);
  });

  function envelope<T extends object>(
    type: string,
    campaignId: string,
    data: T,
  ): IntegrationEvent<T> {
    campaignPosition += 1n;
    return {
      id: randomUUID(),
      type,
      tenantId: TENANT,
      occurredAt: new Date().toISOString(),
      source: {
        service: 'campaign',
        streamId: `campaign-${campaignId}`,
        streamVersion: 2,
        position: `campaign:${campaignPosition}.${campaignPosition}`,
      },
      actor: { kind: 'user', id: 'giam-doc' },
      correlationId: randomUUID(),
      data,
    };
  }

  async function publish(...events: IntegrationEvent[]): Promise<void> {
    await transport.publish(
      events.map((event) => ({
        messageId: event.id,
        routingKey: event.type,
        body: JSON.stringify(event),
      })),
    );
  }

  interface Request {
    agencyId: string;
    issuedOn: string;
    requestedNumber?: number | null;
    agencyCode?: string;
  }

  function issueRequested(request: Request): IntegrationEvent<CampaignIssueRequestedV1> {
    const campaignId = randomUUID();
    return envelope(CAMPAIGN_ISSUE_REQUESTED_V1, campaignId, {
      campaignId,
      agencyId: request.agencyId,
      agencyCode: request.agencyCode ?? 'SKHCN',
      requestId: randomUUID(),
      documentKind: 'KH',
      issuedOn: request.issuedOn,
      requestedNumber: request.requestedNumber ?? null,
    });
  }

  function answersTo(requestId: string): Answer[] {
    return received.filter(
      (event): event is Answer =>
        (event.type === REGISTER_NUMBER_ASSIGNED_V1 || event.type === REGISTER_NUMBER_REFUSED_V1) &&
        (event.data as { requestId?: string }).requestId === requestId,
    );
  }

  /** Publishes the requests and waits for exactly one answer to each. */
  async function ask(...requests: Request[]): Promise<Answer[]> {
    const events = requests.map(issueRequested);
    await publish(...events);
    return eventually(
      () =>
        events.map((event) => {
          const answers = answersTo(event.data.requestId);
          expect(answers).toHaveLength(1);
          return answers[0] as Answer;
        }),
      { timeoutMs: 30_000 },
    );
  }

  function assignedNumber(answer: Answer | undefined): string {
    expect(answer?.type).toBe(REGISTER_NUMBER_ASSIGNED_V1);
    return (answer as IntegrationEvent<RegisterNumberAssignedV1>).data.formatted;
  }

  function register(agencyId: string, year: number): Promise<RegisterView> {
    return sender.send<RegisterView>(DOCUMENT_SERVICE, GET_REGISTER, {
      tenantId: TENANT,
      agencyId,
      year,
    });
  }

  it('gives 01 first, then a requested 27, then 28 automatically', async () => {
    const agencyId = randomUUID();
    const [first] = await ask({ agencyId, issuedOn: '2021-03-01' });
    expect(first).toMatchObject({
      type: REGISTER_NUMBER_ASSIGNED_V1,
      tenantId: TENANT,
      source: { service: 'document', streamId: `register-${agencyId}-2021`, streamVersion: 1 },
      data: {
        agencyId,
        year: 2021,
        number: 1,
        formatted: '01/KH-SKHCN',
        symbol: 'KH-SKHCN',
        documentKind: 'KH',
        issuedOn: '2021-03-01',
        requestedBy: { kind: 'campaign' },
      },
    });
    expect(
      assignedNumber((await ask({ agencyId, issuedOn: '2021-03-30', requestedNumber: 27 }))[0]),
    ).toBe('27/KH-SKHCN');
    expect(assignedNumber((await ask({ agencyId, issuedOn: '2021-04-02' }))[0])).toBe(
      '28/KH-SKHCN',
    );
    expect((await register(agencyId, 2021)).entries.map((entry) => entry.formatted)).toEqual([
      '01/KH-SKHCN',
      '27/KH-SKHCN',
      '28/KH-SKHCN',
    ]);
  });

  it('assigns a number asked for twice once, and refuses the other request as register-number-taken', async () => {
    const agencyId = randomUUID();
    await ask({ agencyId, issuedOn: '2021-05-01' });
    const before = await register(agencyId, 2021);
    const answers = await ask(
      { agencyId, issuedOn: '2021-05-02', requestedNumber: 12 },
      { agencyId, issuedOn: '2021-05-02', requestedNumber: 12 },
    );
    const types = answers.map((answer) => answer.type).sort();
    expect(types).toEqual([REGISTER_NUMBER_ASSIGNED_V1, REGISTER_NUMBER_REFUSED_V1]);
    const refusal = answers.find((answer) => answer.type === REGISTER_NUMBER_REFUSED_V1);
    expect(refusal?.data).toMatchObject({
      agencyId,
      year: 2021,
      requestedNumber: 12,
      code: 'register-number-taken',
      params: { number: 12 },
    });
    const after = await register(agencyId, 2021);
    expect(after.entries.map((entry) => entry.formatted)).toEqual([
      ...before.entries.map((entry) => entry.formatted),
      '12/KH-SKHCN',
    ]);
    // Asking for it once more is refused again, and changes nothing either.
    const [again] = await ask({ agencyId, issuedOn: '2021-05-03', requestedNumber: 12 });
    expect(again?.data).toMatchObject({ code: 'register-number-taken' });
    expect(await register(agencyId, 2021)).toEqual(after);
  });

  it('gives 20 concurrent requests of one agency-year the 20 consecutive numbers 1 to 20', async () => {
    const agencyId = randomUUID();
    const requests = Array.from({ length: 20 }, () => ({ agencyId, issuedOn: '2021-06-15' }));
    const answers = await ask(...requests);
    const numbers = answers.map((answer) => {
      expect(answer.type).toBe(REGISTER_NUMBER_ASSIGNED_V1);
      return (answer as IntegrationEvent<RegisterNumberAssignedV1>).data.number;
    });
    expect([...numbers].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    const { entries } = await register(agencyId, 2021);
    expect(entries.map((entry) => entry.number)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    expect(new Set(entries.map((entry) => entry.requestId)).size).toBe(20);
  });

  it('starts each year at 01, and keeps each agency’s sequence its own', async () => {
    const agencyId = randomUUID();
    const other = randomUUID();
    await ask({ agencyId, issuedOn: '2021-12-30', requestedNumber: 40 });
    const [newYear, otherAgency, sameYear] = await ask(
      { agencyId, issuedOn: '2022-01-03' },
      { agencyId: other, issuedOn: '2021-12-31', agencyCode: 'UBND' },
      { agencyId, issuedOn: '2021-12-31' },
    );
    expect(assignedNumber(newYear)).toBe('01/KH-SKHCN');
    expect(newYear?.data).toMatchObject({ year: 2022 });
    expect(assignedNumber(otherAgency)).toBe('01/KH-UBND');
    expect(assignedNumber(sameYear)).toBe('41/KH-SKHCN');
    expect((await register(agencyId, 2022)).entries).toHaveLength(1);
    expect((await register(other, 2021)).entries).toHaveLength(1);
    expect(await register(other, 2030)).toEqual({ agencyId: other, year: 2030, entries: [] });
  });

  it('voids a released number with its reason and never gives it again', async () => {
    const agencyId = randomUUID();
    const [first, second] = await ask(
      { agencyId, issuedOn: '2021-07-01', requestedNumber: 5 },
      { agencyId, issuedOn: '2021-07-01', requestedNumber: 6 },
    );
    const held = (second as IntegrationEvent<RegisterNumberAssignedV1>).data;
    const release = envelope<CampaignIssueNumberReleasedV1>(
      CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
      held.requestedBy.id,
      {
        campaignId: held.requestedBy.id,
        agencyId,
        year: 2021,
        number: 6,
        requestId: held.requestId,
        reason: 'issue-cancelled: Kế hoạch không được ban hành',
      },
    );
    await publish(release);
    const voided = await eventually(() => {
      const events = received.filter(
        (event): event is IntegrationEvent<RegisterNumberVoidedV1> =>
          event.type === REGISTER_NUMBER_VOIDED_V1 &&
          (event.data as { requestId?: string }).requestId === held.requestId,
      );
      expect(events).toHaveLength(1);
      return events[0];
    });
    expect(voided?.data).toMatchObject({
      agencyId,
      year: 2021,
      number: 6,
      reason: 'issue-cancelled: Kế hoạch không được ban hành',
    });
    const { entries } = await register(agencyId, 2021);
    expect(entries.map((entry) => [entry.formatted, entry.status, entry.voidReason])).toEqual([
      ['05/KH-SKHCN', 'assigned', null],
      ['06/KH-SKHCN', 'voided', 'issue-cancelled: Kế hoạch không được ban hành'],
    ]);
    expect(assignedNumber(first)).toBe('05/KH-SKHCN');

    // Released again (a redelivered or repeated compensation): nothing more is recorded.
    await publish(release, { ...release, id: randomUUID() });
    const [next, six] = await ask(
      { agencyId, issuedOn: '2021-07-02' },
      { agencyId, issuedOn: '2021-07-02', requestedNumber: 6 },
    );
    expect(assignedNumber(next)).toBe('07/KH-SKHCN');
    expect(six?.data).toMatchObject({ code: 'register-number-taken', params: { number: 6 } });
    expect(
      received.filter(
        (event) =>
          event.type === REGISTER_NUMBER_VOIDED_V1 &&
          (event.data as { agencyId?: string }).agencyId === agencyId,
      ),
    ).toHaveLength(1);
  });

  /** Waits until the document service has handled the message (its inbox holds it). */
  async function handled(messageId: string): Promise<void> {
    await eventually(async () => {
      const { rows } = await document.infrastructure.pool.query<{ message_id: string }>(
        `SELECT message_id FROM "${schema.name}".inbox WHERE consumer = $1 AND message_id = $2`,
        [DOCUMENT_SERVICE, messageId],
      );
      expect(rows).toHaveLength(1);
    });
  }

  function voidsOf(requestId: string): IntegrationEvent<RegisterNumberVoidedV1>[] {
    return received.filter(
      (event): event is IntegrationEvent<RegisterNumberVoidedV1> =>
        event.type === REGISTER_NUMBER_VOIDED_V1 &&
        (event.data as { requestId?: string }).requestId === requestId,
    );
  }

  function cancelled(
    held: RegisterNumberAssignedV1,
    reason: string,
    issuedOn: string | null = held.issuedOn,
  ): IntegrationEvent<CampaignIssueCancelledV1> {
    return envelope<CampaignIssueCancelledV1>(CAMPAIGN_ISSUE_CANCELLED_V1, held.requestedBy.id, {
      campaignId: held.requestedBy.id,
      agencyId: held.agencyId,
      requestId: held.requestId,
      reason,
      ...(issuedOn === null ? {} : { issuedOn }),
    });
  }

  it('voids, with the cancel reason, the number a cancelled request holds', async () => {
    const agencyId = randomUUID();
    const [answer] = await ask({ agencyId, issuedOn: '2021-09-01' });
    const held = (answer as IntegrationEvent<RegisterNumberAssignedV1>).data;
    await publish(cancelled(held, 'Ký nhầm ngày'));
    const [voided] = await eventually(() => {
      const events = voidsOf(held.requestId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(voided?.data).toMatchObject({
      agencyId,
      year: 2021,
      number: 1,
      reason: 'Huỷ ban hành: Ký nhầm ngày',
    });
    const { entries } = await register(agencyId, 2021);
    expect(entries).toEqual([
      expect.objectContaining({
        number: 1,
        status: 'voided',
        requestId: held.requestId,
        assignedAt: held.assignedAt,
        voidReason: 'Huỷ ban hành: Ký nhầm ngày',
      }),
    ]);
  });

  it('voids a number once when the cancel and the campaign’s release both arrive', async () => {
    const agencyId = randomUUID();
    const [answer] = await ask({ agencyId, issuedOn: '2021-09-02', requestedNumber: 8 });
    const held = (answer as IntegrationEvent<RegisterNumberAssignedV1>).data;
    const reason = 'Huỷ ban hành: Sổ đăng ký không phản hồi';
    await publish(cancelled(held, 'Sổ đăng ký không phản hồi'));
    await eventually(() => expect(voidsOf(held.requestId)).toHaveLength(1));
    const release = envelope<CampaignIssueNumberReleasedV1>(
      CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
      held.requestedBy.id,
      {
        campaignId: held.requestedBy.id,
        agencyId,
        year: 2021,
        number: 8,
        requestId: held.requestId,
        reason,
      },
    );
    await publish(release);
    await handled(release.id);
    const [next] = await ask({ agencyId, issuedOn: '2021-09-03' });
    expect(assignedNumber(next)).toBe('09/KH-SKHCN');
    expect(voidsOf(held.requestId)).toHaveLength(1);
    const { entries } = await register(agencyId, 2021);
    expect(entries.map((entry) => [entry.number, entry.status, entry.voidReason])).toEqual([
      [8, 'voided', reason],
      [9, 'assigned', null],
    ]);
  });

  it('leaves the register as it is for a cancel stored before it named its date, or of a request with no number', async () => {
    const agencyId = randomUUID();
    const [answer] = await ask({ agencyId, issuedOn: '2021-10-01' });
    const held = (answer as IntegrationEvent<RegisterNumberAssignedV1>).data;
    const old = cancelled(held, 'Ký nhầm ngày', null);
    const never = cancelled({ ...held, requestId: randomUUID() }, 'Chưa cấp số');
    await publish(old, never);
    await handled(old.id);
    await handled(never.id);
    expect(voidsOf(held.requestId)).toEqual([]);
    expect((await register(agencyId, 2021)).entries.map((entry) => entry.status)).toEqual([
      'assigned',
    ]);
  });

  it('takes no second number for a redelivered request, nor for the same request sent again', async () => {
    const agencyId = randomUUID();
    const request = issueRequested({ agencyId, issuedOn: '2021-08-01' });
    await publish(request);
    await eventually(() => expect(answersTo(request.data.requestId)).toHaveLength(1));

    // The same message again (a redelivery), and the same request in a new message (a retry).
    const retry = { ...request, id: randomUUID() };
    await publish(request, retry);
    await eventually(async () => {
      const { rows } = await document.infrastructure.pool.query<{ message_id: string }>(
        `SELECT message_id FROM "${schema.name}".inbox WHERE consumer = $1 AND message_id = $2`,
        [DOCUMENT_SERVICE, retry.id],
      );
      expect(rows).toHaveLength(1);
    });
    const [marker] = await ask({ agencyId, issuedOn: '2021-08-02' });
    expect(assignedNumber(marker)).toBe('02/KH-SKHCN');
    expect(answersTo(request.data.requestId)).toHaveLength(1);
    const { entries } = await register(agencyId, 2021);
    expect(entries.map((entry) => entry.requestId)).toEqual([
      request.data.requestId,
      marker?.data.requestId,
    ]);
  });

  function reviewEnvelope<T extends object>(
    type: string,
    streamId: string,
    data: T,
  ): IntegrationEvent<T> {
    campaignPosition += 1n;
    return {
      id: randomUUID(),
      type,
      tenantId: TENANT,
      occurredAt: new Date().toISOString(),
      source: {
        service: 'review',
        streamId,
        streamVersion: 1,
        position: `review:${campaignPosition}.${campaignPosition}`,
      },
      actor: { kind: 'user', id: 'giam-doc' },
      correlationId: randomUUID(),
      data,
    };
  }

  function numberRequested(
    agencyId: string,
    documentKind: 'QĐ' | 'TTr',
    issuedOn: string,
  ): IntegrationEvent<ReviewNumberRequestedV1> {
    const requesterKind = documentKind === 'QĐ' ? 'decision' : 'proposal';
    const requesterId = randomUUID();
    return reviewEnvelope(REVIEW_NUMBER_REQUESTED_V1, `${requesterKind}-${requesterId}`, {
      requestId: randomUUID(),
      agencyId,
      agencyCode: 'SKHCN',
      documentKind,
      issuedOn,
      requesterKind,
      requesterId,
    });
  }

  /** Publishes a review's request for a number and waits for exactly one answer to it. */
  async function askReview(request: IntegrationEvent<ReviewNumberRequestedV1>): Promise<Answer> {
    await publish(request);
    return eventually(
      () => {
        const answers = answersTo(request.data.requestId);
        expect(answers).toHaveLength(1);
        return answers[0] as Answer;
      },
      { timeoutMs: 30_000 },
    );
  }

  it('numbers a decision (QĐ) and a proposal letter (TTr) after a plan, in the one sequence of the agency-year', async () => {
    const agencyId = randomUUID();
    const [plan] = await ask({ agencyId, issuedOn: '2021-03-30', requestedNumber: 27 });
    expect(assignedNumber(plan)).toBe('27/KH-SKHCN');

    const decision = numberRequested(agencyId, 'QĐ', '2021-11-02');
    const qd = await askReview(decision);
    expect(qd).toMatchObject({
      type: REGISTER_NUMBER_ASSIGNED_V1,
      source: { service: 'document', streamId: `register-${agencyId}-2021` },
      causationId: decision.id,
      data: {
        agencyId,
        year: 2021,
        number: 28,
        formatted: '28/QĐ-SKHCN',
        symbol: 'QĐ-SKHCN',
        documentKind: 'QĐ',
        agencyCode: 'SKHCN',
        requestId: decision.data.requestId,
        requestedBy: { kind: 'decision', id: decision.data.requesterId },
        issuedOn: '2021-11-02',
      },
    });
    const proposal = numberRequested(agencyId, 'TTr', '2021-11-03');
    const ttr = await askReview(proposal);
    expect(ttr.data).toMatchObject({
      number: 29,
      formatted: '29/TTr-SKHCN',
      documentKind: 'TTr',
      requestedBy: { kind: 'proposal', id: proposal.data.requesterId },
    });

    // The decision's request again (a redelivery, and a retry in a new message): no second number.
    const retry = { ...decision, id: randomUUID() };
    await publish(decision, retry);
    await handled(retry.id);
    const { entries } = await register(agencyId, 2021);
    expect(entries.map((entry) => [entry.formatted, entry.requestedBy.kind, entry.status])).toEqual(
      [
        ['27/KH-SKHCN', 'campaign', 'assigned'],
        ['28/QĐ-SKHCN', 'decision', 'assigned'],
        ['29/TTr-SKHCN', 'proposal', 'assigned'],
      ],
    );
    expect(answersTo(decision.data.requestId)).toHaveLength(1);
  });

  function decisionRevoked(
    assigned: RegisterNumberAssignedV1,
    decisionId: string,
    reason: string,
  ): IntegrationEvent<DecisionRevokedV1> {
    return reviewEnvelope(REVIEW_DECISION_REVOKED_V1, `decision-${decisionId}`, {
      decisionId,
      campaignId: randomUUID(),
      agencyId: assigned.agencyId,
      number: assigned.formatted,
      registerNumber: assigned.number,
      year: assigned.year,
      reason,
      nominationIds: [randomUUID()],
      revokedAt: new Date().toISOString(),
    });
  }

  function revocationsOf(agencyId: string): IntegrationEvent<RegisterNumberRevokedV1>[] {
    return received.filter(
      (event): event is IntegrationEvent<RegisterNumberRevokedV1> =>
        event.type === REGISTER_NUMBER_REVOKED_V1 &&
        (event.data as { agencyId?: string }).agencyId === agencyId,
    );
  }

  it('marks a revoked decision’s number revoked in the register, once, and only for that decision', async () => {
    const agencyId = randomUUID();
    await ask({ agencyId, issuedOn: '2021-03-30', requestedNumber: 27 });
    const decision = numberRequested(agencyId, 'QĐ', '2021-11-02');
    const held = ((await askReview(decision)) as IntegrationEvent<RegisterNumberAssignedV1>).data;
    expect(held.formatted).toBe('28/QĐ-SKHCN');

    // Another decision's revocation never strikes this number: refused to the dead letters.
    const wrong = decisionRevoked(held, randomUUID(), 'Nhầm quyết định');
    refusedOnPurpose.add(wrong.id);
    await publish(wrong);
    await eventually(
      async () => {
        const letters = await transport.listDeadLetters(DOCUMENT_SERVICE);
        expect(letters.map((letter) => letter.message.messageId)).toContain(wrong.id);
      },
      { timeoutMs: 30_000 },
    );
    expect((await register(agencyId, 2021)).entries.map((entry) => entry.status)).toEqual([
      'assigned',
      'assigned',
    ]);

    const revocation = decisionRevoked(held, decision.data.requesterId, 'Hồ sơ không trung thực');
    await publish(revocation);
    const [revoked] = await eventually(() => {
      const events = revocationsOf(agencyId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(revoked).toMatchObject({
      type: REGISTER_NUMBER_REVOKED_V1,
      causationId: revocation.id,
      data: {
        agencyId,
        year: 2021,
        number: 28,
        formatted: '28/QĐ-SKHCN',
        requestId: held.requestId,
        requestedBy: { kind: 'decision', id: decision.data.requesterId },
        reason: 'Thu hồi: Hồ sơ không trung thực',
      },
    });
    const { entries } = await register(agencyId, 2021);
    expect(entries[0]).toMatchObject({ status: 'assigned', revokedReason: null, revokedAt: null });
    expect(entries[1]).toEqual({
      number: 28,
      formatted: '28/QĐ-SKHCN',
      symbol: 'QĐ-SKHCN',
      documentKind: 'QĐ',
      status: 'revoked',
      issuedOn: '2021-11-02',
      requestedBy: { kind: 'decision', id: decision.data.requesterId },
      requestId: held.requestId,
      assignedAt: held.assignedAt,
      voidReason: null,
      voidedAt: null,
      revokedReason: 'Thu hồi: Hồ sơ không trung thực',
      revokedAt: revoked?.data.revokedAt,
    });

    // Revoked again (a redelivery, and the same revocation in a new message): nothing changes,
    // and the number is never given again.
    const again = { ...revocation, id: randomUUID() };
    await publish(revocation, again);
    await handled(again.id);
    const next = await askReview(numberRequested(agencyId, 'QĐ', '2021-11-25'));
    expect(assignedNumber(next)).toBe('29/QĐ-SKHCN');
    expect(revocationsOf(agencyId)).toHaveLength(1);
    expect((await register(agencyId, 2021)).entries.map((entry) => entry.status)).toEqual([
      'assigned',
      'revoked',
      'assigned',
    ]);
  });

  it('answers validation-failed for a year out of range', async () => {
    await expect(
      sender.send(DOCUMENT_SERVICE, GET_REGISTER, { tenantId: TENANT, agencyId: 'x', year: 1800 }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
  });
});
