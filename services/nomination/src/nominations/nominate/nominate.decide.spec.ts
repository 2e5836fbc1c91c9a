import { refusalOf } from '@ttkt/testing';
import {
  ACTOR,
  AGENCY_ID,
  CAMPAIGN_ID,
  COLLECTIVES_ONLY,
  FORM,
  HOLD,
  NOMINATING_UNIT,
  NOMINATION_ID,
  UNITS,
  at,
  campaign,
  given,
  history,
  person,
  then,
  unit,
} from '../nomination.spec-fixture';
import { initialNominationState, type ExistingNomination } from '../nomination.state';
import { decideNominate, type Nominate } from './nominate.decide';

const command: Nominate = {
  type: 'Nominate',
  nominationId: NOMINATION_ID,
  campaignId: CAMPAIGN_ID,
  awardFormCode: FORM,
  nominatingUnitId: NOMINATING_UNIT,
  nominee: { kind: 'individual', personId: 'p-lan' },
  achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2020.',
  criteria: [{ criterion: 'Hoàn thành xuất sắc nhiệm vụ', met: true }],
  campaign: campaign(),
  nomineeFacts: person(),
  units: UNITS,
  openHolds: [],
  liveDuplicates: [],
  actor: ACTOR,
  now: at('2021-04-01T09:00:00+07:00'),
};
const none = initialNominationState();

describe('nominating for an issued campaign', () => {
  it('drafts a dossier for a person of a sub-unit two levels below the nominating unit', () => {
    const events = decideNominate(command, none);
    expect(events).toEqual([
      {
        type: 'NominationDrafted',
        data: {
          nominationId: NOMINATION_ID,
          at: '2021-04-01T02:00:00.000Z',
          by: ACTOR,
          campaignId: CAMPAIGN_ID,
          agencyId: AGENCY_ID,
          awardFormCode: FORM,
          nominatingUnitId: NOMINATING_UNIT,
          nominee: { kind: 'individual', personId: 'p-lan' },
          achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2020.',
          criteria: [{ criterion: 'Hoàn thành xuất sắc nhiệm vụ', met: true }],
        },
      },
    ]);
    const state = then(none, events) as ExistingNomination;
    expect(state).toEqual(
      expect.objectContaining({ status: 'draft', version: 1, snapshot: null, documents: [] }),
    );
  });

  it('drafts a collective: the nominating unit itself, and its sub-unit at any depth', () => {
    for (const nominee of [unit('u-ttud', 'Trung tâm Ứng dụng'), unit('u-to1', 'Tổ 1')]) {
      const events = decideNominate(
        {
          ...command,
          nominee: { kind: 'collective', unitId: nominee.unitId },
          nomineeFacts: nominee,
        },
        none,
      );
      expect(events[0]?.type).toBe('NominationDrafted');
    }
  });

  it('keeps text in NFC and trims it', () => {
    const nfd = 'Hoàn thành xuất sắc'.normalize('NFD');
    const [drafted] = decideNominate(
      {
        ...command,
        achievementSummary: ` ${nfd} `,
        criteria: [{ criterion: nfd, met: true, evidence: ` ${nfd}` }],
      },
      none,
    );
    expect(drafted?.data).toEqual(
      expect.objectContaining({
        achievementSummary: 'Hoàn thành xuất sắc',
        criteria: [
          { criterion: 'Hoàn thành xuất sắc', met: true, evidence: 'Hoàn thành xuất sắc' },
        ],
      }),
    );
  });

  it('refuses a second draft with the same dossier id: invalid-state', () => {
    expect(refusalOf(() => decideNominate(command, given([history.drafted()]))).code).toBe(
      'invalid-state',
    );
  });

  it('refuses a nominee reference with the wrong id for its kind, and a blank summary', () => {
    const refusal = refusalOf(() =>
      decideNominate(
        {
          ...command,
          nominee: { kind: 'individual', unitId: 'u-pkt' },
          achievementSummary: '  ',
        },
        none,
      ),
    );
    expect(refusal.code).toBe('validation-failed');
    expect(refusal.errors).toEqual([
      { path: 'nominee.personId', message: 'isNotEmpty' },
      { path: 'nominee.unitId', message: 'isEmpty' },
      { path: 'achievementSummary', message: 'isNotEmpty' },
    ]);
  });
});

