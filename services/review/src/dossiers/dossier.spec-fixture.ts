/*
 * Shared givens of the review dossier decider specs (pure; imported by `*.spec.ts` only): a
 * dossier of the Bắc Kạn plan's Giấy khen form as nomination submitted it, and its stored events.
 */
import type { DossierActor, DossierEvent } from './dossier.events';
import { foldDossier, type DossierState, type ReviewDossier } from './dossier.state';

export const NOMINATION_ID = '3c9a1f52-8d0e-4b7a-9f16-2e4d5c6b7a81';
export const CAMPAIGN_ID = '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11';
export const AGENCY_ID = 'skhcn-bac-kan';
export const FORM = 'GIAY_KHEN_GD_SO';
export const SECRETARIAT: DossierActor = { kind: 'user', id: 'u-secretariat' };
export const UNIT_USER: DossierActor = { kind: 'user', id: 'u-unit' };
export const AT = '2021-05-13T02:00:00.000Z';

const facts = (at = AT, by: DossierActor | null = SECRETARIAT) => ({
  nominationId: NOMINATION_ID,
  campaignId: CAMPAIGN_ID,
  at,
  by,
});

/** Stored events, in the order a dossier meets them. */
export const history = {
  received: (resubmission = false): DossierEvent => ({
    type: 'DossierReceived',
    data: {
      ...facts('2021-05-06T02:00:00.000Z', UNIT_USER),
      agencyId: AGENCY_ID,
      awardFormCode: FORM,
      nominatingUnitId: 'u-ttud',
      nomineeRef: { kind: 'individual', personId: 'p-lan' },
      nominee: {
        kind: 'individual',
        fullName: 'Nguyễn Thị Lan',
        dateOfBirth: '1985-03-14',
        gender: 'female',
        position: 'Kỹ sư',
        unitId: 'u-pkt',
        unitName: 'Phòng Kỹ thuật',
      },
      achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ',
      resubmission,
    },
  }),
  accepted: (): DossierEvent => ({ type: 'DossierAccepted', data: facts() }),
  returned: (): DossierEvent => ({
    type: 'DossierReturned',
    data: { ...facts(), reasons: ['Thiếu biên bản'], resubmitBefore: null },
  }),
  approved: (sessionId = 's-1'): DossierEvent => ({
    type: 'DossierApproved',
    data: { ...facts(), sessionId },
  }),
  notApproved: (): DossierEvent => ({
    type: 'DossierNotApproved',
    data: { ...facts(), cause: 'vote', refId: 's-1' },
  }),
  awarded: (decisionId = 'd-1'): DossierEvent => ({
    type: 'DossierAwarded',
    data: { ...facts(), decisionId, decisionNumber: '05/QĐ-SKHCN' },
  }),
  proposed: (proposalId = 'p-1'): DossierEvent => ({
    type: 'DossierProposed',
    data: { ...facts(), proposalId },
  }),
  revoked: (decisionId = 'd-1'): DossierEvent => ({
    type: 'DossierAwardRevoked',
    data: { ...facts(), decisionId },
  }),
  withdrawn: (): DossierEvent => ({
    type: 'DossierWithdrawn',
    data: { ...facts(AT, UNIT_USER), reason: '' },
  }),
};

/** The state after some stored events. */
export function given(events: DossierEvent[]): DossierState {
  return foldDossier(events);
}

/** The state after `events` applied to `state`. */
export function then(state: DossierState, events: DossierEvent[]): DossierState {
  return foldDossier(events, state);
}

/** The dossier (it exists) after some stored events. */
export function dossier(events: DossierEvent[]): ReviewDossier {
  const state = given(events);
  if (state.status === 'none') throw new Error('the givens leave no dossier');
  return state;
}
