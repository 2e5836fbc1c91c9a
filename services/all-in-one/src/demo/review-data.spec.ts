import { BAC_KAN_PLAN_2021 } from './bac-kan-plan';
import { BAC_KAN_AGENCY } from './directory-data';
import { BAC_KAN_DOSSIERS_2021, dossierKey } from './dossier-data';
import {
  BAC_KAN_REVIEW_2021 as review,
  approvedByVote,
  finalStatuses,
  quotaOf,
  thresholdFor,
} from './review-data';

const forms = BAC_KAN_PLAN_2021.awardForms as Array<{
  code: string;
  decidedBy: { kind: string };
  unitStage: { before: string };
  proposalStage?: { before: string };
}>;
const keys = BAC_KAN_DOSSIERS_2021.map(dossierKey);
const roleOf = (username: string): string | undefined =>
  BAC_KAN_AGENCY.users.find((user) => user.username === username)?.role;
const formOf = (key: string): string => key.slice(0, key.indexOf('/'));

describe('the demo review of 2021', () => {
  it('names dossiers of the plan, once each', () => {
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(review.session.approvals).sort()).toEqual([...keys].sort());
    for (const key of [
      review.screening.returned.dossier,
      ...review.decision.dossiers,
      ...review.proposal.dossiers,
      ...review.outcome.approved,
    ])
      expect(keys).toContain(key);
  });

  it('has a council of the agency: the head chairs, the secretariat is its secretary, the admin configures it', () => {
    const { council } = review;
    expect(roleOf(council.by)).toBe('agency-admin');
    expect(roleOf(council.chair)).toBe('agency-head');
    expect(roleOf(council.secretary)).toBe('secretariat');
    expect(council.members).toContain(council.chair);
    expect(council.members).toContain(council.secretary);
    expect(new Set(council.members).size).toBe(council.members.length);
    for (const member of council.members) expect(roleOf(member)).toBeDefined();
    // No member is nominated.
    const personOf = (username: string): string | undefined =>
      BAC_KAN_AGENCY.users.find((user) => user.username === username)?.person;
    for (const dossier of BAC_KAN_DOSSIERS_2021)
      if (dossier.nominee.kind === 'individual')
        expect(council.members.map(personOf)).not.toContain(dossier.nominee.person);
    // Its source names the agency's own regulation, without an invented number.
    expect(council.rules.source).not.toMatch(/\d/);
  });

  it('sits with a quorum, and every voter is a member', () => {
    const { council, session } = review;
    const [p, q] = council.rules.quorum.split('/').map(Number) as [number, number];
    const present = council.members.length - session.absent.length;
    expect(present * q).toBeGreaterThanOrEqual(p * council.members.length);
    for (const absent of session.absent) expect(council.members).toContain(absent);
    expect(session.absent.length === 0 || council.rules.allowWrittenVotes).toBe(true);
    for (const voters of Object.values(session.approvals))
      for (const voter of voters) expect(council.members).toContain(voter);
  });

  it('approves within each quota (no tie), one dossier of each form failing: the vote, then the province', () => {
    for (const form of forms) {
      const approved = keys.filter(
        (key) => formOf(key) === form.code && approvedByVote(review, key),
      );
      expect(approved.length).toBeLessThanOrEqual(quotaOf(form.code));
    }
    expect(keys.filter((key) => !approvedByVote(review, key))).toEqual(['GIAY_KHEN_GD_SO/bk-vt']);
    // 2 of 5 misses 1/2; 4 of 5 meets 2/3 (secret ballot for the Bằng khen).
    expect(thresholdFor(review, 'BANG_KHEN_CT_UBND_TINH')).toMatchObject({
      fraction: '2/3',
      secretBallot: true,
    });
    expect(thresholdFor(review, 'GIAY_KHEN_GD_SO')).toMatchObject({ secretBallot: false });
  });

  it('decides the head’s form and proposes the province’s, each within its quota, with approved dossiers only', () => {
    const { decision, proposal, outcome } = review;
    expect(forms.find((form) => form.code === decision.awardFormCode)?.decidedBy.kind).toBe(
      'agency-head',
    );
    expect(forms.find((form) => form.code === proposal.awardFormCode)?.decidedBy.kind).toBe(
      'higher-authority',
    );
    for (const { awardFormCode, dossiers } of [decision, proposal]) {
      expect(dossiers.length).toBeLessThanOrEqual(quotaOf(awardFormCode));
      for (const key of dossiers) {
        expect(formOf(key)).toBe(awardFormCode);
        expect(approvedByVote(review, key)).toBe(true);
      }
    }
    expect(outcome.approved).toHaveLength(1);
    for (const key of outcome.approved) expect(proposal.dossiers).toContain(key);
    expect(outcome.decisionNumber).toMatch(/^\d+\/QĐ-UBND$/);
  });

  it('happens in order, in 2021: after the unit deadline the session, the proposal before its cut-off', () => {
    const steps = [
      review.council,
      review.screening,
      review.resubmission,
      review.acceptance,
      review.session,
      review.decision,
      review.proposal,
      review.outcome,
      review.close,
    ].map((step) => Date.parse(step.at));
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    for (const step of steps) expect(new Date(step).getUTCFullYear()).toBe(2021);
    const unitDeadline = forms[0]?.unitStage.before ?? '';
    // The resubmission beats the unit stage's deadline (00:00 +07:00 of that day).
    expect(Date.parse(review.resubmission.at)).toBeLessThan(
      Date.parse(`${unitDeadline}T00:00:00+07:00`),
    );
    expect(review.session.heldOn >= unitDeadline).toBe(true);
    expect(review.session.at.startsWith(review.session.heldOn)).toBe(true);
    expect(review.decision.at.startsWith(review.decision.decidedOn)).toBe(true);
    expect(review.proposal.at.startsWith(review.proposal.proposedOn)).toBe(true);
    const cutoff = forms.find((form) => form.code === review.proposal.awardFormCode)?.proposalStage
      ?.before;
    expect(review.proposal.proposedOn < (cutoff ?? '')).toBe(true);
    expect(review.outcome.decidedOn > review.proposal.proposedOn).toBe(true);
    expect(review.outcome.decidedOn.startsWith('2021-06')).toBe(true);
    expect(Date.parse(review.outcome.at)).toBeGreaterThan(
      Date.parse(`${review.outcome.decidedOn}T00:00:00+07:00`),
    );
    expect(review.council.rules.effectiveFrom <= review.session.heldOn).toBe(true);
  });

  it('ends with four dossiers awarded and two not approved', () => {
    const statuses = finalStatuses(review);
    expect([...statuses.values()].filter((status) => status === 'awarded')).toHaveLength(4);
    expect([...statuses.values()].filter((status) => status === 'not-approved')).toHaveLength(2);
    expect(statuses.get('BANG_KHEN_CT_UBND_TINH/TTUD')).toBe('not-approved');
    expect(statuses.get(review.screening.returned.dossier)).toBe('awarded');
  });
});
