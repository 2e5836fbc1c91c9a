import { refusalOf } from '@ttkt/testing';
import { evolveCampaign, initialCampaignState } from '../campaign.state';
import type { CampaignEvent } from '../campaign.events';
import { decideDraftCampaign, type DraftCampaign } from './draft-campaign.decide';

const now = new Date('2021-03-01T02:00:00.000Z');
const command: DraftCampaign = {
  type: 'DraftCampaign',
  campaignId: '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11',
  agencyId: 'skhcn-bac-kan',
  title: 'Tổ chức đợt thi đua',
  plan: { period: { from: '2021-02-04', to: '2021-05-10' } },
  now,
};

function given(events: CampaignEvent[]) {
  return events.reduce(evolveCampaign, initialCampaignState());
}

describe('drafting a campaign', () => {
  describe('when no campaign has the id', () => {
    it('records the draft with the clock’s instant', () => {
      expect(decideDraftCampaign(command, given([]))).toEqual([
        {
          type: 'CampaignDrafted',
          data: {
            campaignId: command.campaignId,
            agencyId: 'skhcn-bac-kan',
            title: 'Tổ chức đợt thi đua',
            plan: command.plan,
            draftedAt: '2021-03-01T02:00:00.000Z',
          },
        },
      ]);
    });

    it('stores the title in NFC, whatever form it was sent in', () => {
      const nfd = 'Tổ chức đợt thi đua'.normalize('NFD');
      const [event] = decideDraftCampaign({ ...command, title: ` ${nfd} ` }, given([]));
      expect(event?.data.title).toBe('Tổ chức đợt thi đua'.normalize('NFC'));
    });

    it('refuses a blank title as validation-failed at the path title', () => {
      expect(() => decideDraftCampaign({ ...command, title: '   ' }, given([]))).toThrow(
        expect.objectContaining({
          code: 'validation-failed',
          errors: [{ path: 'title', message: 'isNotEmpty' }],
        }) as Error,
      );
    });
  });

  describe('when the campaign was already drafted', () => {
    it('refuses a second draft with the same id as invalid-state', () => {
      const drafted = decideDraftCampaign(command, given([]));
      expect(refusalOf(() => decideDraftCampaign(command, given(drafted))).code).toBe(
        'invalid-state',
      );
    });
  });
});
