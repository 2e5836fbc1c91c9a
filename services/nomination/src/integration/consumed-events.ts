/**
 * The integration events the nomination service consumes: the campaign's plans (award forms,
 * deadlines, amendments, close), the directory's units, people and holds (eligibility, snapshots,
 * holds), and review's outcomes about dossiers (the statuses after submission). Routing keys and
 * payload classes are the publishers' contracts; the consumer validates each payload on arrival.
 */
export {
  CAMPAIGN_AMENDED_V1,
  CAMPAIGN_CLOSED_V1,
  CAMPAIGN_ISSUED_V1,
  DIRECTORY_HOLD_CLOSED_V1,
  DIRECTORY_HOLD_OPENED_V1,
  DIRECTORY_PERSON_CHANGED_V1,
  DIRECTORY_PERSON_REGISTERED_V1,
  DIRECTORY_UNIT_CREATED_V1,
  REVIEW_DOSSIER_ACCEPTED_V1,
  REVIEW_DOSSIER_APPROVED_V1,
  REVIEW_DOSSIER_AWARD_REVOKED_V1,
  REVIEW_DOSSIER_AWARDED_V1,
  REVIEW_DOSSIER_NOT_APPROVED_V1,
  REVIEW_DOSSIER_PROPOSED_V1,
  REVIEW_DOSSIER_RETURNED_V1,
} from '@ttkt/contracts';
