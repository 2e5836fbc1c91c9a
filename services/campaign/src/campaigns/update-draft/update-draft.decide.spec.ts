import { refusalOf } from '@ttkt/testing';
import { CAMPAIGN_ID, given, history, KNOWN_DIRECTORY } from '../../../test/support/plan-fixture';
import { evolveCampaign } from '../campaign.state';
import { decideUpdateDraft, type UpdateDraft } from './update-draft.decide';

const command: UpdateDraft = {
  type: 'UpdateDraft',
  campaignId: CAMPAIGN_ID,
  expectedVersion: 1,
  changes: { closing: 'Trên đây là Kế hoạch.'.normalize('NFD') },
  directory: KNOWN_DIRECTORY,
  now: new Date('2021-03-02T02:00:00.000Z'),
};

describe('updating a draft', () => {
  it('replaces the top-level fields given, in NFC, at the version read', () => {
    const events = decideUpdateDraft(command, given([history.drafted()]));
    expect(events).toEqual([
      {
        type: 'CampaignDraftUpdated',
        data: expect.objectContaining({
          changes: { closing: 'Trên đây là Kế hoạch.'.normalize('NFC') },
          updatedAt: '2021-03-02T02:00:00.000Z',
        }) as object,
      },
    ]);
    const state = events.reduce(evolveCampaign, given([history.drafted()]));
    expect(state.status === 'draft' && state.plan.closing).toBe('Trên đây là Kế hoạch.');
    expect(state.version).toBe(2);
  });

  it('changes the title', () => {
    const [event] = decideUpdateDraft(
      { ...command, changes: { title: ' Kế hoạch mới ' } },
      given([history.drafted()]),
    );
    expect(event?.type === 'CampaignDraftUpdated' && event.data.title).toBe('Kế hoạch mới');
  });

  it('refuses a stale version as precondition-failed', () => {
    expect(
      refusalOf(() =>
        decideUpdateDraft({ ...command, expectedVersion: 7 }, given([history.drafted()])),
      ).code,
    ).toBe('precondition-failed');
  });

  it('refuses a plan the change breaks, at the changed path', () => {
    const { awardForms } = (
      history.drafted().data as unknown as { plan: { awardForms: { quota: { max: number } }[] } }
    ).plan;
    awardForms[0]!.quota.max = 0;
    expect(
      refusalOf(() =>
        decideUpdateDraft({ ...command, changes: { awardForms } }, given([history.drafted()])),
      ).errors,
    ).toEqual([{ path: 'awardForms[0].quota.max', message: 'min' }]);
  });

  it('refuses to move the plan to another agency or to set its number', () => {
    expect(
      refusalOf(() =>
        decideUpdateDraft(
          { ...command, changes: { agencyId: 'x', planNumber: '1/KH' } },
          given([history.drafted()]),
        ),
      ).errors,
    ).toEqual([
      { path: 'agencyId', message: 'immutable' },
      { path: 'planNumber', message: 'whitelistValidation' },
    ]);
  });

  it('refuses anything but a draft as invalid-state, and an unknown campaign as not-found', () => {
    const issuing = given([history.drafted(), history.issueRequested()]);
    expect(
      refusalOf(() => decideUpdateDraft({ ...command, expectedVersion: 2 }, issuing)).code,
    ).toBe('invalid-state');
    expect(refusalOf(() => decideUpdateDraft(command, given([]))).code).toBe('not-found');
  });
});
