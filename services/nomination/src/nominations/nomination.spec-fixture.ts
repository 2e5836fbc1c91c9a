/*
 * Shared givens of the nomination decider specs (pure; imported by `*.decide.spec.ts` only): the
 * Bắc Kạn plan's Giấy khen form with its unit-stage cut-off (before 12/5/2021, Asia/Ho_Chi_Minh),
 * a small unit tree, a person two levels below the nominating unit, and a dossier's stored events.
 */
import type { NominationActor, NominationEvent } from './nomination.events';
import type {
  AwardFormFacts,
  CampaignFacts,
  HoldFacts,
  NomineeFacts,
  UnitFacts,
} from './nomination-rules';
import { evolveNomination, initialNominationState, type NominationState } from './nomination.state';

export const NOMINATION_ID = '3c9a1f52-8d0e-4b7a-9f16-2e4d5c6b7a81';
export const CAMPAIGN_ID = '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11';
export const AGENCY_ID = 'skhcn-bac-kan';
export const FORM = 'GIAY_KHEN_GD_SO';
export const COLLECTIVES_ONLY = 'TAP_THE_LAO_DONG_TIEN_TIEN';
export const REQUIRED = ['CONG_VAN_DE_NGHI', 'BIEN_BAN_HOP_XET', 'BAO_CAO_THANH_TICH'];
/** "trước 12/5/2021": the first late instant. */
export const CUTOFF = '2021-05-12T00:00:00+07:00';

/** Trung tâm Ứng dụng (nominates) ⊃ Phòng Kỹ thuật ⊃ Tổ 1; Văn phòng beside it. */
export const UNITS: UnitFacts[] = [
  { unitId: 'u-ttud', parentUnitId: null },
  { unitId: 'u-pkt', parentUnitId: 'u-ttud' },
  { unitId: 'u-to1', parentUnitId: 'u-pkt' },
  { unitId: 'u-vp', parentUnitId: null },
];
export const NOMINATING_UNIT = 'u-ttud';

export const ACTOR: NominationActor = { kind: 'user', id: 'truong-phong' };
export const REVIEWER: NominationActor = { kind: 'user', id: 'van-phong' };

export function awardForm(overrides: Partial<AwardFormFacts> = {}): AwardFormFacts {
  return {
    code: FORM,
    eligibleSubjects: ['collective', 'individual'],
    unitStage: { requiredDocuments: REQUIRED.map((code) => ({ code })), cutoff: CUTOFF },
    ...overrides,
  };
}

/** The issued campaign as the copy knows it; `cutoff` replaces the Giấy khen form's cut-off. */
export function campaign(
  overrides: Partial<CampaignFacts> = {},
  cutoff: string = CUTOFF,
): CampaignFacts {
  return {
    campaignId: CAMPAIGN_ID,
    agencyId: AGENCY_ID,
    status: 'issued',
    awardForms: [
      awardForm({ unitStage: { requiredDocuments: REQUIRED.map((code) => ({ code })), cutoff } }),
      awardForm({ code: COLLECTIVES_ONLY, eligibleSubjects: ['collective'] }),
    ],
    ...overrides,
  };
}

/** Nguyễn Thị Lan, in Tổ 1 (two levels below the nominating unit). */
export function person(
  overrides: Partial<NomineeFacts & { kind: 'individual' }> = {},
): NomineeFacts {
  return {
    kind: 'individual',
    personId: 'p-lan',
    fullName: 'Nguyễn Thị Lan',
    dateOfBirth: '1985-03-14',
    gender: 'female',
    position: 'Tổ trưởng',
    unitId: 'u-to1',
    unitName: 'Tổ 1',
    ...overrides,
  };
}

export function unit(unitId: string, unitName: string): NomineeFacts {
  return { kind: 'collective', unitId, unitName };
}

export const HOLD: HoldFacts = { holdId: 'h-1', kind: 'discipline', openedOn: '2021-04-20' };

/** The instant `iso` as a `Date` (any offset). */
export function at(iso: string): Date {
  return new Date(iso);
}

/** The state after `events`. */
export function given(events: NominationEvent[]): NominationState {
  return events.reduce(evolveNomination, initialNominationState());
}

/** Folds `events` onto `state`. */
export function then(state: NominationState, events: NominationEvent[]): NominationState {
  return events.reduce(evolveNomination, state);
}

