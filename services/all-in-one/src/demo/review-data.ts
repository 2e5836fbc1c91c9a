/**
 * The review of the Bắc Kạn dossiers of plan 27/KH-SKHCN (2021), as the demo records it after
 * they are submitted: each step at its own instant of 2021 (the loader sets the platform's clock
 * to it), as the account named. Dossiers by their {@link dossierKey}, accounts by username. The
 * votes, the council's rules and the higher authority's decision are invented for the demo.
 */
import type { ThresholdDenominator } from '@ttkt/contracts';
import { BAC_KAN_PLAN_2021 } from './bac-kan-plan';
import { BAC_KAN_DOSSIERS_2021, dossierKey, type DemoAwardForm } from './dossier-data';

/** A threshold of the council's rules, as `PUT /agencies/{id}/council` takes it. */
export interface DemoThreshold {
  awardFormCode?: DemoAwardForm;
  fraction: string;
  of: ThresholdDenominator;
  secretBallot: boolean;
}

/** One step of the review: when (an instant of 2021, `+07:00`) and as whom. */
interface DemoStep {
  at: string;
  by: string;
}

/** The whole review of one plan's dossiers. */
export interface DemoReview {
  /** The agency's Hội đồng Thi đua - Khen thưởng, configured by the agency admin. */
  council: DemoStep & {
    chair: string;
    secretary: string;
    /** Every member, the chair and the secretary among them. */
    members: readonly string[];
    rules: {
      quorum: string;
      allowWrittenVotes: boolean;
      thresholds: readonly DemoThreshold[];
      source: string;
      effectiveFrom: string;
    };
  };
  /** The secretariat checks the dossiers: accepts them, but returns one for supplement. */
  screening: DemoStep & { returned: { dossier: string; reasons: readonly string[] } };
  /** The unit supplements the returned dossier (a new achievement report) and resubmits it. */
  resubmission: DemoStep & { supplement: string; datedOn: string };
  /** The secretariat accepts the resubmitted dossier. */
  acceptance: DemoStep;
  /**
   * The council's session (opened and closed by the secretariat): the members absent vote in
   * writing; on each dossier the members in `approvals` vote yes, the others no.
   */
  session: DemoStep & {
    heldOn: string;
    absent: readonly string[];
    approvals: Readonly<Record<string, readonly string[]>>;
  };
  /** The head's decision on the award form it decides. */
  decision: DemoStep & {
    awardFormCode: DemoAwardForm;
    dossiers: readonly string[];
    decidedOn: string;
  };
  /** The head's proposal (tờ trình) to the higher authority. */
  proposal: DemoStep & {
    awardFormCode: DemoAwardForm;
    dossiers: readonly string[];
    proposedOn: string;
  };
  /** The higher authority's decision on the proposal, recorded by the secretariat. */
  outcome: DemoStep & { approved: readonly string[]; decisionNumber: string; decidedOn: string };
  /** The secretariat closes the campaign. */
  close: DemoStep;
}

const MEMBERS = ['bk.giamdoc', 'bk.phogiamdoc', 'bk.vanphong', 'bk.khtc', 'bk.thanhtra'] as const;

