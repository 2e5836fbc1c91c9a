import { refusalOf } from '@ttkt/testing';
import {
  CAMPAIGN_ID,
  given,
  history,
  NOMINATION_ID,
  SECRETARIAT,
  then,
} from '../dossier.spec-fixture';
import { decideAccept, type AcceptDossier } from './accept-dossier.decide';

const command: AcceptDossier = {
  type: 'AcceptDossier',
  nominationId: NOMINATION_ID,
  actor: SECRETARIAT,
  now: new Date('2021-05-13T09:00:00+07:00'),
};

describe('accepting a dossier', () => {
  it('accepts a submitted dossier', () => {
    const state = given([history.received()]);
    const events = decideAccept(command, state);
    expect(events).toEqual([
      {
        type: 'DossierAccepted',
        data: {
          nominationId: NOMINATION_ID,
          campaignId: CAMPAIGN_ID,
          at: '2021-05-13T02:00:00.000Z',
          by: SECRETARIAT,
        },
      },
    ]);
    expect(then(state, events)).toEqual(
      expect.objectContaining({ status: 'accepted', version: 2 }),
    );
  });

  it('accepts a resubmitted dossier', () => {
    const state = given([history.received(), history.returned(), history.received(true)]);
    expect(decideAccept(command, state)).toHaveLength(1);
  });

  it('refuses a dossier review has not received (not-found)', () => {
    expect(refusalOf(() => decideAccept(command, given([])))).toEqual(
      expect.objectContaining({ code: 'not-found', params: { nominationId: NOMINATION_ID } }),
    );
  });

  it.each([
    ['accepted', [history.received(), history.accepted()]],
    ['returned', [history.received(), history.returned()]],
    ['withdrawn', [history.received(), history.withdrawn()]],
  ])('refuses a %s dossier (invalid-state)', (status, events) => {
    expect(refusalOf(() => decideAccept(command, given(events)))).toEqual(
      expect.objectContaining({
        code: 'invalid-state',
        params: { nominationId: NOMINATION_ID, status },
      }),
    );
  });
});
