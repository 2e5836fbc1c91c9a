import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryBlobStore } from '@ttkt/blob-store';
import {
  CAMPAIGN_ISSUED_V1,
  DIRECTORY_AGENCY_REGISTERED_V1,
  DIRECTORY_AGENCY_RENAMED_V1,
  DIRECTORY_TENANT_REGISTERED_V1,
  DIRECTORY_TENANT_RENAMED_V1,
  DOCUMENT_FAILED_V1,
  DOCUMENT_GENERATED_V1,
  GET_DOCUMENT,
  LIST_CAMPAIGN_DOCUMENTS,
  NOMINATION_SUBMITTED_V1,
  REFERENCED_DOCUMENT_BLOBS,
  REVIEW_DECISION_ISSUED_V1,
  REVIEW_PROPOSAL_ISSUED_V1,
  REVIEW_SESSION_CLOSED_V1,
  type CampaignIssuedV1,
  type DecisionIssuedV1,
  type DocumentFailedV1,
  type DocumentGeneratedV1,
  type DocumentList,
  type DocumentView,
  type IntegrationEvent,
  type ReferencedBlobs,
} from '@ttkt/contracts';
import { RemoteDomainError } from '@ttkt/messaging';
import {
  ControllableClock,
  deferred,
  eventually,
  startServiceUnderTest,
  type Deferred,
  type ServiceUnderTest,
} from '@ttkt/testing';
import { DOCUMENT_CONSUMES, DOCUMENT_SERVICE, startDocumentService } from '../src/document.service';
import type { DocumentInput } from '../src/documents/document-inputs';
import { documentStreamId } from '../src/documents/document.events';
import { DocumentWorker } from '../src/documents/document-worker';
import { generateFiles, type GenerateFiles } from '../src/generation/generate';
import {
  campaignIssued as issued,
  decisionIssued as decided,
  NOMINEES,
  proposalIssued,
  sessionClosed,
} from './support/document-events';

const TENANT = 'bac-kan';
const AGENCY = 'skhcn-bac-kan';
const PARENT = 'ubnd-bac-kan';
const MAX_ATTEMPTS = 3;

const BAC_KAN = {
  agencyName: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
  parentName: 'Ủy ban nhân dân tỉnh Bắc Kạn',
  tenantName: 'Tỉnh Bắc Kạn',
};
const THAI_NGUYEN = {
  agencyName: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên',
  parentName: 'Ủy ban nhân dân tỉnh Thái Nguyên',
  tenantName: 'Tỉnh Thái Nguyên',
};

/**
 * The generated documents against the running document service (real PostgreSQL, in-process
 * transport and RPC, a blob store in a temporary directory, the real generator): the directory's,
 * the campaign's, nomination's and review's contract events are published here as their relays
 * would; the service's own `document.*` events are observed on the same transport. The generator
 * is the real one, wrapped so a test may hold one kind's generation or make a certificate fail.
 */
