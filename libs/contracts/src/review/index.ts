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

export * from './dossier-events.v1';

/** The review service's published dossier outcomes: routing key → payload class (for `CONTRACT_EVENTS`). */
export const REVIEW_EVENTS: Readonly<Record<string, new () => object>> = {
  [REVIEW_DOSSIER_ACCEPTED_V1]: DossierAcceptedV1,
  [REVIEW_DOSSIER_RETURNED_V1]: DossierReturnedV1,
  [REVIEW_DOSSIER_APPROVED_V1]: DossierApprovedV1,
  [REVIEW_DOSSIER_NOT_APPROVED_V1]: DossierNotApprovedV1,
  [REVIEW_DOSSIER_AWARDED_V1]: DossierAwardedV1,
  [REVIEW_DOSSIER_PROPOSED_V1]: DossierProposedV1,
  [REVIEW_DOSSIER_AWARD_REVOKED_V1]: DossierAwardRevokedV1,
};
