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
  now: new Date('2021-03-30T01:00:00.000Z'),
};

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