describe('document service: generated documents', () => {
  let harness: ServiceUnderTest;
  let blobDir: string;
  let blobs: DirectoryBlobStore;
  const clock = new ControllableClock('2021-05-17T09:00:00+07:00');

  /** Generations of a kind wait for this gate while it is set (`entered` resolves when one does). */
  const held = new Map<string, { gate: Deferred<void>; entered: Deferred<void> }>();
  /** Certificates of these dossiers cannot be generated. */
  const poisoned = new Set<string>();
  const generate: GenerateFiles = async (kind, input: DocumentInput) => {
    const hold = held.get(kind);
    if (hold) {
      hold.entered.resolve();
      await hold.gate.promise;
    }
    if (
      input.kind === 'certificate' &&
      poisoned.has(input.decision.awardees[0]?.nominationId ?? '')
    ) {
      throw new Error('Không đọc được mẫu giấy khen');
    }
    return generateFiles(kind, input);
  };

  beforeAll(async () => {
    blobDir = await mkdtemp(join(tmpdir(), 'documents-int-'));
    blobs = new DirectoryBlobStore(blobDir);
    harness = await startServiceUnderTest({
      label: 'document_gen',
      service: DOCUMENT_SERVICE,
      tenantId: TENANT,
      start: (dependencies) =>
        startDocumentService({
          ...dependencies,
          blobStore: blobs,
          generate,
          worker: { pollMs: 50, retryDelaysMs: [20, 40], maxAttempts: MAX_ATTEMPTS },
        }),
      clock,
      observe: ['document.#'],
      beforeStart: (transport) => transport.declareService(DOCUMENT_SERVICE, DOCUMENT_CONSUMES),
    });
    await directory();
  });

  afterAll(async () => {
    for (const { gate } of held.values()) gate.resolve();
    await harness?.stop();
    if (blobDir) await rm(blobDir, { recursive: true, force: true });
  });

  afterEach(async () => {
    expect(await harness.transport.listDeadLetters(DOCUMENT_SERVICE)).toEqual([]);
  });

  /** Publishes a contract event as `source`'s relay would (each stream's versions in order). */
  function publish(
    type: string,
    streamKey: string,
    data: object,
    options: { envelope?: IntegrationEvent } = {},
  ): Promise<IntegrationEvent> {
    return harness.publish(type.split('.')[0] ?? 'x', type, streamKey, data, {
      correlationId: randomUUID(),
      ...options,
    });
  }

  /** Bắc Kạn's names, and Thái Nguyên's from 1/7/2025 (tenant, the people's committee, the Sở). */
  async function directory(): Promise<void> {
    await publish(DIRECTORY_TENANT_REGISTERED_V1, `tenant-${TENANT}`, {
      tenantId: TENANT,
      code: 'BK',
      name: 'Tỉnh Bắc Kạn',
    });
    await publish(DIRECTORY_TENANT_RENAMED_V1, `tenant-${TENANT}`, {
      tenantId: TENANT,
      name: 'Tỉnh Thái Nguyên',
      effectiveFrom: '2025-07-01',
    });
    for (const [agencyId, code, before, after, parentAgencyId] of [
      [PARENT, 'UBND', BAC_KAN.parentName, THAI_NGUYEN.parentName, null],
      [AGENCY, 'SKHCN', BAC_KAN.agencyName, THAI_NGUYEN.agencyName, PARENT],
    ] as const) {
      await publish(DIRECTORY_AGENCY_REGISTERED_V1, `agency-${agencyId}`, {
        agencyId,
        tenantId: TENANT,
        code,
        name: before,
        parentAgencyId,
        validFrom: null,
        validUntil: null,
        predecessorAgencyId: null,
      });
      await publish(DIRECTORY_AGENCY_RENAMED_V1, `agency-${agencyId}`, {
        agencyId,
        name: after,
        effectiveFrom: '2025-07-01',
      });
    }
    await eventually(async () => {
      const { rows } = await harness.service.infrastructure.pool.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM agency_names) + (SELECT count(*) FROM tenant_names) AS n`,
      );
      expect(Number(rows[0]?.n)).toBe(6);
    });
  }

  function get(documentId: string, tenantId = TENANT): Promise<DocumentView> {
    return harness.send<DocumentView>(GET_DOCUMENT, { tenantId, documentId });
  }

  function list(campaignId: string, filter: object = {}): Promise<DocumentList> {
    return harness.send<DocumentList>(LIST_CAMPAIGN_DOCUMENTS, {
      tenantId: TENANT,
      campaignId,
      ...filter,
    });
  }

  /** The campaign's documents once none is pending. */
  async function settled(campaignId: string, total: number): Promise<DocumentList> {
    return eventually(
      async () => {
        const page = await list(campaignId);
        expect(page.progress).toMatchObject({ total, pending: 0 });
        return page;
      },
      { timeoutMs: 30_000 },
    );
  }

  async function blobBytes(sha256: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await blobs.get(sha256)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async function countEvents(type: string): Promise<number> {
    const { rows } = await harness.service.infrastructure.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE event_type = $1`,
      [type],
    );
    return Number(rows[0]?.n);
  }

  /** The stored request of a document (what its generation reads). */
  async function requestOf(documentId: string): Promise<{ input: DocumentInput }> {
    const [requested] = await harness.service.infrastructure.store.readStream({
      tenantId: TENANT,
      streamId: documentStreamId(documentId),
    });
    return requested?.data as { input: DocumentInput };
  }

  function campaignIssued(): CampaignIssuedV1 {
    return issued(randomUUID(), AGENCY);
  }

  function decisionIssued(campaignId: string): DecisionIssuedV1 {
    return decided({ decisionId: randomUUID(), campaignId, agencyId: AGENCY });
  }

  it('generates the plan of campaign.issued.v1: pending, then ready with a PDF and a DOCX in the blob store', async () => {
    const hold = { gate: deferred<void>(), entered: deferred<void>() };
    held.set('plan', hold);
    const campaign = campaignIssued();
    await publish(CAMPAIGN_ISSUED_V1, `campaign-${campaign.campaignId}`, campaign);

    const pending = await eventually(async () => {
      const page = await list(campaign.campaignId);
      expect(page.items).toHaveLength(1);
      return page;
    });
    await hold.entered.promise;
    const [requested] = pending.items;
    expect(requested).toMatchObject({
      kind: 'plan',
      campaignId: campaign.campaignId,
      agencyId: AGENCY,
      number: '27/KH-SKHCN',
      issuedOn: '2021-03-30',
      title: campaign.title,
      status: 'pending',
      formats: [],
      source: { kind: 'campaign', id: campaign.campaignId },
      subjectPersonId: null,
      error: null,
      attempts: 0,
      version: 1,
    });
    expect(pending.progress).toEqual({ total: 1, ready: 0, pending: 1, failed: 0 });
    const id = requested?.id ?? '';
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The request holds the plan and the names in force on its date: nothing else is read again.
    expect((await requestOf(id)).input).toEqual({ kind: 'plan', names: BAC_KAN, campaign });

    held.delete('plan');
    hold.gate.resolve();
    const ready = await eventually(async () => {
      const document = await get(id);
      expect(document.status).toBe('ready');
      return document;
    });
    expect(ready).toMatchObject({ attempts: 1, version: 2, error: null });
    expect(ready.formats.map((file) => [file.format, file.mediaType, file.fileName])).toEqual([
      ['pdf', 'application/pdf', 'ke-hoach-27-KH-SKHCN.pdf'],
      [
        'docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'ke-hoach-27-KH-SKHCN.docx',
      ],
    ]);
    for (const file of ready.formats) {
      const bytes = await blobBytes(file.sha256);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(bytes.length).toBe(file.size);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe(
        file.format === 'pdf' ? '%PDF' : 'PK\u0003\u0004',
      );
    }

    const generated = await eventually(() => {
      const event = harness.published.find(
        (candidate) =>
          candidate.type === DOCUMENT_GENERATED_V1 &&
          (candidate.data as DocumentGeneratedV1).documentId === id,
      );
      expect(event).toBeDefined();
      return event as IntegrationEvent<DocumentGeneratedV1>;
    });
    expect(generated.data).toMatchObject({
      kind: 'plan',
      campaignId: campaign.campaignId,
      number: '27/KH-SKHCN',
      files: ready.formats,
      generatedAt: clock.now().toISOString(),
    });
    expect(generated.source).toMatchObject({ service: 'document', streamId: `document-${id}` });

    // Another tenant reads nothing of it.
    const error = await get(id, 'thai-nguyen').catch((rejected: unknown) => rejected);
    expect(error).toBeInstanceOf(RemoteDomainError);
    expect((error as RemoteDomainError).code).toBe('not-found');
    expect(await list(campaign.campaignId, { status: 'ready' })).toMatchObject({
      progress: { total: 1, ready: 1, pending: 0, failed: 0 },
    });
  });

  it('generates a decision of 3 and a certificate per awardee, in the annex’s order', async () => {
    const campaign = campaignIssued();
    await publish(CAMPAIGN_ISSUED_V1, `campaign-${campaign.campaignId}`, campaign);
    const decision = decisionIssued(campaign.campaignId);
    await publish(REVIEW_DECISION_ISSUED_V1, `decision-${decision.decisionId}`, decision);

    const page = await settled(campaign.campaignId, 5);
    expect(page.items.filter((item) => item.status !== 'ready')).toEqual([]);
    const documents = page.items.filter((item) => item.source.kind === 'decision');
    expect(documents.map((item) => [item.kind, item.title, item.subjectPersonId])).toEqual([
      ['decision', 'Quyết định số 28/QĐ-SKHCN – Giấy khen của Giám đốc Sở', null],
      ['certificate', `Giấy khen – ${NOMINEES.qlcn.unitName}`, null],
      ['certificate', `Giấy khen – ${NOMINEES.lan.fullName}`, 'p-n-2'],
      ['certificate', `Giấy khen – ${NOMINEES.binh.fullName}`, 'p-n-3'],
    ]);
    for (const document of documents) {
      expect(document).toMatchObject({
        status: 'ready',
        number: '28/QĐ-SKHCN',
        issuedOn: '2021-05-17',
        source: { kind: 'decision', id: decision.decisionId },
      });
      expect(document.formats.map((file) => file.format)).toEqual(['pdf', 'docx']);
      for (const file of document.formats) expect(await blobs.has(file.sha256)).toBe(true);
    }
    expect(documents[2]?.formats[0]?.fileName).toBe('giay-khen-28-QD-SKHCN-nguyen-thi-lan.pdf');
    // Each certificate's request holds the decision with its own awardee only.
    const certificate = await requestOf(documents[2]?.id ?? '');
    expect(certificate.input).toMatchObject({ kind: 'certificate', names: BAC_KAN });
    expect(
      (certificate.input as { decision: DecisionIssuedV1 }).decision.awardees.map(
        (awardee) => awardee.nominationId,
      ),
    ).toEqual(['n-2']);

    expect(await list(campaign.campaignId, { kind: 'certificate', limit: 2 })).toMatchObject({
      items: [{ subjectPersonId: null }, { subjectPersonId: 'p-n-2' }],
      nextCursor: expect.any(String) as unknown,
    });
    const first = await list(campaign.campaignId, { kind: 'certificate', limit: 2 });
    const second = await list(campaign.campaignId, {
      kind: 'certificate',
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.items.map((item) => item.subjectPersonId)).toEqual(['p-n-3']);
    expect(second.nextCursor).toBeNull();
  });

  it('creates nothing new for a redelivered event, nor for the same event sent again', async () => {
    const campaign = campaignIssued();
    const event = await publish(CAMPAIGN_ISSUED_V1, `campaign-${campaign.campaignId}`, campaign);
    const decision = decisionIssued(campaign.campaignId);
    const decided = await publish(
      REVIEW_DECISION_ISSUED_V1,
      `decision-${decision.decisionId}`,
      decision,
    );
    await settled(campaign.campaignId, 5);
    const before = {
      requested: await countEvents('DocumentRequested'),
      generated: await countEvents('DocumentGenerated'),
      published: harness.published.length,
    };

    // The same message again (the inbox drops it), and the same facts sent again as new messages
    // (the handler runs, finds the documents' streams, and requests nothing).
    const again = [randomUUID(), randomUUID()];
    await publish(CAMPAIGN_ISSUED_V1, '', {}, { envelope: event });
    await publish(CAMPAIGN_ISSUED_V1, '', {}, { envelope: { ...event, id: again[0] ?? '' } });
    await publish(
      REVIEW_DECISION_ISSUED_V1,
      '',
      {},
      { envelope: { ...decided, id: again[1] ?? '' } },
    );
    await eventually(async () => {
      const { rows } = await harness.service.infrastructure.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM inbox WHERE message_id = ANY($1::text[])`,
        [again],
      );
      expect(Number(rows[0]?.n)).toBe(2);
    });
    const page = await list(campaign.campaignId);
    expect(page.progress).toEqual({ total: 5, ready: 5, pending: 0, failed: 0 });
    expect(await countEvents('DocumentRequested')).toBe(before.requested);
    expect(await countEvents('DocumentGenerated')).toBe(before.generated);
    expect(harness.published.length).toBe(before.published);
  });

  it('retries a certificate that cannot be generated, then marks it failed; the others are ready', async () => {
    const campaign = campaignIssued();
    const decision = decisionIssued(campaign.campaignId);
    const poisonedId = decision.awardees[1]?.nominationId ?? '';
    poisoned.add(poisonedId);
    await publish(REVIEW_DECISION_ISSUED_V1, `decision-${decision.decisionId}`, decision);

    const page = await settled(campaign.campaignId, 4);
    expect(page.progress).toEqual({ total: 4, ready: 3, pending: 0, failed: 1 });
    const failed = page.items.find((item) => item.status === 'failed');
    expect(failed).toMatchObject({
      kind: 'certificate',
      subjectPersonId: 'p-n-2',
      // The view names no internal message; the event keeps it (below).
      error: 'generation-failed',
      attempts: MAX_ATTEMPTS,
      formats: [],
      version: 1 + MAX_ATTEMPTS,
    });
    const stored = await harness.service.infrastructure.store.readStream({
      tenantId: TENANT,
      streamId: documentStreamId(failed?.id ?? ''),
    });
    expect(
      stored.map((event) => [event.type, (event.data as { attempt?: number }).attempt]),
    ).toEqual([
      ['DocumentRequested', undefined],
      ['DocumentGenerationFailed', 1],
      ['DocumentGenerationFailed', 2],
      ['DocumentGenerationFailed', 3],
    ]);
    const failures = await eventually(() => {
      const events = harness.published.filter(
        (event) =>
          event.type === DOCUMENT_FAILED_V1 &&
          (event.data as DocumentFailedV1).documentId === failed?.id,
      );
      expect(events).toHaveLength(1);
      return events as IntegrationEvent<DocumentFailedV1>[];
    });
    expect(failures[0]?.data).toMatchObject({
      kind: 'certificate',
      error: 'Không đọc được mẫu giấy khen',
      attempts: MAX_ATTEMPTS,
    });
    poisoned.delete(poisonedId);
  });

  it('generates the proposal letter with its summary list (XLSX and DOCX), and the minutes with the names of their date', async () => {
    const campaign = campaignIssued();
    await publish(CAMPAIGN_ISSUED_V1, `campaign-${campaign.campaignId}`, campaign);
    await eventually(async () => {
      expect((await list(campaign.campaignId)).items).toHaveLength(1);
    });
    for (const [nominationId, nominee] of [
      ['n-1', NOMINEES.qlcn],
      ['n-2', NOMINEES.lan],
    ] as const) {
      await publish(NOMINATION_SUBMITTED_V1, `nomination-${campaign.campaignId}-${nominationId}`, {
        nominationId,
        campaignId: campaign.campaignId,
        agencyId: AGENCY,
        awardFormCode: 'GIAY_KHEN_GD_SO',
        nominatingUnitId: nominee.unitId,
        nominee:
          nominee.kind === 'individual'
            ? { kind: 'individual', personId: `p-${nominationId}` }
            : { kind: 'collective', unitId: nominee.unitId },
        snapshot: { ...nominee },
        achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ',
        criteria: [],
        documents: [],
        resubmission: false,
        holds: [],
        submittedAt: clock.now().toISOString(),
      });
    }
    // The dossiers' submissions reach the copy long before their session closes, and the session
    // closes long before the proposal: so here too.
    await eventually(async () => {
      const { rows } = await harness.service.infrastructure.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM nominee_copies WHERE nomination_id IN ('n-1', 'n-2')`,
      );
      expect(Number(rows[0]?.n)).toBe(2);
    });
    const sessionId = randomUUID();
    const session = sessionClosed({ sessionId, campaignId: campaign.campaignId, agencyId: AGENCY });
    await publish(REVIEW_SESSION_CLOSED_V1, `session-${sessionId}`, session);
    await eventually(async () => {
      expect((await list(campaign.campaignId, { kind: 'minutes' })).items).toHaveLength(1);
    });
    const proposal = proposalIssued({
      proposalId: randomUUID(),
      campaignId: campaign.campaignId,
      agencyId: AGENCY,
      sessionId,
    });
    await publish(REVIEW_PROPOSAL_ISSUED_V1, `proposal-${proposal.proposalId}`, proposal);
    // A session after the merger: its minutes carry Thái Nguyên's names.
    const later = sessionClosed(
      { sessionId: randomUUID(), campaignId: campaign.campaignId, agencyId: AGENCY },
      '2026-01-05',
    );
    await publish(REVIEW_SESSION_CLOSED_V1, `session-${later.sessionId}`, later);

    const page = await settled(campaign.campaignId, 5);
    expect(page.progress.ready).toBe(5);
    const byKind = (kind: string, source?: string): DocumentView | undefined =>
      page.items.find((item) => item.kind === kind && (!source || item.source.id === source));
    expect(byKind('proposal')?.formats.map((file) => file.format)).toEqual(['pdf', 'docx']);
    expect(byKind('summary-list')?.formats.map((file) => [file.format, file.mediaType])).toEqual([
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    expect((await requestOf(byKind('proposal')?.id ?? '')).input).toMatchObject({
      sessionHeldOn: '2021-05-14',
      names: BAC_KAN,
    });
    const minutes = byKind('minutes', sessionId);
    expect(minutes).toMatchObject({ number: null, issuedOn: '2021-05-14', status: 'ready' });
    expect((await requestOf(minutes?.id ?? '')).input).toMatchObject({
      kind: 'minutes',
      names: BAC_KAN,
      campaign: { planNumber: '27/KH-SKHCN', issuedOn: '2021-03-30' },
      nominees: {
        'n-1': { awardFormCode: 'GIAY_KHEN_GD_SO', nominee: { unitName: NOMINEES.qlcn.unitName } },
        'n-2': { nominee: { fullName: NOMINEES.lan.fullName } },
      },
    });
    expect((await requestOf(byKind('minutes', later.sessionId)?.id ?? '')).input).toMatchObject({
      names: THAI_NGUYEN,
    });
  });

  it('names the blobs a ready document’s file is, and none other', async () => {
    const campaign = campaignIssued();
    await publish(CAMPAIGN_ISSUED_V1, `campaign-${campaign.campaignId}`, campaign);
    const [plan] = (await settled(campaign.campaignId, 1)).items;
    const files = (plan?.formats ?? []).map((file) => file.sha256);
    expect(files).toHaveLength(2);
    const unknown = 'f'.repeat(64);
    const answer = await harness.send<ReferencedBlobs>(REFERENCED_DOCUMENT_BLOBS, {
      sha256s: [...files, unknown],
    });
    expect([...answer.referenced].sort()).toEqual([...files].sort());
    for (const payload of [{ sha256s: ['ABC'] }, { sha256s: [unknown], tenantId: TENANT }, {}]) {
      const error = await harness
        .send(REFERENCED_DOCUMENT_BLOBS, payload)
        .catch((rejected: unknown) => rejected);
      expect((error as RemoteDomainError).code).toBe('validation-failed');
    }
  });

  it('stops its worker cleanly: the document in hand is recorded, no transaction is left open', async () => {
    const hold = { gate: deferred<void>(), entered: deferred<void>() };
    held.set('plan', hold);
    const campaign = campaignIssued();
    await publish(CAMPAIGN_ISSUED_V1, `campaign-${campaign.campaignId}`, campaign);
    await hold.entered.promise;

    const worker = harness.service.app.get(DocumentWorker);
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    held.delete('plan');
    hold.gate.resolve();
    await stopping;
    const [plan] = (await list(campaign.campaignId)).items;
    expect(plan?.status).toBe('ready');
    await worker.stop();

    const { rows } = await harness.service.infrastructure.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE application_name = $1 AND state LIKE 'idle in transaction%'`,
      [DOCUMENT_SERVICE],
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });
});
