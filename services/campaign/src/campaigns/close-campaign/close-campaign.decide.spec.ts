import { refusalOf } from '@ttkt/testing';
import { CAMPAIGN_ID, given, history } from '../../../test/support/plan-fixture';
import { decideCloseCampaign, type CloseCampaign } from './close-campaign.decide';

const command: CloseCampaign = {
  type: 'CloseCampaign',
  campaignId: CAMPAIGN_ID,
  now: new Date('2021-06-01T01:00:00.000Z'),
};

describe('closing a campaign', () => {
  it('closes an issued campaign', () => {
    expect(
      decideCloseCampaign(
        command,
        given([history.drafted(), history.issueRequested(), history.issued()]),
      ),
    ).toEqual([history.closed()]);
  });

  it('refuses a draft and a closed campaign', () => {
    expect(refusalOf(() => decideCloseCampaign(command, given([history.drafted()]))).code).toBe(
      'invalid-state',
    );
    const closed = given([
      history.drafted(),
      history.issueRequested(),
      history.issued(),
      history.closed(),
    ]);
    expect(refusalOf(() => decideCloseCampaign(command, closed)).code).toBe('invalid-state');
  });
});
