import type { NomineeSnapshot } from '../nomination/views';

/** Whose count a threshold divides by. */
export const THRESHOLD_DENOMINATORS = ['all-members', 'present', 'participants'] as const;

/** One of {@link THRESHOLD_DENOMINATORS}. */
export type ThresholdDenominator = (typeof THRESHOLD_DENOMINATORS)[number];

/** A council's voting threshold for one award form (or, without a code, for every other form). */
export interface CouncilThresholdView {
  /** The award form it applies to; absent: the default for forms not named. */
  awardFormCode?: string;
  /** `"p/q"`: met when yes ÷ denominator ≥ p/q in exact arithmetic. */
  fraction: string;
  /** The denominator. */
  of: ThresholdDenominator;
  /** A secret ballot: choices are never linked to voters. */
  secretBallot: boolean;
}

/** A council's rules, dated, with their legal source. */
export interface CouncilRulesView {
  /** `"p/q"` of the members present for a session to sit (default `2/3`). */
  quorum: string;
  /** `"p/q"` of the members present required for an award session, or null. */
  minAttendance: string | null;
  /** Whether members absent may vote in writing. */
  allowWrittenVotes: boolean;
  /** The thresholds per award form. */
  thresholds: CouncilThresholdView[];
  /** The document and article the rules come from. */
  source: string;
  /** The first day (`YYYY-MM-DD`) they are in force. */
  effectiveFrom: string;
}

/** One dated configuration of an agency's council (members and rules). */
export interface CouncilConfigView {
  /** The chair (a user id, among the members). */
  chairUserId: string;
  /** The secretary (a user id, among the members). */
  secretaryUserId: string;
  /** Every member (user ids). */
  memberUserIds: string[];
  /** The rules. */
  rules: CouncilRulesView;
  /** When it was recorded (ISO-8601). */
  configuredAt: string;
}

/** An agency's council: the configuration in force today and every dated one. */
export interface CouncilView {
  /** The agency. */
  agencyId: string;
  /** The configuration in force today, or null. */
  current: CouncilConfigView | null;
  /** Every configuration, by `effectiveFrom` then recording order. */
  history: CouncilConfigView[];
  /** The council stream's version. */
  version: number;
}

/** A dossier on a session's agenda. */
export interface SessionAgendaDossier {
  /** The dossier. */
  nominationId: string;
  /** The nominee as submitted. */
  nominee: NomineeSnapshot;
  /** The nominating unit. */
  nominatingUnitId: string;
}

/** The votes so far on one dossier of an open session. */
export interface SessionDossierVotes {
  /** The dossier. */
  nominationId: string;
  /** How many members have voted on it. */
  voters: number;
  /** For an open ballot: each member's current vote; for a secret ballot: empty. */
  votes: { voterUserId: string; approve: boolean }[];
  /** For a secret ballot: who has voted (never how); for an open ballot: empty. */
  votedUserIds: string[];
}

/** One award form on a session's agenda. */
export interface SessionAgendaItem {
  /** The award form. */
  awardFormCode: string;
  /** Its name in the plan. */
  awardFormName: string;
  /** Its quota (places). */
  quota: number;
  /** The threshold in force for it. */
  threshold: { fraction: string; of: ThresholdDenominator };
  /** Whether its ballot is secret. */
  secretBallot: boolean;
  /** The accepted dossiers of the form when the session opened. */
  dossiers: SessionAgendaDossier[];
}

/** One dossier's tally when the session closed. */
export interface TallyLine {
  /** The dossier. */
  nominationId: string;
  /** Yes votes. */
  yes: number;
  /** No votes. */
  no: number;
  /** Ballots cast (yes + no). */
  ballots: number;
  /** The threshold's denominator for it (members, present, or its participants). */
  denominator: number;
  /** yes ÷ denominator ≥ the fraction. */
  approved: boolean;
  /** 1-based rank among the form's approved dossiers by yes votes (equal yes → equal rank), or null. */
  rank: number | null;
}

/** A tie for the last place within a form's quota. */
export interface SessionTie {
  /** The dossiers sharing the last place's yes count. */
  nominationIds: string[];
  /** How many of them fit within the quota. */
  places: number;
  /** Their yes votes. */
  yes: number;
}

