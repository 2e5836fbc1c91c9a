import {
  AGENCY_ID,
  CAMPAIGN_ID,
  FORM,
  given,
  history,
  NOMINATION_ID,
  then,
  UNIT_USER,
} from '../dossier.spec-fixture';
import { decideReceive, decideWithdrawal, type ReceiveDossier } from './dossier-intake.decide';

const receive: ReceiveDossier = {
  type: 'ReceiveDossier',
  nominationId: NOMINATION_ID,
  campaignId: CAMPAIGN_ID,
  agencyId: AGENCY_ID,
  awardFormCode: FORM,
  nominatingUnitId: 'u-ttud',
  nomineeRef: { kind: 'collective', unitId: 'u-pkt' },
  nominee: { kind: 'collective', unitId: 'u-pkt', unitName: 'Phòng Kỹ thuật' },
  achievementSummary: 'Tập thể lao động tiên tiến',
  resubmission: false,
  at: '2021-05-06T02:00:00.000Z',
  by: UNIT_USER,
};

describe('receiving a submission from nomination', () => {
  it('opens the dossier as submitted, with the nominee as submitted', () => {
    const state = given([]);
    const events = decideReceive(state, receive);
    expect(events).toEqual([
      {
        type: 'DossierReceived',
        data: {
          nominationId: NOMINATION_ID,
          campaignId: CAMPAIGN_ID,
          at: '2021-05-06T02:00:00.000Z',
          by: UNIT_USER,
          agencyId: AGENCY_ID,
          awardFormCode: FORM,
          nominatingUnitId: 'u-ttud',
          nomineeRef: { kind: 'collective', unitId: 'u-pkt' },
          nominee: { kind: 'collective', unitId: 'u-pkt', unitName: 'Phòng Kỹ thuật' },
          achievementSummary: 'Tập thể lao động tiên tiến',
          resubmission: false,
        },
      },
    ]);
    expect(then(state, events)).toEqual(
      expect.objectContaining({
        status: 'submitted',
        version: 1,
        sessionId: null,
        decisionId: null,
      }),
    );
  });

  it('reopens a returned dossier on a resubmission', () => {
    const state = given([history.received(), history.returned()]);
    const events = decideReceive(state, {
      ...receive,
      resubmission: true,
      achievementSummary: 'Bổ sung',
    });
    expect(then(state, events)).toEqual(
      expect.objectContaining({ status: 'submitted', version: 3, achievementSummary: 'Bổ sung' }),
    );
  });

  it.each([
    ['submitted', [history.received()]],
    ['accepted', [history.received(), history.accepted()]],
    ['withdrawn', [history.received(), history.withdrawn()]],
  ])('records nothing on a %s dossier (a redelivery, a stale fact)', (_status, events) => {
    expect(decideReceive(given(events), receive)).toEqual([]);
  });
});

describe('a withdrawal from nomination', () => {
  const withdrawal = {
    type: 'RecordWithdrawal' as const,
    nominationId: NOMINATION_ID,
    reason: 'Đơn vị rút',
    previousStatus: 'submitted',
    at: '2021-05-07T02:00:00.000Z',
    by: UNIT_USER,
  };

  it.each([
    ['submitted', [history.received()]],
    ['accepted', [history.received(), history.accepted()]],
    ['approved', [history.received(), history.accepted(), history.approved()]],
  ])('withdraws a %s dossier', (_status, events) => {
    const state = given(events);
    const decided = decideWithdrawal(state, withdrawal);
    expect(decided).toEqual([
      {
        type: 'DossierWithdrawn',
        data: {
          nominationId: NOMINATION_ID,
          campaignId: CAMPAIGN_ID,
          at: '2021-05-07T02:00:00.000Z',
          by: UNIT_USER,
          reason: 'Đơn vị rút',
        },
      },
    ]);
    expect(then(state, decided).status).toBe('withdrawn');
  });

  it('records nothing for a draft review never received, nor twice', () => {
    expect(decideWithdrawal(given([]), { ...withdrawal, previousStatus: 'draft' })).toEqual([]);
    expect(decideWithdrawal(given([history.received(), history.withdrawn()]), withdrawal)).toEqual(
      [],
    );
  });
});

describe('a withdrawal that overtook its submission', () => {
  it('fails (the consumer delivers it again once the submission is in), never dropped', () => {
    const withdrawal = {
      type: 'RecordWithdrawal' as const,
      nominationId: NOMINATION_ID,
      reason: 'Đơn vị rút',
      previousStatus: 'submitted',
      at: '2021-05-07T02:00:00.000Z',
      by: UNIT_USER,
    };
    let refused: unknown;
    try {
      decideWithdrawal(given([]), withdrawal);
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'invalid-state' });
  });
});
