import {
  CONTRACT_EVENTS,
  REGISTER_EVENTS,
  REGISTER_NUMBER_ASSIGNED_V1,
  REGISTER_NUMBER_REFUSED_V1,
  REGISTER_NUMBER_REVOKED_V1,
  REGISTER_NUMBER_VOIDED_V1,
} from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { RegisterEvent } from '../register/register.events';
import { toContractEvent } from './published-events';

const assigned: RegisterEvent = {
  type: 'NumberAssigned',
  data: {
    agencyId: 'skhcn-bac-kan',
    year: 2021,
    number: 27,
    symbol: 'KH-SKHCN',
    formatted: '27/KH-SKHCN',
    documentKind: 'KH',
    agencyCode: 'SKHCN',
    requestId: '5d0c3f55-5d7a-4a43-9d43-3f2f6a0c1b11',
    requestedBy: { kind: 'campaign', id: 'b7f3e0a2-3c1d-4d5e-8f90-1a2b3c4d5e6f' },
    issuedOn: '2021-03-30',
    assignedAt: '2021-03-30T02:00:00.000Z',
  },
};

const refused: Extract<RegisterEvent, { type: 'NumberRefused' }> = {
  type: 'NumberRefused',
  data: {
    agencyId: 'skhcn-bac-kan',
    year: 2021,
    requestId: 'e1c8a9a4-2b1f-4a8e-9c7d-6f5e4d3c2b1a',
    requestedBy: { kind: 'campaign', id: 'b7f3e0a2-3c1d-4d5e-8f90-1a2b3c4d5e6f' },
    documentKind: 'KH',
    requestedNumber: 27,
    code: 'register-number-taken',
    params: { number: 27 },
    errors: [],
    refusedAt: '2021-03-30T03:00:00.000Z',
  },
};

const voided: RegisterEvent = {
  type: 'NumberVoided',
  data: {
    agencyId: 'skhcn-bac-kan',
    year: 2021,
    number: 27,
    requestId: '5d0c3f55-5d7a-4a43-9d43-3f2f6a0c1b11',
    reason: 'issue-cancelled: Kế hoạch không được ban hành',
    voidedAt: '2021-04-01T03:00:00.000Z',
  },
};

const revoked: RegisterEvent = {
  type: 'NumberRevoked',
  data: {
    agencyId: 'skhcn-bac-kan',
    year: 2021,
    number: 28,
    formatted: '28/QĐ-SKHCN',
    requestId: '0b9f6a4e-7c1d-4f2a-8e3b-5d6c7b8a9f01',
    requestedBy: { kind: 'decision', id: '6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f' },
    reason: 'Thu hồi: Hồ sơ khen thưởng không trung thực',
    revokedAt: '2021-11-20T03:00:00.000Z',
  },
};

function stored(event: RegisterEvent, streamPosition: number): StoredEvent {
  return {
    tenantId: 'bac-kan',
    streamId: 'register-skhcn-bac-kan-2021',
    streamPosition,
    globalPosition: 40n + BigInt(streamPosition),
    transactionId: 900n + BigInt(streamPosition),
    eventId: `00000000-0000-4000-8000-00000000000${streamPosition}`,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: {
      tenantId: 'bac-kan',
      occurredAt: '2021-03-30T02:00:00.000Z',
      actor: { kind: 'user', id: 'giam-doc' },
      correlationId: 'request-1',
      causationId: '11111111-1111-4111-8111-111111111111',
    },
    recordedAt: new Date('2021-03-30T02:00:00.000Z'),
  };
}

/** The payload is valid against the class registered for its routing key. */
function expectValid(type: string, data: object): void {
  const payloadClass = REGISTER_EVENTS[type];
  expect(payloadClass).toBeDefined();
  if (!payloadClass) return;
  expect(validateSync(plainToInstance(payloadClass, data), { forbidUnknownValues: true })).toEqual(
    [],
  );
}

