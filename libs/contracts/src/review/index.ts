import {
  DossierAcceptedV1,
  DossierApprovedV1,
  DossierAwardedV1,
  DossierAwardRevokedV1,
  DossierNotApprovedV1,
  DossierProposedV1,
  DossierReturnedV1,
  REVIEW_DOSSIER_ACCEPTED_V1,
  REVIEW_DOSSIER_APPROVED_V1,
  REVIEW_DOSSIER_AWARD_REVOKED_V1,
  REVIEW_DOSSIER_AWARDED_V1,
  REVIEW_DOSSIER_NOT_APPROVED_V1,
  REVIEW_DOSSIER_PROPOSED_V1,
  REVIEW_DOSSIER_RETURNED_V1,
} from './dossier-events.v1';
import {
  DecisionIssuedV1,
  DecisionRevokedV1,
  ProposalIssuedV1,
  ProposalOutcomeRecordedV1,
  REVIEW_DECISION_ISSUED_V1,
  REVIEW_DECISION_REVOKED_V1,
  REVIEW_NUMBER_REQUESTED_V1,
  REVIEW_PROPOSAL_ISSUED_V1,
  REVIEW_PROPOSAL_OUTCOME_RECORDED_V1,
  REVIEW_SESSION_CLOSED_V1,
  ReviewNumberRequestedV1,
  SessionClosedV1,
} from './review-events.v1';

export * from './dossier-events.v1';
export * from './review-events.v1';
export * from './commands';
export * from './views';

/** The review service's published events (dossier outcomes, numbering, decisions, proposals, sessions): routing key → payload class (for `CONTRACT_EVENTS`). */
export const REVIEW_EVENTS: Readonly<Record<string, new () => object>> = {
  [REVIEW_DOSSIER_ACCEPTED_V1]: DossierAcceptedV1,
  [REVIEW_DOSSIER_RETURNED_V1]: DossierReturnedV1,
  [REVIEW_DOSSIER_APPROVED_V1]: DossierApprovedV1,
  [REVIEW_DOSSIER_NOT_APPROVED_V1]: DossierNotApprovedV1,
  [REVIEW_DOSSIER_AWARDED_V1]: DossierAwardedV1,
  [REVIEW_DOSSIER_PROPOSED_V1]: DossierProposedV1,
  [REVIEW_DOSSIER_AWARD_REVOKED_V1]: DossierAwardRevokedV1,
  [REVIEW_NUMBER_REQUESTED_V1]: ReviewNumberRequestedV1,
  [REVIEW_DECISION_ISSUED_V1]: DecisionIssuedV1,
  [REVIEW_DECISION_REVOKED_V1]: DecisionRevokedV1,
  [REVIEW_PROPOSAL_ISSUED_V1]: ProposalIssuedV1,
  [REVIEW_PROPOSAL_OUTCOME_RECORDED_V1]: ProposalOutcomeRecordedV1,
  [REVIEW_SESSION_CLOSED_V1]: SessionClosedV1,
};
