import { given, history, REQUEST_ID } from '../../../test/support/plan-fixture';
import { evolveCampaign } from '../campaign.state';
import {
  decideNumberAssigned,
  decideNumberRefused,
  type RecordNumberAssigned,
  type RecordNumberRefused,
} from './register-answers.decide';

const now = new Date('2021-03-30T01:00:02.000Z');
const assigned: RecordNumberAssigned = {
  type: 'RecordNumberAssigned',
  requestId: REQUEST_ID,
  agencyId: 'skhcn-bac-kan',
  year: 2021,
  number: 27,
  formatted: '27/KH-SKHCN',
  issuedOn: '2021-03-30',
  assignedAt: '2021-03-30T01:00:01.000Z',
  now,
};
const refused: RecordNumberRefused = {
  type: 'RecordNumberRefused',
  requestId: REQUEST_ID,
  code: 'register-number-taken',
  params: { number: 27 },
  now,
};

describe('the register’s answers', () => {
  describe('given a campaign waiting for the number of its request', () => {
    const issuing = () => given([history.drafted(), history.issueRequested()]);

    it('issues the plan under the assigned number', () => {
      const events = decideNumberAssigned(assigned, issuing());
      expect(events).toEqual([history.issued()]);
      const state = events.reduce(evolveCampaign, issuing());
      expect(state.status).toBe('issued');
    });

    it('goes back to draft with the register’s code on a refusal', () => {
      const events = decideNumberRefused(refused, issuing());
      expect(events).toEqual([
        {
          type: 'CampaignIssueRefused',
          data: {
            campaignId: expect.any(String) as string,
            agencyId: 'skhcn-bac-kan',
            requestId: REQUEST_ID,
            code: 'register-number-taken',
            params: { number: 27 },
            refusedAt: now.toISOString(),
          },
        },
      ]);
      expect(events.reduce(evolveCampaign, issuing()).status).toBe('draft');
    });

    it('releases a number assigned to an older request', () => {
      const [event] = decideNumberAssigned({ ...assigned, requestId: 'older' }, issuing());
      expect(event?.type === 'CampaignIssueNumberReleased' && event.data.reason).toBe(
        'Kế hoạch đã xin cấp số khác (yêu cầu bị thay thế)',
      );
    });
  });

  describe('given a cancelled request', () => {
    const cancelled = () =>
      given([history.drafted(), history.issueRequested(), history.cancelled()]);

    it('releases the late number with the reason, once', () => {
      const events = decideNumberAssigned(assigned, cancelled());
      expect(events).toEqual([
        {
          type: 'CampaignIssueNumberReleased',
          data: {
            campaignId: expect.any(String) as string,
            agencyId: 'skhcn-bac-kan',
            requestId: REQUEST_ID,
            year: 2021,
            number: 27,
            formatted: '27/KH-SKHCN',
            reason: 'Huỷ ban hành: Ký nhầm ngày',
            releasedAt: now.toISOString(),
          },
        },
      ]);
      const after = events.reduce(evolveCampaign, cancelled());
      expect(after.status).toBe('draft');
      expect(decideNumberAssigned(assigned, after)).toEqual([]);
    });

    it('ignores a refusal of it', () => {
      expect(decideNumberRefused(refused, cancelled())).toEqual([]);
    });
  });

  it('ignores a repeated assignment of the number it was issued under', () => {
    const issued = given([history.drafted(), history.issueRequested(), history.issued()]);
    expect(decideNumberAssigned(assigned, issued)).toEqual([]);
  });

  it('releases a number for a campaign that is closed', () => {
    const closed = given([
      history.drafted(),
      history.issueRequested(),
      history.issued(),
      history.closed(),
    ]);
    const [event] = decideNumberAssigned({ ...assigned, requestId: 'another' }, closed);
    expect(event?.type === 'CampaignIssueNumberReleased' && event.data.reason).toBe(
      'Kế hoạch đã được ban hành với số khác',
    );
  });
});
