import { randomUUID } from 'node:crypto';
import {
  ATTACH_NOMINATION_DOCUMENT,
  NOMINATE,
  REFERENCED_BLOBS_BATCH,
  REFERENCED_NOMINATION_BLOBS,
  REMOVE_NOMINATION_DOCUMENT,
  type CommandResult,
  type IntegrationEvent,
  type NominationView,
  type ReferencedBlobs,
} from '@ttkt/contracts';
import {
  createRpcClient,
  InProcessRpcBroker,
  InProcessTransport,
  RemoteDomainError,
  rpcServerOptions,
  type CommandSender,
  type RunningService,
} from '@ttkt/messaging';
import {
  ControllableClock,
  createTestSchema,
  eventually,
  testDatabaseUrl,
  type TestSchema,
} from '@ttkt/testing';
import { NOMINATION_SERVICE, startNominationService } from '../nomination.service';

const FORM = 'GIAY_KHEN_GD_SO';
const sha = (n: number): string => n.toString(16).padStart(64, '0');

/**
 * `nomination.referenced-blobs` against the real service (in-process transport and RPC): dossiers
 * of two tenants, documents attached and one removed.
 */
describe('nomination.referenced-blobs', () => {
  let schema: TestSchema;
  let transport: InProcessTransport;
  let broker: InProcessRpcBroker;
  let service: RunningService;
  let sender: CommandSender;
  const clock = new ControllableClock('2021-04-01T09:00:00+07:00');
  let published = 0;

  beforeAll(async () => {
    schema = await createTestSchema('nomination_blobs');
    transport = new InProcessTransport({ retryDelaysMs: [50, 100, 200] });
    broker = new InProcessRpcBroker();
    service = await startNominationService({
      databaseUrl: testDatabaseUrl(),
      schema: schema.name,
      transport,
      rpc: rpcServerOptions({ kind: 'in-process', broker, service: NOMINATION_SERVICE }),
      clock,
      logger: false,
    });
    sender = createRpcClient({ kind: 'in-process', broker });
  });

  afterAll(async () => {
    await sender?.close();
    await service?.stop();
    await transport?.close();
    await schema?.drop();
  });

  /** Publishes a contract event of `tenantId` as its owner would (each its own stream). */
  async function publish(tenantId: string, type: string, data: object): Promise<void> {
    published += 1;
    const source = type.split('.')[0] ?? 'x';
    const envelope: IntegrationEvent = {
      id: randomUUID(),
      type,
      tenantId,
      occurredAt: clock.now().toISOString(),
      source: {
        service: source,
        streamId: `${source}-${randomUUID()}`,
        streamVersion: 1,
        position: `${source}:${1000 + published}.1`,
      },
      data,
    };
    await transport.publish([
      { messageId: envelope.id, routingKey: type, body: JSON.stringify(envelope) },
    ]);
  }

  /** An issued campaign and a unit of `tenantId`; a draft dossier of the unit; its id. */
  async function dossierOf(tenantId: string): Promise<string> {
    const agencyId = randomUUID();
    const campaignId = randomUUID();
    const unitId = randomUUID();
    await publish(tenantId, 'directory.unit-created.v1', {
      unitId,
      agencyId,
      code: 'VP',
      name: 'Văn phòng Sở',
      isSecretariat: false,
      parentUnitId: null,
    });
    await publish(tenantId, 'campaign.issued.v1', {
      campaignId,
      agencyId,
      title: 'Kế hoạch tổ chức phong trào thi đua',
      planNumber: '27/KH-SKHCN',
      number: 27,
      year: 2021,
      issuedOn: '2021-03-30',
      plan: {
        title: 'Kế hoạch tổ chức phong trào thi đua',
        awardForms: [
          {
            code: FORM,
            name: 'Giấy khen của Giám đốc Sở',
            eligibleSubjects: ['collective', 'individual'],
            quota: { max: 10 },
            unitStage: {
              to: { kind: 'unit', unit: 'VP' },
              before: '2021-05-12',
              beforeWording: 'trước 12/5/2021',
              cutoff: '2021-05-12T00:00:00+07:00',
              requiredDocuments: [{ code: 'BAO_CAO_THANH_TICH', name: 'Báo cáo thành tích' }],
            },
          },
        ],
      },
    });
    await eventually(async () => {
      const { rows } = await service.infrastructure.pool.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM campaign_copies WHERE tenant_id = $1 AND campaign_id = $2)
              + (SELECT count(*) FROM directory_units WHERE tenant_id = $1 AND unit_id = $3) AS n`,
        [tenantId, campaignId, unitId],
      );
      expect(Number(rows[0]?.n)).toBe(2);
    });
    const nominationId = randomUUID();
    await send(NOMINATE, {
      context: contextOf(tenantId),
      nominationId,
      campaignId,
      awardFormCode: FORM,
      nominatingUnitId: unitId,
      nominee: { kind: 'collective', unitId },
      achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2021',
      criteria: [],
    });
    return nominationId;
  }

  function contextOf(tenantId: string): object {
    return {
      tenantId,
      actor: { kind: 'user', id: 'truong-phong' },
      correlationId: `referenced-blobs-${randomUUID()}`,
    };
  }

  function send<T>(pattern: string, message: object): Promise<T> {
    return sender.send<T>(NOMINATION_SERVICE, pattern, message, { timeoutMs: 30_000 });
  }

  async function attach(tenantId: string, nominationId: string, n: number): Promise<string> {
    const documentId = randomUUID();
    await send<CommandResult<NominationView>>(ATTACH_NOMINATION_DOCUMENT, {
      context: contextOf(tenantId),
      nominationId,
      documentId,
      documentTypeCode: 'OTHER',
      file: { sha256: sha(n), size: 1000 + n, mediaType: 'application/pdf', fileName: `${n}.pdf` },
    });
    return documentId;
  }

  async function referenced(sha256s: string[]): Promise<string[]> {
    const answer = await send<ReferencedBlobs>(REFERENCED_NOMINATION_BLOBS, { sha256s });
    return [...answer.referenced].sort();
  }

  it('names the blobs any tenant’s dossiers hold, not removed ones nor unknown ones', async () => {
    const first = await dossierOf('bac-kan');
    const second = await dossierOf('thai-nguyen');
    await attach('bac-kan', first, 1);
    const removed = await attach('bac-kan', first, 2);
    await attach('thai-nguyen', second, 3);
    // The same bytes in two dossiers: one removal leaves the other's reference.
    await attach('bac-kan', first, 4);
    const removedShared = await attach('thai-nguyen', second, 4);
    await send(REMOVE_NOMINATION_DOCUMENT, {
      context: contextOf('bac-kan'),
      nominationId: first,
      documentId: removed,
    });
    await send(REMOVE_NOMINATION_DOCUMENT, {
      context: contextOf('thai-nguyen'),
      nominationId: second,
      documentId: removedShared,
    });

    expect(await referenced([sha(1), sha(2), sha(3), sha(4), sha(5)])).toEqual([
      sha(1),
      sha(3),
      sha(4),
    ]);
    expect(await referenced([])).toEqual([]);
  });

  it('refuses more than a batch, a malformed sha256 and a tenant (the query spans all)', async () => {
    const tooMany = Array.from({ length: REFERENCED_BLOBS_BATCH + 1 }, (_, n) => sha(n + 100));
    for (const payload of [
      { sha256s: tooMany },
      { sha256s: ['ABC'] },
      { sha256s: [sha(1), sha(1)] },
      { sha256s: [sha(1)], tenantId: 'bac-kan' },
      {},
    ]) {
      const error = await send(REFERENCED_NOMINATION_BLOBS, payload).catch(
        (rejected: unknown) => rejected,
      );
      expect(error).toBeInstanceOf(RemoteDomainError);
      expect((error as RemoteDomainError).code).toBe('validation-failed');
    }
    const full = Array.from({ length: REFERENCED_BLOBS_BATCH }, (_, n) => sha(n + 100));
    expect(await referenced(full)).toEqual([]);
  });
});
