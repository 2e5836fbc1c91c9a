import {
  DOCUMENT_EVENTS,
  DOCUMENT_FAILED_V1,
  DOCUMENT_GENERATED_V1,
  CONTRACT_EVENTS,
} from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { DocumentEvent, DocumentFacts } from '../documents/document.events';
import { toContractEvent } from './published-events';

const facts: DocumentFacts = {
  documentId: '0d5c1f7e-5b1a-5c3e-9d2f-6a7b8c9d0e1f',
  kind: 'certificate',
  campaignId: 'b7f3e0a2-3c1d-4d5e-8f90-1a2b3c4d5e6f',
  agencyId: 'skhcn-bac-kan',
  number: '28/QĐ-SKHCN',
  issuedOn: '2021-05-17',
  title: 'Giấy khen – Nguyễn Thị Lan',
  source: { kind: 'decision', id: '6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f' },
  subjectPersonId: 'p-lan',
};

const files = [
  {
    format: 'pdf' as const,
    sha256: 'a'.repeat(64),
    size: 41_000,
    mediaType: 'application/pdf',
    fileName: 'giay-khen-28-QD-SKHCN-nguyen-thi-lan.pdf',
  },
];

function stored(event: DocumentEvent, streamPosition: number): StoredEvent {
  return {
    tenantId: 'bac-kan',
    streamId: `document-${facts.documentId}`,
    streamPosition,
    globalPosition: 70n + BigInt(streamPosition),
    transactionId: 900n + BigInt(streamPosition),
    eventId: `00000000-0000-4000-8000-00000000000${streamPosition}`,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: {
      tenantId: 'bac-kan',
      occurredAt: '2021-05-17T02:00:05.000Z',
      actor: { kind: 'system', id: 'document-worker' },
      correlationId: 'request-1',
      causationId: '11111111-1111-4111-8111-111111111111',
    },
    recordedAt: new Date('2021-05-17T02:00:05.000Z'),
  };
}

function expectValid(type: string, data: object): void {
  const payloadClass = DOCUMENT_EVENTS[type];
  expect(payloadClass).toBeDefined();
  if (!payloadClass) return;
  expect(validateSync(plainToInstance(payloadClass, data), { forbidUnknownValues: true })).toEqual(
    [],
  );
}

describe('the generated documents’ published events', () => {
  it('publishes DocumentGenerated as document.generated.v1 with the document’s facts and files', () => {
    const event = toContractEvent(
      stored(
        {
          type: 'DocumentGenerated',
          data: { ...facts, files, attempt: 2, generatedAt: '2021-05-17T02:00:05.000Z' },
        },
        3,
      ),
    );
    expect(event).toMatchObject({
      id: '00000000-0000-4000-8000-000000000003',
      type: DOCUMENT_GENERATED_V1,
      tenantId: 'bac-kan',
      source: { service: 'document', streamId: `document-${facts.documentId}`, streamVersion: 3 },
      data: { ...facts, files, generatedAt: '2021-05-17T02:00:05.000Z' },
    });
    expect(event?.data).not.toHaveProperty('attempt');
    expectValid(DOCUMENT_GENERATED_V1, event?.data ?? {});
  });

  it('publishes only the last failed attempt, as document.failed.v1', () => {
    const failed = (final: boolean): DocumentEvent => ({
      type: 'DocumentGenerationFailed',
      data: {
        ...facts,
        error: 'Không đọc được mẫu giấy khen',
        attempt: final ? 5 : 2,
        final,
        retryAfterMs: final ? null : 5_000,
        failedAt: '2021-05-17T02:10:00.000Z',
      },
    });
    expect(toContractEvent(stored(failed(false), 3))).toBeNull();
    const event = toContractEvent(stored(failed(true), 6));
    expect(event?.type).toBe(DOCUMENT_FAILED_V1);
    expect(event?.data).toEqual({
      ...facts,
      error: 'Không đọc được mẫu giấy khen',
      attempts: 5,
      failedAt: '2021-05-17T02:10:00.000Z',
    });
    expectValid(DOCUMENT_FAILED_V1, event?.data ?? {});
  });

  it('publishes no request (its input is the service’s own)', () => {
    const requested: DocumentEvent = {
      type: 'DocumentRequested',
      data: {
        ...facts,
        sequence: 2,
        input: {
          kind: 'certificate',
          names: { agencyName: 'Sở', parentName: null, tenantName: 'Tỉnh Bắc Kạn' },
          decision: {} as never,
        },
        requestedAt: '2021-05-17T02:00:00.000Z',
      },
    };
    expect(toContractEvent(stored(requested, 1))).toBeNull();
  });

  it('registers both document events in CONTRACT_EVENTS', () => {
    expect(Object.keys(DOCUMENT_EVENTS).sort()).toEqual([
      DOCUMENT_FAILED_V1,
      DOCUMENT_GENERATED_V1,
    ]);
    for (const key of Object.keys(DOCUMENT_EVENTS)) {
      expect(CONTRACT_EVENTS[key]).toBe(DOCUMENT_EVENTS[key]);
    }
  });
});
