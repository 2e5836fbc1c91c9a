import {
  bacKanPlan,
  editablePlan,
  KNOWN_DIRECTORY,
  type EditablePlan,
} from '../../../test/support/plan-fixture';
import { stageCutoff, periodCutoff, defaultBeforeWording, isCalendarDate } from './cutoff';
import { unitReferences, validatePlan } from './validate-plan';

function broken(change: (plan: EditablePlan) => void): Record<string, unknown> {
  const plan = editablePlan();
  change(plan);
  return plan;
}

/** Award form `i` of the plan (the fixture has two). */
const form = (plan: EditablePlan, i: number) => plan.awardForms[i]!;

describe('validatePlan', () => {
  it('accepts plan 27/KH-SKHCN as the fixture has it', () => {
    expect(validatePlan(bacKanPlan(), KNOWN_DIRECTORY)).toEqual([]);
  });

  it.each<[string, (plan: EditablePlan) => void, { path: string; message: string }]>([
    [
      'quota.max below 1',
      (p) => (form(p, 0).quota.max = 0),
      { path: 'awardForms[0].quota.max', message: 'min' },
    ],
    [
      'quota.max not an integer',
      (p) => (form(p, 1).quota.max = 2.5),
      { path: 'awardForms[1].quota.max', message: 'isInt' },
    ],
    [
      'quota.max of a billion',
      (p) => (form(p, 0).quota.max = 1e9),
      { path: 'awardForms[0].quota.max', message: 'max' },
    ],
    [
      'quota.max missing',
      (p) => delete form(p, 0).quota.max,
      { path: 'awardForms[0].quota.max', message: 'isDefined' },
    ],
    [
      'a repeated award-form code',
      (p) => (form(p, 1).code = form(p, 0).code),
      { path: 'awardForms[1].code', message: 'duplicateCode' },
    ],
    [
      'a unit stage ending after the proposal stage',
      (p) => (form(p, 1).unitStage.before = '2021-06-01'),
      { path: 'awardForms[1].unitStage.before', message: 'afterProposalStage' },
    ],
    [
      'a repeated document code in a stage',
      (p) => (form(p, 0).unitStage.requiredDocuments[2]!.code = 'CONG_VAN_DE_NGHI'),
      { path: 'awardForms[0].unitStage.requiredDocuments[2].code', message: 'duplicateCode' },
    ],
    [
      'a document code no dossier knows',
      (p) => (form(p, 1).proposalStage!.requiredDocuments[1]!.code = 'GIAY_TO_KHAC'),
      { path: 'awardForms[1].proposalStage.requiredDocuments[1].code', message: 'unknownDocument' },
    ],
    [
      'a document code outside [A-Z0-9_]',
      (p) => (form(p, 1).proposalStage!.requiredDocuments[0]!.code = 'tờ-trình'),
      { path: 'awardForms[1].proposalStage.requiredDocuments[0].code', message: 'matches' },
    ],
    [
      'a period ending before it starts',
      (p) => (p.period.to = '2021-02-01'),
      { path: 'period.to', message: 'periodEndsBeforeStart' },
    ],
    [
      'a date that is no calendar date',
      (p) => (p.period.from = '2021-02-30'),
      { path: 'period.from', message: 'isDateString' },
    ],
    [
      'a higher-authority form without a proposal stage',
      (p) => delete form(p, 1).proposalStage,
      { path: 'awardForms[1].proposalStage', message: 'proposalStageRequired' },
    ],
    [
      'an unknown decidedBy kind',
      (p) => (form(p, 0).decidedBy.kind = 'council'),
      { path: 'awardForms[0].decidedBy.kind', message: 'isIn' },
    ],
    [
      'an unknown unit as a stage’s addressee',
      (p) => (form(p, 0).unitStage.to.unit = 'XX'),
      { path: 'awardForms[0].unitStage.to.unit', message: 'unknownUnit' },
    ],
    [
      'an unknown unit in the responsibilities',
      (p) => (p.responsibilities[0]!.who.unit = 'PHONG_X'),
      { path: 'responsibilities[0].who.unit', message: 'unknownUnit' },
    ],
    [
      'an eligible subject the plan does not define',
      (p) => (form(p, 0).eligibleSubjects = ['household']),
      { path: 'awardForms[0].eligibleSubjects[0]', message: 'unknownSubject' },
    ],
    ['no award form', (p) => (p.awardForms = []), { path: 'awardForms', message: 'arrayMinSize' }],
    ['no signer', (p) => delete p.signer, { path: 'signer', message: 'isDefined' }],
    ['a blank title', (p) => (p.title = ' '), { path: 'title', message: 'isNotEmpty' }],
  ])('refuses %s at its path', (_case, change, issue) => {
    expect(validatePlan(broken(change), KNOWN_DIRECTORY)).toEqual([issue]);
  });

  it('accepts a unit stage ending the same day as the proposal stage', () => {
    const plan = broken((p) => (form(p, 1).unitStage.before = '2021-05-31'));
    expect(validatePlan(plan, KNOWN_DIRECTORY)).toEqual([]);
  });

  it('refuses an agency the directory does not know, and checks no unit then', () => {
    expect(validatePlan(bacKanPlan(), { agencyExists: false, unitCodes: new Set() })).toEqual([
      { path: 'agencyId', message: 'unknownAgency' },
    ]);
  });

  it('reports every broken rule at once', () => {
    const plan = broken((p) => {
      form(p, 0).quota.max = 0;
      p.period.to = '2020-01-01';
    });
    expect(validatePlan(plan, KNOWN_DIRECTORY)).toHaveLength(2);
  });

  it('finds every unit the plan names', () => {
    expect(unitReferences(bacKanPlan()).map((reference) => reference.path)).toEqual([
      'awardForms[0].unitStage.to.unit',
      'awardForms[1].unitStage.to.unit',
      'responsibilities[0].who.unit',
    ]);
  });
});

describe('cut-offs', () => {
  it('"trước 12/5/2021" ends at 00:00 of 12 May, local time', () => {
    expect(stageCutoff('2021-05-12', 'trước 12/5/2021')).toBe('2021-05-12T00:00:00+07:00');
  });

  it('"đến hết ngày 10/5/2021" includes the whole day', () => {
    expect(stageCutoff('2021-05-10', 'đến hết ngày 10/5/2021')).toBe('2021-05-11T00:00:00+07:00');
    expect(stageCutoff('2021-12-31', 'hết ngày 31/12/2021'.normalize('NFD'))).toBe(
      '2022-01-01T00:00:00+07:00',
    );
  });

  it('a period ends after its last day unless it says otherwise', () => {
    expect(periodCutoff('2021-05-10')).toBe('2021-05-11T00:00:00+07:00');
    expect(periodCutoff('2021-05-10', false)).toBe('2021-05-10T00:00:00+07:00');
  });

  it('writes a deadline as the plans do, and knows calendar dates', () => {
    expect(defaultBeforeWording('2021-05-05')).toBe('trước ngày 5/5/2021');
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
  });
});
