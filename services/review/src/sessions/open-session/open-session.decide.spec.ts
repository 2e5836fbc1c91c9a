import { refusalOf } from '@ttkt/testing';
import {
  AGENCY_ID,
  CAMPAIGN_ID,
  CHAIR,
  MEMBERS,
  OPEN_FORM,
  SECRETARIAT,
  SECRET_FORM,
  SESSION_ID,
  STRANGER,
  at,
  campaign,
  council,
  dossier,
  given,
  rules,
  session,
} from '../session.spec-fixture';
import type { AgendaDossier } from '../session.events';
import { decideOpenSession, type OpenSession } from './open-session.decide';

function command(overrides: Partial<OpenSession> = {}): OpenSession {
  return {
    type: 'OpenSession',
    sessionId: SESSION_ID,
    campaignId: CAMPAIGN_ID,
    heldOn: '2021-05-20',
    presentUserIds: MEMBERS.slice(0, 4),
    awardFormCodes: [OPEN_FORM, SECRET_FORM],
    campaign: campaign(),
    councils: [council()],
    accepted: {
      [OPEN_FORM]: [dossier('n-lan'), dossier('n-minh')],
      [SECRET_FORM]: [dossier('n-tuan')],
    },
    actor: SECRETARIAT,
    now: at('2021-05-20T08:30:00+07:00'),
    ...overrides,
  };
}

describe('opening a session', () => {
  it('copies the council in force, and puts each form’s accepted dossiers on the agenda', () => {
    const events = decideOpenSession(command(), given([]));
    expect(events).toEqual([
      {
        type: 'SessionOpened',
        data: {
          sessionId: SESSION_ID,
          campaignId: CAMPAIGN_ID,
          agencyId: AGENCY_ID,
          heldOn: '2021-05-20',
          council: {
            chairUserId: CHAIR,
            secretaryUserId: MEMBERS[1],
            memberUserIds: MEMBERS,
            rules: rules(),
          },
          presentUserIds: MEMBERS.slice(0, 4),
          agenda: [
            {
              awardFormCode: OPEN_FORM,
              awardFormName: 'Giấy khen của Giám đốc Sở',
              quota: 2,
              threshold: { fraction: '1/2', of: 'present' },
              secretBallot: false,
              dossiers: [dossier('n-lan'), dossier('n-minh')],
            },
            {
              awardFormCode: SECRET_FORM,
              awardFormName: 'Bằng khen của Chủ tịch UBND tỉnh',
              quota: 1,
              threshold: { fraction: '2/3', of: 'all-members' },
              secretBallot: true,
              dossiers: [dossier('n-tuan')],
            },
          ],
          at: '2021-05-20T01:30:00.000Z',
          by: SECRETARIAT,
        },
      },
    ]);
    expect(session(events).status).toBe('open');
  });

  it('applies the default threshold to a form without its own', () => {
    const withDefault = council({
      rules: rules({
        thresholds: [
          { awardFormCode: OPEN_FORM, fraction: '1/2', of: 'present', secretBallot: false },
          { fraction: '3/4', of: 'participants', secretBallot: true },
        ],
      }),
    });
    const [event] = decideOpenSession(
      command({
        councils: [withDefault],
        awardFormCodes: ['CHIEN_SI_THI_DUA'],
        accepted: { CHIEN_SI_THI_DUA: [dossier('n-hoa')] },
      }),
      given([]),
    );
    if (event?.type !== 'SessionOpened') throw new Error('expected SessionOpened');
    expect(event.data.agenda[0]).toEqual(
      expect.objectContaining({
        threshold: { fraction: '3/4', of: 'participants' },
        secretBallot: true,
        dossiers: [dossier('n-hoa')],
      }),
    );
  });

  it('refuses a form with no accepted dossier to vote on: invalid-state (no-dossiers)', () => {
    const lanOnly: Record<string, AgendaDossier[]> = { [OPEN_FORM]: [dossier('n-lan')] };
    for (const accepted of [lanOnly, { ...lanOnly, [SECRET_FORM]: [] }]) {
      const refusal = refusalOf(() => decideOpenSession(command({ accepted }), given([])));
      expect(refusal.code).toBe('invalid-state');
      expect(refusal.params).toEqual({ reason: 'no-dossiers', awardFormCode: SECRET_FORM });
    }
  });

  it('refuses a form without any threshold: validation-failed at its index', () => {
    const refusal = refusalOf(() =>
      decideOpenSession(command({ awardFormCodes: [OPEN_FORM, 'CHIEN_SI_THI_DUA'] }), given([])),
    );
    expect(refusal.code).toBe('validation-failed');
    expect(refusal.errors).toEqual([{ path: 'awardFormCodes[1]', message: 'noThreshold' }]);
  });

  it('refuses a form not in the plan: unknown-award-form', () => {
    const refusal = refusalOf(() =>
      decideOpenSession(command({ awardFormCodes: ['KHAC'] }), given([])),
    );
    expect(refusal.code).toBe('unknown-award-form');
    expect(refusal.params).toEqual({ awardFormCode: 'KHAC' });
  });

  it('refuses someone present who is not a member: not-a-council-member', () => {
    const refusal = refusalOf(() =>
      decideOpenSession(command({ presentUserIds: [CHAIR, STRANGER] }), given([])),
    );
    expect(refusal.code).toBe('not-a-council-member');
    expect(refusal.params).toEqual({ userId: STRANGER });
  });

  it('refuses an unknown or closed campaign: campaign-not-open', () => {
    for (const known of [null, campaign({ status: 'closed' })]) {
      expect(refusalOf(() => decideOpenSession(command({ campaign: known }), given([]))).code).toBe(
        'campaign-not-open',
      );
    }
  });

  it('refuses an invalid date: validation-failed', () => {
    const refusal = refusalOf(() =>
      decideOpenSession(command({ heldOn: '2021-02-30' }), given([])),
    );
    expect(refusal.errors).toEqual([{ path: 'heldOn', message: 'isDateString' }]);
  });

  it('records nothing when the same session is opened again, refuses another under its id', () => {
    const opened = decideOpenSession(command(), given([]));
    expect(decideOpenSession(command(), given(opened))).toEqual([]);
    const refusal = refusalOf(() =>
      decideOpenSession(command({ heldOn: '2021-05-21' }), given(opened)),
    );
    expect(refusal.code).toBe('invalid-state');
  });
});