/** The chair's tie-break. */
export interface SessionTieBreak {
  /** The dossiers the chair chose. */
  chosenNominationIds: string[];
  /** Why (e.g. the women-preference rule of Decree 152/2025 art. 4.6). */
  reason: string;
  /** The chair. */
  byUserId: string;
  /** When (ISO-8601). */
  at: string;
}

/** One form's result of a closed session. */
export interface SessionFormResult {
  /** The award form. */
  awardFormCode: string;
  /** Its quota. */
  quota: number;
  /** The threshold applied. */
  threshold: { fraction: string; of: ThresholdDenominator };
  /** Whether the ballot was secret. */
  secretBallot: boolean;
  /** A line per agenda dossier (withdrawn ones left out), approved first by yes votes. */
  tally: TallyLine[];
  /** A tie at the quota's last place, or null. */
  tie: SessionTie | null;
  /** The chair's tie-break, or null. */
  tieBreak: SessionTieBreak | null;
  /**
   * While a tie awaits the chair: the reason offered for the tie-break (the women-preference rule
   * of Decree 152/2025/NĐ-CP art. 4.6); otherwise null.
   */
  suggestedTieBreakReason: string | null;
}

/** A council session. */
export interface CouncilSessionView {
  /** The session. */
  id: string;
  /** Its campaign. */
  campaignId: string;
  /** The campaign's agency (whose council sits). */
  agencyId: string;
  /** The day it is held (`YYYY-MM-DD`). */
  heldOn: string;
  /** `open` (votes accepted) or `closed`. */
  status: 'open' | 'closed';
  /** The council as in force on `heldOn`. */
  chairUserId: string;
  /** The secretary. */
  secretaryUserId: string;
  /** The members. */
  memberUserIds: string[];
  /** The members present. */
  presentUserIds: string[];
  /** The rules in force on `heldOn`. */
  rules: CouncilRulesView;
  /** The agenda. */
  agenda: SessionAgendaItem[];
  /** The votes so far (while open and after). */
  votes: SessionDossierVotes[];
  /** After closing: the quorum and each form's result; null while open. */
  result: {
    closedAt: string;
    quorum: { members: number; present: number; required: string; met: boolean };
    forms: SessionFormResult[];
  } | null;
  /** The session stream's version. */
  version: number;
}

/** A list of a campaign's sessions. */
export interface CouncilSessionList {
  /** The sessions, by `heldOn`. */
  items: CouncilSessionView[];
}

/** The signer of a decision or proposal. */
export interface SignerView {
  /** `TM.`, `KT.`, `Q.`, `TL.`, `TUQ.`, or absent. */
  capacity?: string;
  /** The title (`GIÁM ĐỐC`). */
  title: string;
  /** The name. */
  name: string;
}

/** One entry of "Nơi nhận". */
export interface RecipientView {
  /** As printed (`Ban TĐKT tỉnh`). */
  name: string;
  /** Why, printed in parentheses, or absent. */
  purpose?: string;
}

/** One awardee of a decision, or nominee of a proposal. */
export interface AwardeeView {
  /** The dossier. */
  nominationId: string;
  /** The nominee as submitted. */
  nominee: NomineeSnapshot;
  /** The person or unit nominated. */
  personId: string | null;
  /** The unit, for a collective. */
  unitId: string | null;
  /** The nominating unit. */
  nominatingUnitId: string;
  /** The achievement summary of the dossier. */
  achievementSummary: string;
  /** The golden-book number (sổ vàng), once the decision is issued; null for a proposal. */
  goldenBookNumber: number | null;
}

/** Decision statuses. */
export const DECISION_STATUSES = ['issuing', 'issued', 'failed', 'revoked'] as const;

