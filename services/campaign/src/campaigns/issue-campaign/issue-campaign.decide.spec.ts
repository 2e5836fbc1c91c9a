import { MAX_REGISTER_NUMBER } from '@ttkt/contracts';
import { refusalOf } from '@ttkt/testing';
import { CAMPAIGN_ID, given, history, REQUEST_ID } from '../../../test/support/plan-fixture';
import { decideIssueCampaign, type IssueCampaign } from './issue-campaign.decide';

const command: IssueCampaign = {
  type: 'IssueCampaign',
  campaignId: CAMPAIGN_ID,
  requestId: REQUEST_ID,
  issuedOn: '2021-03-30',
  registerNumber: null,
  agencyCode: 'SKHCN',
  agencyValidity: { validFrom: null, validUntil: '2025-06-30' },
  now: new Date('2021-03-30T01:00:00.000Z'),
};

/** The issue's validation errors for `change` to the command. */
function errorsOf(change: Partial<IssueCampaign>) {
  return refusalOf(() => decideIssueCampaign({ ...command, ...change }, given([history.drafted()])))
    .errors;
}

describe('issuing a campaign', () => {
  it('records the request with the agency’s code and a fresh request id', () => {
    expect(decideIssueCampaign(command, given([history.drafted()]))).toEqual([
      history.issueRequested(),
    ]);
  });

  it('keeps a number chosen by hand', () => {
    const [event] = decideIssueCampaign(
      { ...command, registerNumber: 27 },
      given([history.drafted()]),
    );
    expect(event).toEqual(history.issueRequested(REQUEST_ID, 27));
  });

  it('refuses a date that is no calendar date, and a number below 1', () => {
    expect(
      refusalOf(() =>
        decideIssueCampaign(
          { ...command, issuedOn: '2021-02-30', registerNumber: 0 },
          given([history.drafted()]),
        ),
      ).errors,
    ).toEqual([
      { path: 'issuedOn', message: 'isDateString' },
      { path: 'registerNumber', message: 'min' },
    ]);
  });

  it('refuses a date after today in Asia/Ho_Chi_Minh, and takes today there', () => {
    // 17:30 UTC on 29 March is 00:30 on 30 March in Hà Nội.
    const now = new Date('2021-03-29T17:30:00.000Z');
    expect(errorsOf({ now, issuedOn: '2021-03-31' })).toEqual([
      { path: 'issuedOn', message: 'maxDate' },
    ]);
    expect(errorsOf({ now, issuedOn: '2099-06-01' })).toEqual([
      { path: 'issuedOn', message: 'maxDate' },
    ]);
    expect(errorsOf({ now, issuedOn: '3000-01-01' })).toEqual([
      { path: 'issuedOn', message: 'maxDate' },
    ]);
    expect(
      decideIssueCampaign({ ...command, now, issuedOn: '2021-03-30' }, given([history.drafted()])),
    ).toHaveLength(1);
  });

  it('refuses a date before 1900-01-01', () => {
    expect(errorsOf({ issuedOn: '1899-12-31' })).toEqual([
      { path: 'issuedOn', message: 'minDate' },
    ]);
    expect(
      decideIssueCampaign({ ...command, issuedOn: '1900-01-01' }, given([history.drafted()])),
    ).toHaveLength(1);
  });

  it('refuses a date on which the agency did not exist', () => {
    const thaiNguyen = { validFrom: '2025-07-01', validUntil: null };
    const now = new Date('2025-08-01T01:00:00.000Z');
    expect(errorsOf({ now, agencyValidity: thaiNguyen, issuedOn: '2021-03-30' })).toEqual([
      { path: 'issuedOn', message: 'agencyNotInForce' },
    ]);
    expect(errorsOf({ now, agencyValidity: thaiNguyen, issuedOn: '2025-06-30' })).toEqual([
      { path: 'issuedOn', message: 'agencyNotInForce' },
    ]);
    expect(
      decideIssueCampaign(
        { ...command, now, agencyValidity: thaiNguyen, issuedOn: '2025-07-01' },
        given([history.drafted()]),
      ),
    ).toHaveLength(1);
    // Bắc Kạn's department ended on 30 June 2025.
    expect(errorsOf({ now, issuedOn: '2025-07-01' })).toEqual([
      { path: 'issuedOn', message: 'agencyNotInForce' },
    ]);
  });

  it('refuses a number above the register’s largest, and one that is not an integer', () => {
    expect(errorsOf({ registerNumber: 9007199254740991 })).toEqual([
      { path: 'registerNumber', message: 'max' },
    ]);
    expect(errorsOf({ registerNumber: MAX_REGISTER_NUMBER + 1 })).toEqual([
      { path: 'registerNumber', message: 'max' },
    ]);
    expect(errorsOf({ registerNumber: 1.5 })).toEqual([
      { path: 'registerNumber', message: 'isInt' },
    ]);
    expect(
      decideIssueCampaign(
        { ...command, registerNumber: MAX_REGISTER_NUMBER },
        given([history.drafted()]),
      ),
    ).toHaveLength(1);
  });

  it('refuses while issuing, once issued, and an unknown campaign', () => {
    expect(
      refusalOf(() =>
        decideIssueCampaign(command, given([history.drafted(), history.issueRequested()])),
      ).code,
    ).toBe('invalid-state');
    expect(
      refusalOf(() =>
        decideIssueCampaign(
          command,
          given([history.drafted(), history.issueRequested(), history.issued()]),
        ),
      ).code,
    ).toBe('invalid-state');
    expect(refusalOf(() => decideIssueCampaign(command, given([]))).code).toBe('not-found');
  });

  it('issues again after a cancelled request', () => {
    const state = given([history.drafted(), history.issueRequested(), history.cancelled()]);
    expect(decideIssueCampaign({ ...command, requestId: 'second' }, state)).toHaveLength(1);
  });
});