const base = (when: string, by: NominationActor | null = ACTOR) => ({
  nominationId: NOMINATION_ID,
  at: when,
  by,
});

/** Stored events of a dossier's life, as the deciders would have written them. */
export const history = {
  drafted(nominee: 'individual' | 'collective' = 'individual'): NominationEvent {
    return {
      type: 'NominationDrafted',
      data: {
        ...base('2021-04-01T02:00:00.000Z'),
        campaignId: CAMPAIGN_ID,
        agencyId: AGENCY_ID,
        awardFormCode: FORM,
        nominatingUnitId: NOMINATING_UNIT,
        nominee:
          nominee === 'individual'
            ? { kind: 'individual', personId: 'p-lan' }
            : { kind: 'collective', unitId: 'u-pkt' },
        achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2020.',
        criteria: [{ criterion: 'Hoàn thành xuất sắc nhiệm vụ', met: true }],
      },
    };
  },
  attached(code: string, documentId = `d-${code}`): NominationEvent {
    return {
      type: 'NominationDocumentAttached',
      data: {
        ...base('2021-04-02T02:00:00.000Z'),
        documentId,
        documentTypeCode: code,
        sha256: code
          .toLowerCase()
          .padEnd(64, '0')
          .slice(0, 64)
          .replace(/[^0-9a-f]/g, 'a'),
        size: 1024,
        mediaType: 'application/pdf',
        fileName: `${code}.pdf`,
      },
    };
  },
  allAttached(): NominationEvent[] {
    return REQUIRED.map((code) => history.attached(code));
  },
  submitted(when = '2021-05-05T02:00:00.000Z', resubmission = false): NominationEvent {
    return {
      type: 'NominationSubmitted',
      data: {
        ...base(when),
        snapshot: {
          kind: 'individual',
          fullName: 'Nguyễn Thị Lan',
          dateOfBirth: '1985-03-14',
          gender: 'female',
          position: 'Tổ trưởng',
          unitId: 'u-to1',
          unitName: 'Tổ 1',
        },
        resubmission,
        cutoff: CUTOFF,
      },
    };
  },
  returned(resubmitBefore: string | null = null): NominationEvent {
    return {
      type: 'NominationReturned',
      data: {
        ...base('2021-05-08T02:00:00.000Z', REVIEWER),
        reasons: ['Biên bản họp xét thiếu chữ ký'],
        resubmitBefore,
      },
    };
  },
  accepted(): NominationEvent {
    return { type: 'NominationAccepted', data: base('2021-05-13T02:00:00.000Z', REVIEWER) };
  },
  approved(): NominationEvent {
    return { type: 'NominationApproved', data: base('2021-05-20T02:00:00.000Z', REVIEWER) };
  },
  notApproved(): NominationEvent {
    return { type: 'NominationNotApproved', data: base('2021-05-20T02:00:00.000Z', REVIEWER) };
  },
  awarded(decisionId = 'qd-1'): NominationEvent {
    return {
      type: 'NominationAwarded',
      data: {
        ...base('2021-05-25T02:00:00.000Z', REVIEWER),
        decisionId,
        decisionNumber: '45/QĐ-SKHCN',
      },
    };
  },
  proposed(proposalId = 'tt-1'): NominationEvent {
    return {
      type: 'NominationProposed',
      data: { ...base('2021-05-25T02:00:00.000Z', REVIEWER), proposalId },
    };
  },
  withdrawn(): NominationEvent {
    return {
      type: 'NominationWithdrawn',
      data: { ...base('2021-05-06T02:00:00.000Z'), reason: '' },
    };
  },
  holdFlagged(hold: HoldFacts = HOLD): NominationEvent {
    return {
      type: 'NominationHoldFlagged',
      data: { ...base('2021-05-06T02:00:00.000Z', null), ...hold },
    };
  },
};

/** A complete draft of Nguyễn Thị Lan, every unit-stage document attached. */
export function completeDraft(): NominationState {
  return given([history.drafted(), ...history.allAttached()]);
}

/** A dossier through `submitted` and the review `events` after it. */
export function submittedThen(...events: NominationEvent[]): NominationState {
  return given([history.drafted(), ...history.allAttached(), history.submitted(), ...events]);
}