/** One of {@link DECISION_STATUSES}. */
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A decision of the agency head. */
export interface DecisionView {
  /** The decision. */
  id: string;
  /** Its campaign. */
  campaignId: string;
  /** The deciding agency. */
  agencyId: string;
  /** The award form. */
  awardFormCode: string;
  /** Its name in the plan. */
  awardFormName: string;
  /** `issuing` (waiting for its number), `issued`, `failed` (refused by the register), `revoked`. */
  status: DecisionStatus;
  /** As printed after "Số:" (`05/QĐ-SKHCN`), once issued. */
  number: string | null;
  /** The decision's date (`YYYY-MM-DD`). */
  decidedOn: string;
  /** The signer. */
  signer: SignerView;
  /** Nơi nhận. */
  recipients: RecipientView[];
  /** The awardees. */
  awardees: AwardeeView[];
  /** The register's refusal code, when `failed`. */
  refusal: string | null;
  /** The revocation, when `revoked`. */
  revocation: { reason: string; at: string; byUserId: string } | null;
  /** When requested (ISO-8601). */
  createdAt: string;
  /** The decision stream's version. */
  version: number;
}

/** Proposal statuses. */
export const PROPOSAL_STATUSES = ['issuing', 'proposed', 'failed', 'decided'] as const;

/** One of {@link PROPOSAL_STATUSES}. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A proposal (tờ trình) to the higher authority. */
export interface ProposalView {
  /** The proposal. */
  id: string;
  /** Its campaign. */
  campaignId: string;
  /** The proposing agency. */
  agencyId: string;
  /** The award form (decided by the higher authority). */
  awardFormCode: string;
  /** Its name in the plan. */
  awardFormName: string;
  /** `issuing`, `proposed` (sent, awaiting the outcome), `failed`, `decided` (outcome recorded). */
  status: ProposalStatus;
  /** As printed after "Số:" (`06/TTr-SKHCN`), once numbered. */
  number: string | null;
  /** The letter's date (`YYYY-MM-DD`). */
  proposedOn: string;
  /** Whom it goes to (the proposal stage's `to`). */
  to: string;
  /** Who decides (`Chủ tịch UBND tỉnh`). */
  decidedBy: string;
  /** The signer. */
  signer: SignerView;
  /** Nơi nhận. */
  recipients: RecipientView[];
  /** The nominees proposed. */
  nominees: AwardeeView[];
  /** The register's refusal code, when `failed`. */
  refusal: string | null;
  /** The higher authority's outcome, once recorded. */
  outcome: {
    approvedNominationIds: string[];
    decisionNumber: string;
    decidedOn: string;
    recordedAt: string;
  } | null;
  /** When requested (ISO-8601). */
  createdAt: string;
  /** The proposal stream's version. */
  version: number;
}

/** A page of decisions. */
export interface DecisionList {
  items: DecisionView[];
  nextCursor: string | null;
}

/** A page of proposals. */
export interface ProposalList {
  items: ProposalView[];
  nextCursor: string | null;
}

/** One entry of a campaign × award form quota ledger. */
export interface QuotaLedgerEntry {
  /** `decision` or `proposal`. */
  kind: 'decision' | 'proposal';
  /** The decision's or proposal's id. */
  id: string;
  /** The dossiers holding places. */
  nominationIds: string[];
}

/** A campaign's quota ledger per award form. */
export interface QuotaLedgerView {
  /** The campaign. */
  campaignId: string;
  /** Per award form. */
  forms: {
    awardFormCode: string;
    /** The quota (places). */
    max: number;
    /** Places taken. */
    used: number;
    /** What holds them. */
    entries: QuotaLedgerEntry[];
  }[];
}

/** A command's answer about a numbered document (decision or proposal). */
export interface NumberedCommandResult<TBody> {
  /** `issued` (numbered), `refused` (the register refused), `pending` (not answered in time). */
  outcome: 'issued' | 'refused' | 'pending';
  /** The resource. */
  body: TBody;
  /** The resource's version. */
  version: number;
  /** The token of the last event written. */
  position: string;
}

/** One review event of a dossier, for its history (a secret ballot shows only that the member voted). */
export interface DossierReviewHistoryItem {
  /** The stored event's type (`DossierAccepted`, `VoteCast`, `BallotCast`). */
  type: string;
  /** When (ISO-8601). */
  at: string;
  /** Who. */
  actor: { kind: string; id: string } | null;
  /** The event's data as far as the history may show it. */
  data: Record<string, unknown>;
}

/** A dossier's review history. */
export interface DossierReviewHistory {
  items: DossierReviewHistoryItem[];
}
