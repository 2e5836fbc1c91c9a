import { refusalOf } from '@ttkt/testing';
import { CAMPAIGN_ID, given, history } from '../../../test/support/plan-fixture';
import { evolveCampaign } from '../campaign.state';
import { decideCancelIssue, type CancelIssue } from './cancel-issue.decide';

const command: CancelIssue = {
  type: 'CancelIssue',
  campaignId: CAMPAIGN_ID,
  reason: ' Ký nhầm ngày ',
  now: new Date('2021-03-30T01:05:00.000Z'),
};

describe('cancelling an issue', () => {
  it('puts an issuing campaign back to draft, remembering the request', () => {
    const issuing = given([history.drafted(), history.issueRequested()]);
    const events = decideCancelIssue(command, issuing);
    expect(events).toEqual([history.cancelled()]);
    const state = events.reduce(evolveCampaign, issuing);
    expect(state.status).toBe('draft');
  });

  it('needs a reason', () => {
    const issuing = given([history.drafted(), history.issueRequested()]);
    expect(refusalOf(() => decideCancelIssue({ ...command, reason: ' ' }, issuing)).errors).toEqual(
      [{ path: 'reason', message: 'isNotEmpty' }],
    );
  });

  it('refuses when nothing is being issued', () => {
    expect(refusalOf(() => decideCancelIssue(command, given([history.drafted()]))).code).toBe(
      'invalid-state',
    );
  });
});