describe('when the campaign is not issued or is closed', () => {
  it.each(['draft', 'issuing', 'closed'])('refuses a %s campaign: campaign-not-open', (status) => {
    const refusal = refusalOf(() =>
      decideNominate({ ...command, campaign: campaign({ status }) }, none),
    );
    expect(refusal.code).toBe('campaign-not-open');
    expect(refusal.params).toEqual({ campaignId: CAMPAIGN_ID, status });
  });

  it('refuses a campaign the copy does not know: campaign-not-open', () => {
    expect(refusalOf(() => decideNominate({ ...command, campaign: null }, none)).code).toBe(
      'campaign-not-open',
    );
  });
});

describe('with an award form not in the plan', () => {
  it('refuses: unknown-award-form', () => {
    const refusal = refusalOf(() =>
      decideNominate({ ...command, awardFormCode: 'KHONG_CO' }, none),
    );
    expect(refusal.code).toBe('unknown-award-form');
    expect(refusal.params).toEqual({ awardFormCode: 'KHONG_CO' });
  });
});

describe('eligibility of the nominee', () => {
  it('refuses an individual for a form only collectives may receive: nominee-not-eligible', () => {
    const refusal = refusalOf(() =>
      decideNominate({ ...command, awardFormCode: COLLECTIVES_ONLY }, none),
    );
    expect(refusal.code).toBe('nominee-not-eligible');
    expect(refusal.params).toEqual(
      expect.objectContaining({ reason: 'kind-not-eligible', kind: 'individual' }),
    );
  });

  it('refuses a person of another unit (not the nominating unit nor below it)', () => {
    const refusal = refusalOf(() =>
      decideNominate(
        { ...command, nomineeFacts: person({ unitId: 'u-vp', unitName: 'Văn phòng' }) },
        none,
      ),
    );
    expect(refusal.code).toBe('nominee-not-eligible');
    expect(refusal.params.reason).toBe('outside-unit');
  });

  it('refuses a unit above or beside the nominating unit', () => {
    for (const [nominating, nominee] of [
      ['u-pkt', 'u-ttud'],
      ['u-ttud', 'u-vp'],
    ] as const) {
      const refusal = refusalOf(() =>
        decideNominate(
          {
            ...command,
            nominatingUnitId: nominating,
            nominee: { kind: 'collective', unitId: nominee },
            nomineeFacts: unit(nominee, nominee),
          },
          none,
        ),
      );
      expect(refusal.params).toEqual(expect.objectContaining({ reason: 'outside-unit' }));
    }
  });

  it('refuses a nominating unit outside the campaign’s agency', () => {
    expect(
      refusalOf(() => decideNominate({ ...command, nominatingUnitId: 'u-other-agency' }, none))
        .params.reason,
    ).toBe('outside-unit');
  });

  it('refuses a nominee the directory does not know, or another one than posted', () => {
    expect(
      refusalOf(() => decideNominate({ ...command, nomineeFacts: null }, none)).params.reason,
    ).toBe('unknown-nominee');
    expect(
      refusalOf(() =>
        decideNominate({ ...command, nomineeFacts: person({ personId: 'p-other' }) }, none),
      ).params.reason,
    ).toBe('unknown-nominee');
  });
});

describe('one live dossier per nominee, form and campaign', () => {
  it('refuses a nominee who has a live dossier for the form: duplicate-nomination', () => {
    const refusal = refusalOf(() =>
      decideNominate({ ...command, liveDuplicates: ['0d3e-earlier'] }, none),
    );
    expect(refusal.code).toBe('duplicate-nomination');
    expect(refusal.params).toEqual({ nominationId: '0d3e-earlier', awardFormCode: FORM });
  });

  it('drafts again when the earlier dossier was withdrawn (the read table lists live ones only)', () => {
    expect(decideNominate({ ...command, liveDuplicates: [] }, none)).toHaveLength(1);
  });
});

describe('a person with an open hold', () => {
  it('may be drafted, and the hold is carried to the dossier', () => {
    const events = decideNominate({ ...command, openHolds: [HOLD] }, none);
    expect(events.map((event) => event.type)).toEqual([
      'NominationDrafted',
      'NominationHoldFlagged',
    ]);
    const state = then(none, events) as ExistingNomination;
    expect(state.holds).toEqual([HOLD]);
  });
});
