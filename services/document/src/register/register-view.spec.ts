import { formatRegisterNumber } from './format-register-number';
import type { RegisterEvent } from './register.events';
import { evolveRegister, initialRegisterState } from './register.state';
import { toRegisterView } from './register-view';

function assigned(number: number): RegisterEvent {
  return {
    type: 'NumberAssigned',
    data: {
      agencyId: 'skhcn-bac-kan',
      year: 2021,
      number,
      symbol: 'KH-SKHCN',
      formatted: formatRegisterNumber(number, 'KH', 'SKHCN'),
      documentKind: 'KH',
      agencyCode: 'SKHCN',
      requestId: `request-${number}`,
      requestedBy: { kind: 'campaign', id: `campaign-${number}` },
      issuedOn: '2021-03-30',
      assignedAt: '2021-03-30T02:00:00.000Z',
    },
  };
}

describe('the register as read', () => {
  it('lists the numbers in order, a voided one with its reason', () => {
    const events: RegisterEvent[] = [
      assigned(27),
      assigned(3),
      {
        type: 'NumberVoided',
        data: {
          agencyId: 'skhcn-bac-kan',
          year: 2021,
          number: 27,
          requestId: 'request-27',
          reason: 'Huỷ ban hành',
          voidedAt: '2021-04-01T00:00:00.000Z',
        },
      },
      assigned(28),
    ];
    const view = toRegisterView(
      'skhcn-bac-kan',
      2021,
      events.reduce(evolveRegister, initialRegisterState()),
    );
    expect(view.entries.map((entry) => [entry.formatted, entry.status, entry.voidReason])).toEqual([
      ['03/KH-SKHCN', 'assigned', null],
      ['27/KH-SKHCN', 'voided', 'Huỷ ban hành'],
      ['28/KH-SKHCN', 'assigned', null],
    ]);
    expect(view.entries[1]).toEqual({
      number: 27,
      formatted: '27/KH-SKHCN',
      symbol: 'KH-SKHCN',
      documentKind: 'KH',
      status: 'voided',
      issuedOn: '2021-03-30',
      requestedBy: { kind: 'campaign', id: 'campaign-27' },
      requestId: 'request-27',
      assignedAt: '2021-03-30T02:00:00.000Z',
      voidReason: 'Huỷ ban hành',
      voidedAt: '2021-04-01T00:00:00.000Z',
      revokedReason: null,
      revokedAt: null,
    });
    expect(view.entries[0]).toMatchObject({ revokedReason: null, revokedAt: null });
  });

  it('keeps a revoked number’s line, marked revoked with its reason and instant', () => {
    const decision: RegisterEvent = {
      type: 'NumberAssigned',
      data: {
        ...(assigned(28).data as Extract<RegisterEvent, { type: 'NumberAssigned' }>['data']),
        symbol: 'QĐ-SKHCN',
        formatted: '28/QĐ-SKHCN',
        documentKind: 'QĐ',
        requestedBy: { kind: 'decision', id: 'decision-28' },
      },
    };
    const events: RegisterEvent[] = [
      assigned(27),
      decision,
      {
        type: 'NumberRevoked',
        data: {
          agencyId: 'skhcn-bac-kan',
          year: 2021,
          number: 28,
          formatted: '28/QĐ-SKHCN',
          requestId: 'request-28',
          requestedBy: { kind: 'decision', id: 'decision-28' },
          reason: 'Thu hồi: Hồ sơ không trung thực',
          revokedAt: '2021-11-20T03:00:00.000Z',
        },
      },
    ];
    const view = toRegisterView(
      'skhcn-bac-kan',
      2021,
      events.reduce(evolveRegister, initialRegisterState()),
    );
    expect(view.entries.map((entry) => [entry.formatted, entry.status])).toEqual([
      ['27/KH-SKHCN', 'assigned'],
      ['28/QĐ-SKHCN', 'revoked'],
    ]);
    expect(view.entries[1]).toEqual({
      number: 28,
      formatted: '28/QĐ-SKHCN',
      symbol: 'QĐ-SKHCN',
      documentKind: 'QĐ',
      status: 'revoked',
      issuedOn: '2021-03-30',
      requestedBy: { kind: 'decision', id: 'decision-28' },
      requestId: 'request-28',
      assignedAt: '2021-03-30T02:00:00.000Z',
      voidReason: null,
      voidedAt: null,
      revokedReason: 'Thu hồi: Hồ sơ không trung thực',
      revokedAt: '2021-11-20T03:00:00.000Z',
    });
  });

  it('is empty for a year with no numbers', () => {
    expect(toRegisterView('skhcn-bac-kan', 2030, initialRegisterState())).toEqual({
      agencyId: 'skhcn-bac-kan',
      year: 2030,
      entries: [],
    });
  });
});
