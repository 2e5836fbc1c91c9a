import { flattenValidationErrors } from '@ttkt/messaging';
import { loadBacKanFixture, type JsonObject } from '@ttkt/testing';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AmendCampaignDto, IssueCampaignDto } from './campaign-commands.dto';
import { CreateCampaignDto, UpdateCampaignDto } from './plan.dto';

interface Json {
  awardForms: { quota: Record<string, unknown>; proposalStage?: unknown }[];
  [field: string]: unknown;
}

/** The fixture's plan as a client posts it. */
function body(): Json {
  const { campaign } = loadBacKanFixture() as { campaign: JsonObject };
  const { documentType: _t, planNumber: _n, issuedOn: _o, ...plan } = campaign;
  return { ...plan, agencyId: '0f8f6a52-3b9e-4c1e-9a43-6a0e2d5b7c11' } as unknown as Json;
}

/** The failing paths as the gateway's strict pipe reports them. */
function issues(type: new () => object, value: object) {
  const errors = validateSync(plainToInstance(type, value), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return flattenValidationErrors(errors);
}

describe('the campaign DTOs', () => {
  it('accept plan 27/KH-SKHCN as the fixture has it', () => {
    expect(issues(CreateCampaignDto, body())).toEqual([]);
  });

  it('refuse unknown fields at their path, however deep', () => {
    const plan = body();
    plan.awardForms[0]!.quota.maximum = 3;
    plan.planNumber = '27/KH-SKHCN';
    expect(issues(CreateCampaignDto, plan)).toEqual(
      expect.arrayContaining([
        { path: 'planNumber', message: 'whitelistValidation' },
        { path: 'awardForms[0].quota.maximum', message: 'whitelistValidation' },
      ]),
    );
  });

  it('refuse a quota below 1 at awardForms[i].quota.max', () => {
    const plan = body();
    plan.awardForms[1]!.quota.max = 0;
    expect(issues(CreateCampaignDto, plan)).toEqual([
      { path: 'awardForms[1].quota.max', message: 'min' },
    ]);
  });

  it('refuse a quota above 100 000 at awardForms[i].quota.max, on a plan and an amendment', () => {
    const plan = body();
    plan.awardForms[0]!.quota.max = 1e9;
    expect(issues(CreateCampaignDto, plan)).toEqual([
      { path: 'awardForms[0].quota.max', message: 'max' },
    ]);
    plan.awardForms[0]!.quota.max = 100_000;
    expect(issues(CreateCampaignDto, plan)).toEqual([]);
    expect(
      issues(AmendCampaignDto, {
        reason: 'Tăng chỉ tiêu',
        changes: { awardForms: [{ code: 'GIAY_KHEN_GD_SO', quotaMax: 1e9 }] },
      }),
    ).toEqual([{ path: 'changes.awardForms[0].quotaMax', message: 'max' }]);
  });

  it('bound the issue: a number up to 999 999, a date of the years registers hold', () => {
    expect(issues(IssueCampaignDto, { issuedOn: '2021-03-30', registerNumber: 999_999 })).toEqual(
      [],
    );
    expect(
      issues(IssueCampaignDto, { issuedOn: '2021-03-30', registerNumber: 9007199254740991 }),
    ).toEqual([{ path: 'registerNumber', message: 'max' }]);
    expect(issues(IssueCampaignDto, { issuedOn: '1899-12-31' })).toEqual([
      { path: 'issuedOn', message: 'minDate' },
    ]);
    expect(issues(IssueCampaignDto, { issuedOn: '3000-01-01' })).toEqual([
      { path: 'issuedOn', message: 'maxDate' },
    ]);
    expect(issues(IssueCampaignDto, { issuedOn: '30/03/2021' })).toEqual([
      { path: 'issuedOn', message: 'matches' },
    ]);
  });

  it('require the fields API.md requires, and a proposal stage for a higher authority', () => {
    const plan = body();
    delete plan.signer;
    delete plan.period;
    delete plan.awardForms[1]!.proposalStage;
    expect(issues(CreateCampaignDto, plan).map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['signer', 'period', 'awardForms[1].proposalStage']),
    );
  });

  it('take any subset on PATCH, but not the agency', () => {
    expect(issues(UpdateCampaignDto, { closing: 'Trên đây là Kế hoạch./.' })).toEqual([]);
    expect(issues(UpdateCampaignDto, { agencyId: 'x' })).toEqual([
      { path: 'agencyId', message: 'whitelistValidation' },
    ]);
  });

  it('check amendments field by field', () => {
    expect(
      issues(AmendCampaignDto, {
        reason: 'Lùi hạn',
        changes: { awardForms: [{ code: 'GIAY_KHEN_GD_SO', quotaMax: 0, extra: 1 }] },
      }),
    ).toEqual(
      expect.arrayContaining([
        { path: 'changes.awardForms[0].quotaMax', message: 'min' },
        { path: 'changes.awardForms[0].extra', message: 'whitelistValidation' },
      ]),
    );
  });
});