describe('the register’s published events', () => {
  it('publishes NumberAssigned as register.number-assigned.v1, with the envelope of the stored event', () => {
    const event = toContractEvent(stored(assigned, 1));
    expect(event).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      type: REGISTER_NUMBER_ASSIGNED_V1,
      tenantId: 'bac-kan',
      occurredAt: '2021-03-30T02:00:00.000Z',
      source: {
        service: 'document',
        streamId: 'register-skhcn-bac-kan-2021',
        streamVersion: 1,
        position: 'document:901.41',
      },
      actor: { kind: 'user', id: 'giam-doc' },
      correlationId: 'request-1',
      causationId: '11111111-1111-4111-8111-111111111111',
      data: assigned.data,
    });
    expectValid(REGISTER_NUMBER_ASSIGNED_V1, event?.data ?? {});
  });

  it('publishes NumberRefused as register.number-refused.v1 (no empty errors list)', () => {
    const event = toContractEvent(stored(refused, 2));
    expect(event?.type).toBe(REGISTER_NUMBER_REFUSED_V1);
    expect(event?.data).toEqual({
      agencyId: 'skhcn-bac-kan',
      year: 2021,
      requestId: 'e1c8a9a4-2b1f-4a8e-9c7d-6f5e4d3c2b1a',
      requestedBy: { kind: 'campaign', id: 'b7f3e0a2-3c1d-4d5e-8f90-1a2b3c4d5e6f' },
      requestedNumber: 27,
      code: 'register-number-taken',
      params: { number: 27 },
      refusedAt: '2021-03-30T03:00:00.000Z',
    });
    expectValid(REGISTER_NUMBER_REFUSED_V1, event?.data ?? {});
  });

  it('publishes a validation-failed refusal with its issues and a null requested number', () => {
    const malformed: RegisterEvent = {
      type: 'NumberRefused',
      data: {
        ...refused.data,
        requestedNumber: null,
        code: 'validation-failed',
        params: {},
        errors: [{ path: 'issuedOn', message: 'isDateString' }],
      },
    };
    const event = toContractEvent(stored(malformed, 3));
    expect(event?.data).toMatchObject({
      requestedNumber: null,
      code: 'validation-failed',
      errors: [{ path: 'issuedOn', message: 'isDateString' }],
    });
    expectValid(REGISTER_NUMBER_REFUSED_V1, event?.data ?? {});
  });

  it('publishes NumberVoided as register.number-voided.v1', () => {
    const event = toContractEvent(stored(voided, 4));
    expect(event?.type).toBe(REGISTER_NUMBER_VOIDED_V1);
    expect(event?.data).toEqual(voided.data);
    expectValid(REGISTER_NUMBER_VOIDED_V1, event?.data ?? {});
  });

  it('publishes NumberRevoked as register.number-revoked.v1', () => {
    const event = toContractEvent(stored(revoked, 6));
    expect(event?.type).toBe(REGISTER_NUMBER_REVOKED_V1);
    expect(event?.data).toEqual(revoked.data);
    expectValid(REGISTER_NUMBER_REVOKED_V1, event?.data ?? {});
  });

  it('publishes nothing for an event type it does not know', () => {
    expect(toContractEvent({ ...stored(voided, 5), type: 'SomethingInternal' })).toBeNull();
  });

  it('registers exactly the four register events, once the lead spreads them into CONTRACT_EVENTS', () => {
    expect(Object.keys(REGISTER_EVENTS).sort()).toEqual([
      REGISTER_NUMBER_ASSIGNED_V1,
      REGISTER_NUMBER_REFUSED_V1,
      REGISTER_NUMBER_REVOKED_V1,
      REGISTER_NUMBER_VOIDED_V1,
    ]);
    for (const key of Object.keys(REGISTER_EVENTS)) {
      if (key in CONTRACT_EVENTS) expect(CONTRACT_EVENTS[key]).toBe(REGISTER_EVENTS[key]);
    }
  });
});
