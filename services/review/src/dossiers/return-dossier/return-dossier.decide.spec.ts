import { refusalOf } from '@ttkt/testing';
import {
  CAMPAIGN_ID,
  given,
  history,
  NOMINATION_ID,
  SECRETARIAT,
  then,
} from '../dossier.spec-fixture';
import { decideReturn, localDateOf, type ReturnDossier } from './return-dossier.decide';

const command: ReturnDossier = {
  type: 'ReturnDossier',
  nominationId: NOMINATION_ID,
  reasons: [' Thiếu biên bản họp xét '.normalize('NFD')],
  resubmitBefore: null,
  actor: SECRETARIAT,
  // 23:30 on 13/5/2021 in Hà Nội: already the 13th locally, the 13th in UTC too.
  now: new Date('2021-05-13T23:30:00+07:00'),
};

describe('returning a dossier', () => {
  it('returns a submitted dossier with its reasons in NFC, the unit stage deadline holding', () => {
    const state = given([history.received()]);
    const events = decideReturn(command, state);
    expect(events).toEqual([
      {
        type: 'DossierReturned',
        data: {
          nominationId: NOMINATION_ID,
          campaignId: CAMPAIGN_ID,
          at: '2021-05-13T16:30:00.000Z',
          by: SECRETARIAT,
          reasons: ['Thiếu biên bản họp xét'],
          resubmitBefore: null,
        },
      },
    ]);
    expect(then(state, events).status).toBe('returned');
  });

  it('records a later deadline as 00:00 Asia/Ho_Chi_Minh of that day', () => {
    const [event] = decideReturn(
      { ...command, resubmitBefore: '2021-05-20' },
      given([history.received()]),
    );
    expect(event?.data).toEqual(
      expect.objectContaining({ resubmitBefore: '2021-05-19T17:00:00.000Z' }),
    );
  });

  it('takes tomorrow (local) as the earliest deadline', () => {
    expect(localDateOf(command.now)).toBe('2021-05-13');
    expect(
      decideReturn({ ...command, resubmitBefore: '2021-05-14' }, given([history.received()])),
    ).toHaveLength(1);
    // 00:30 on 14/5 local is still 13/5 in UTC: "today" is the local day.
    const late = new Date('2021-05-14T00:30:00+07:00');
    expect(
      refusalOf(() =>
        decideReturn(
          { ...command, now: late, resubmitBefore: '2021-05-14' },
          given([history.received()]),
        ),
      ).errors,
    ).toEqual([{ path: 'resubmitBefore', message: 'mustBeAfterToday' }]);
  });

  it.each(['2021-05-13', '2021-05-01'])('refuses a deadline of today or before (%s)', (date) => {
    const refusal = refusalOf(() =>
      decideReturn({ ...command, resubmitBefore: date }, given([history.received()])),
    );
    expect(refusal.code).toBe('validation-failed');
    expect(refusal.errors).toEqual([{ path: 'resubmitBefore', message: 'mustBeAfterToday' }]);
  });

  it('refuses a date that does not exist', () => {
    const refusal = refusalOf(() =>
      decideReturn({ ...command, resubmitBefore: '2021-02-30' }, given([history.received()])),
    );
    expect(refusal.code).toBe('validation-failed');
    expect(refusal.errors).toEqual([{ path: 'resubmitBefore', message: 'isDate' }]);
  });

  it('refuses a blank reason', () => {
    const refusal = refusalOf(() =>
      decideReturn({ ...command, reasons: ['Thiếu', '  '] }, given([history.received()])),
    );
    expect(refusal.code).toBe('validation-failed');
    expect(refusal.errors).toEqual([{ path: 'reasons[1]', message: 'isNotEmpty' }]);
  });

  it('refuses a dossier review has not received (not-found)', () => {
    expect(refusalOf(() => decideReturn(command, given([]))).code).toBe('not-found');
  });

  it.each([
    ['accepted', [history.received(), history.accepted()]],
    ['returned', [history.received(), history.returned()]],
  ])('refuses a %s dossier (invalid-state)', (status, events) => {
    expect(refusalOf(() => decideReturn(command, given(events)))).toEqual(
      expect.objectContaining({
        code: 'invalid-state',
        params: { nominationId: NOMINATION_ID, status },
      }),
    );
  });
});
