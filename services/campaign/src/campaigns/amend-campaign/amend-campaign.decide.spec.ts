import { refusalOf } from '@ttkt/testing';
import { CAMPAIGN_ID, given, history } from '../../../test/support/plan-fixture';
import { evolveCampaign, type ExistingCampaign } from '../campaign.state';
import { toCampaignView } from '../campaign.view';
import { decideAmendCampaign, type AmendCampaign } from './amend-campaign.decide';

const command: AmendCampaign = {
  type: 'AmendCampaign',
  campaignId: CAMPAIGN_ID,
  reason: 'Lùi hạn do dịch Covid-19',
  changes: {
    awardForms: [{ code: 'GIAY_KHEN_GD_SO', quotaMax: 4, unitStageBefore: '2021-05-15' }],
  },
  actor: { kind: 'user', id: 'giam-doc' },
  now: new Date('2021-05-01T01:00:00.000Z'),
};
const issued = () => given([history.drafted(), history.issueRequested(), history.issued()]);

describe('amending an issued plan', () => {
  it('records the new quota and deadline with default wording; views show the amended values', () => {
    const events = decideAmendCampaign(command, issued());
    expect(events[0]?.type).toBe('CampaignAmended');
    const state = events.reduce(evolveCampaign, issued()) as ExistingCampaign;
    const view = toCampaignView(state);
    expect(view.awardForms[0]?.quota.max).toBe(4);
    expect(view.awardForms[0]?.unitStage).toEqual(
      expect.objectContaining({
        before: '2021-05-15',
        beforeWording: 'trước ngày 15/5/2021',
        cutoff: '2021-05-15T00:00:00+07:00',
      }),
    );
    expect(view.amendments).toEqual([
      {
        reason: 'Lùi hạn do dịch Covid-19',
        changes: {
          awardForms: [
            {
              code: 'GIAY_KHEN_GD_SO',
              quotaMax: 4,
              unitStageBefore: '2021-05-15',
              unitStageBeforeWording: 'trước ngày 15/5/2021',
            },
          ],
        },
        amendedAt: '2021-05-01T01:00:00.000Z',
        amendedBy: { kind: 'user', id: 'giam-doc' },
      },
    ]);
  });

  it('refuses an unknown form, a proposal deadline on a form without one, and a unit stage past the proposal stage', () => {
    const refusal = refusalOf(() =>
      decideAmendCampaign(
        {
          ...command,
          changes: {
            awardForms: [
              { code: 'KHONG_CO', quotaMax: 1 },
              { code: 'GIAY_KHEN_GD_SO', proposalStageBefore: '2021-06-01' },
            ],
          },
        },
        issued(),
      ),
    );
    expect(refusal.errors).toEqual([
      { path: 'changes.awardForms[0].code', message: 'unknownAwardForm' },
      { path: 'changes.awardForms[1].proposalStageBefore', message: 'proposalStageNotAllowed' },
    ]);
    expect(
      refusalOf(() =>
        decideAmendCampaign(
          {
            ...command,
            changes: {
              awardForms: [{ code: 'BANG_KHEN_CT_UBND_TINH', unitStageBefore: '2021-06-05' }],
            },
          },
          issued(),
        ),
      ).errors,
    ).toEqual([{ path: 'changes.awardForms[0].unitStageBefore', message: 'afterProposalStage' }]);
  });

  it('refuses a deadline moved before the plan’s issue date (30/3/2021), and takes that day', () => {
    expect(
      refusalOf(() =>
        decideAmendCampaign(
          {
            ...command,
            changes: {
              awardForms: [
                { code: 'GIAY_KHEN_GD_SO', unitStageBefore: '2021-03-29' },
                { code: 'BANG_KHEN_CT_UBND_TINH', proposalStageBefore: '2020-12-31' },
              ],
            },
          },
          issued(),
        ),
      ).errors,
    ).toEqual([
      { path: 'changes.awardForms[0].unitStageBefore', message: 'beforeIssuedOn' },
      { path: 'changes.awardForms[1].proposalStageBefore', message: 'beforeIssuedOn' },
    ]);
    expect(
      decideAmendCampaign(
        {
          ...command,
          changes: { awardForms: [{ code: 'GIAY_KHEN_GD_SO', unitStageBefore: '2021-03-30' }] },
        },
        issued(),
      ),
    ).toHaveLength(1);
  });

  it('refuses a quota above the largest a plan may have', () => {
    expect(
      refusalOf(() =>
        decideAmendCampaign(
          {
            ...command,
            changes: { awardForms: [{ code: 'GIAY_KHEN_GD_SO', quotaMax: 1e9 }] },
          },
          issued(),
        ),
      ).errors,
    ).toEqual([{ path: 'changes.awardForms[0].quotaMax', message: 'max' }]);
  });

  it('needs a reason and an issued plan', () => {
    expect(
      refusalOf(() => decideAmendCampaign({ ...command, reason: '' }, issued())).errors,
    ).toEqual([{ path: 'reason', message: 'isNotEmpty' }]);
    expect(refusalOf(() => decideAmendCampaign(command, given([history.drafted()]))).code).toBe(
      'invalid-state',
    );
  });
});