/** Bắc Kạn, plan 27/KH-SKHCN: from the dossiers of 5/5/2021 to the campaign's close. */
export const BAC_KAN_REVIEW_2021: DemoReview = {
  council: {
    at: '2021-05-05T15:00:00+07:00',
    by: 'bk.quantri',
    chair: 'bk.giamdoc',
    secretary: 'bk.vanphong',
    members: MEMBERS,
    rules: {
      quorum: '2/3',
      allowWrittenVotes: true,
      thresholds: [
        { fraction: '1/2', of: 'all-members', secretBallot: false },
        {
          awardFormCode: 'BANG_KHEN_CT_UBND_TINH',
          fraction: '2/3',
          of: 'all-members',
          secretBallot: true,
        },
      ],
      // The agency's own regulation, named without a number: the demo invents no legal text.
      source:
        'Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
      effectiveFrom: '2021-05-05',
    },
  },
  screening: {
    at: '2021-05-06T14:00:00+07:00',
    by: 'bk.vanphong',
    returned: {
      dossier: 'GIAY_KHEN_GD_SO/bk-vc-ttud',
      reasons: ['Báo cáo thành tích chưa có xác nhận của Thủ trưởng đơn vị.'],
    },
  },
  resubmission: {
    at: '2021-05-10T09:30:00+07:00',
    by: 'bk.vanphong',
    datedOn: '2021-05-08',
    supplement: 'Xác nhận của Thủ trưởng đơn vị: Giám đốc Trung tâm xác nhận nội dung báo cáo.',
  },
  acceptance: { at: '2021-05-11T08:30:00+07:00', by: 'bk.vanphong' },
  session: {
    at: '2021-05-14T08:30:00+07:00',
    by: 'bk.vanphong',
    heldOn: '2021-05-14',
    absent: ['bk.thanhtra'],
    approvals: {
      'GIAY_KHEN_GD_SO/QLCNCN': MEMBERS,
      'GIAY_KHEN_GD_SO/bk-vc-ttud': ['bk.giamdoc', 'bk.phogiamdoc', 'bk.vanphong', 'bk.thanhtra'],
      'GIAY_KHEN_GD_SO/bk-cv-qlcn': ['bk.giamdoc', 'bk.phogiamdoc', 'bk.vanphong'],
      'GIAY_KHEN_GD_SO/bk-vt': ['bk.vanphong', 'bk.thanhtra'],
      'BANG_KHEN_CT_UBND_TINH/bk-gd-ttud': MEMBERS,
      'BANG_KHEN_CT_UBND_TINH/TTUD': ['bk.giamdoc', 'bk.phogiamdoc', 'bk.vanphong', 'bk.khtc'],
    },
  },
  decision: {
    at: '2021-05-17T10:00:00+07:00',
    by: 'bk.giamdoc',
    awardFormCode: 'GIAY_KHEN_GD_SO',
    dossiers: [
      'GIAY_KHEN_GD_SO/QLCNCN',
      'GIAY_KHEN_GD_SO/bk-vc-ttud',
      'GIAY_KHEN_GD_SO/bk-cv-qlcn',
    ],
    decidedOn: '2021-05-17',
  },
  proposal: {
    at: '2021-05-20T15:00:00+07:00',
    by: 'bk.giamdoc',
    awardFormCode: 'BANG_KHEN_CT_UBND_TINH',
    dossiers: ['BANG_KHEN_CT_UBND_TINH/bk-gd-ttud', 'BANG_KHEN_CT_UBND_TINH/TTUD'],
    proposedOn: '2021-05-20',
  },
  outcome: {
    at: '2021-06-15T09:00:00+07:00',
    by: 'bk.vanphong',
    approved: ['BANG_KHEN_CT_UBND_TINH/bk-gd-ttud'],
    // Demo data: an invented number and date of the province's decision, not a real document.
    decisionNumber: '1234/QĐ-UBND',
    decidedOn: '2021-06-10',
  },
  close: { at: '2021-06-30T16:00:00+07:00', by: 'bk.vanphong' },
};

/** The review's threshold for `awardFormCode`: its own, or the default one. */
export function thresholdFor(review: DemoReview, awardFormCode: string): DemoThreshold {
  const thresholds = review.council.rules.thresholds;
  const threshold =
    thresholds.find((candidate) => candidate.awardFormCode === awardFormCode) ??
    thresholds.find((candidate) => candidate.awardFormCode === undefined);
  if (!threshold) throw new Error(`demo review: no threshold for ${awardFormCode}`);
  return threshold;
}

/**
 * Whether the council approves `dossier` by the votes in `review.session` (every member votes:
 * those in `approvals` yes, the others no): yes ÷ denominator ≥ the form's fraction, in integers.
 */
export function approvedByVote(review: DemoReview, dossier: string): boolean {
  const awardFormCode = dossier.slice(0, dossier.indexOf('/'));
  const { fraction, of } = thresholdFor(review, awardFormCode);
  const [p, q] = fraction.split('/').map(Number) as [number, number];
  const members = review.council.members.length;
  const yes = review.session.approvals[dossier]?.length ?? 0;
  const denominator = of === 'present' ? members - review.session.absent.length : members; // participants: all vote
  return denominator > 0 && yes * q >= p * denominator;
}

/**
 * Each dossier's status (by its key) once the review is recorded and the campaign closed:
 * `awarded` in the decision or approved by the higher authority, `not-approved` when the vote
 * failed, the higher authority did not approve it, or it was left out of every decision and
 * proposal at the close.
 */
export function finalStatuses(review: DemoReview): Map<string, 'awarded' | 'not-approved'> {
  const statuses = new Map<string, 'awarded' | 'not-approved'>();
  for (const dossier of BAC_KAN_DOSSIERS_2021.map(dossierKey)) {
    const awarded =
      approvedByVote(review, dossier) &&
      (review.decision.dossiers.includes(dossier) || review.outcome.approved.includes(dossier));
    statuses.set(dossier, awarded ? 'awarded' : 'not-approved');
  }
  return statuses;
}

/** The plan's quota of `awardFormCode` (places). */
export function quotaOf(awardFormCode: string): number {
  const forms = BAC_KAN_PLAN_2021.awardForms as Array<{ code: string; quota: { max: number } }>;
  const form = forms.find((candidate) => candidate.code === awardFormCode);
  if (!form) throw new Error(`demo review: no award form ${awardFormCode}`);
  return form.quota.max;
}
