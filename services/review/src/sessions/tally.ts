import type { SessionTie, TallyLine, ThresholdDenominator } from '@ttkt/contracts';
import { fractionOf, reaches } from '../council/fraction';

/** One dossier's votes as counted at closing. */
export interface DossierCount {
  nominationId: string;
  yes: number;
  no: number;
}

/** What one form's tally needs. */
export interface FormTallyInput {
  /** The form's quota (places). */
  quota: number;
  threshold: { fraction: string; of: ThresholdDenominator };
  /** The council's members. */
  members: number;
  /** The members present. */
  present: number;
  /** Each tallied dossier's votes, in agenda order. */
  counts: DossierCount[];
}

/** One form's tally: a line per dossier and the tie at the quota's last place, if any. */
export interface FormTally {
  tally: TallyLine[];
  tie: SessionTie | null;
}

/**
 * Tallies one form. Per dossier: ballots = yes + no; the denominator is the members
 * (`all-members`), those present (`present`) or the dossier's ballots (`participants`); approved
 * when the denominator is positive and `yes · q ≥ p · denominator` (exact). Approved dossiers are
 * ranked by yes votes (equal yes, equal rank: 1, 1, 3). A tie is reported when more are approved
 * than the quota and the yes count at place `quota` equals the one at place `quota + 1`: the tie
 * holds every approved dossier with that count, and `places` are the quota's places left after
 * those with more yes votes. Lines: approved first, then the others, each by yes votes (agenda
 * order among equals).
 */
export function tallyForm(input: FormTallyInput): FormTally {
  const fraction = fractionOf(input.threshold.fraction);
  const lines = input.counts.map((count) => {
    const ballots = count.yes + count.no;
    const denominator = denominatorOf(input, ballots);
    return {
      nominationId: count.nominationId,
      yes: count.yes,
      no: count.no,
      ballots,
      denominator,
      approved: denominator > 0 && reaches(count.yes, denominator, fraction),
      rank: null as number | null,
    };
  });
  const byYes = (a: TallyLine, b: TallyLine): number => b.yes - a.yes;
  const approved = lines.filter((line) => line.approved).sort(byYes);
  const others = lines.filter((line) => !line.approved).sort(byYes);
  approved.forEach((line, index) => {
    const previous = approved[index - 1];
    line.rank = previous && previous.yes === line.yes ? previous.rank : index + 1;
  });
  return { tally: [...approved, ...others], tie: tieOf(approved, input.quota) };
}

function denominatorOf(input: FormTallyInput, ballots: number): number {
  switch (input.threshold.of) {
    case 'all-members':
      return input.members;
    case 'present':
      return input.present;
    case 'participants':
      return ballots;
    default: {
      const unexpected: never = input.threshold.of;
      return unexpected;
    }
  }
}

/** The tie at the last place within the quota among approved lines sorted by yes votes. */
function tieOf(approved: readonly TallyLine[], quota: number): SessionTie | null {
  if (quota < 1 || approved.length <= quota) return null;
  const last = approved[quota - 1];
  const first = approved[quota];
  if (!last || !first || last.yes !== first.yes) return null;
  const above = approved.filter((line) => line.yes > last.yes).length;
  return {
    nominationIds: approved
      .filter((line) => line.yes === last.yes)
      .map((line) => line.nominationId),
    places: quota - above,
    yes: last.yes,
  };
}
