/**
 * The integration events the review service's dossier area consumes: nomination's submissions and
 * withdrawals (the dossiers review sees), the campaign's plans and close (award forms, quotas,
 * signer; the close rule), and the directory's holds (a held person cannot be awarded). Routing
 * keys and payload classes are the publishers' contracts; the consumer validates each payload on
 * arrival.
 */
export {
  CAMPAIGN_AMENDED_V1,
  CAMPAIGN_CLOSED_V1,
  CAMPAIGN_ISSUED_V1,
  DIRECTORY_HOLD_CLOSED_V1,
  DIRECTORY_HOLD_OPENED_V1,
  NOMINATION_SUBMITTED_V1,
  NOMINATION_WITHDRAWN_V1,
} from '@ttkt/contracts';