describe('the rules in force on the session’s day', () => {
  const first = council({ rules: rules({ quorum: '1/2', effectiveFrom: '2021-01-01' }) });
  const later = council({
    chairUserId: MEMBERS[2] ?? '',
    rules: rules({ quorum: '3/4', effectiveFrom: '2021-05-21' }),
    configuredAt: '2021-01-03T02:00:00.000Z',
  });
  const sameDay = council({
    rules: rules({ quorum: '4/5', effectiveFrom: '2021-01-01' }),
    configuredAt: '2021-04-01T02:00:00.000Z',
  });

  function councilOf(overrides: Partial<OpenSession>) {
    const [event] = decideOpenSession(command(overrides), given([]));
    if (event?.type !== 'SessionOpened') throw new Error('expected SessionOpened');
    return event.data.council;
  }

  it('are those with the greatest effectiveFrom not after heldOn', () => {
    expect(councilOf({ councils: [first, later], heldOn: '2021-05-20' }).rules.quorum).toBe('1/2');
    const onTheDay = councilOf({ councils: [first, later], heldOn: '2021-05-21' });
    expect(onTheDay.rules.quorum).toBe('3/4');
    expect(onTheDay.chairUserId).toBe(MEMBERS[2]);
  });

  it('are the latest recorded among those of the same effectiveFrom', () => {
    expect(councilOf({ councils: [first, sameDay], heldOn: '2021-05-20' }).rules.quorum).toBe(
      '4/5',
    );
  });

  it('must exist: a session before any rules is invalid-state (no-council)', () => {
    const refusal = refusalOf(() =>
      decideOpenSession(command({ councils: [later], heldOn: '2021-05-20' }), given([])),
    );
    expect(refusal.code).toBe('invalid-state');
    expect(refusal.params).toEqual(expect.objectContaining({ reason: 'no-council' }));
  });
});
