import { refusalOf } from '@ttkt/testing';
import { draftInput, given, KNOWN_DIRECTORY } from '../../../test/support/plan-fixture';
import { decideDraftCampaign, type DraftCampaign } from './draft-campaign.decide';

const now = new Date('2021-03-01T02:00:00.000Z');
const command: DraftCampaign = {
  type: 'DraftCampaign',
  campaignId: '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11',
  ...draftInput(),
  directory: KNOWN_DIRECTORY,
  now,
};

describe('drafting a campaign', () => {
  describe('when no campaign has the id', () => {
    it('records the whole plan of the fixture with the clock’s instant', () => {
      expect(decideDraftCampaign(command, given([]))).toEqual([
        {
          type: 'CampaignDrafted',
          data: {
            campaignId: command.campaignId,
            agencyId: 'skhcn-bac-kan',
            title: command.title,
            plan: command.plan,
            draftedAt: '2021-03-01T02:00:00.000Z',
          },
        },
      ]);
    });

    it('stores the title and the plan’s texts in NFC, whatever form they were sent in', () => {
      const nfd = 'Tổ chức đợt thi đua'.normalize('NFD');
      const [event] = decideDraftCampaign(
        { ...command, title: ` ${nfd} `, plan: { ...command.plan, closing: nfd } },
        given([]),
      );
      if (event?.type !== 'CampaignDrafted') throw new Error('expected a draft');
      expect(event.data.title).toBe('Tổ chức đợt thi đua'.normalize('NFC'));
      expect(event.data.plan.closing).toBe('Tổ chức đợt thi đua'.normalize('NFC'));
    });

    it('refuses a blank title as validation-failed at the path title', () => {
      expect(refusalOf(() => decideDraftCampaign({ ...command, title: '   ' }, given([])))).toEqual(
        expect.objectContaining({
          code: 'validation-failed',
          errors: [{ path: 'title', message: 'isNotEmpty' }],
        }),
      );
    });

    it('refuses a plan whose agency the directory does not know', () => {
      const refusal = refusalOf(() =>
        decideDraftCampaign(
          { ...command, directory: { agencyExists: false, unitCodes: new Set() } },
          given([]),
        ),
      );
      expect(refusal.errors).toEqual([{ path: 'agencyId', message: 'unknownAgency' }]);
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
