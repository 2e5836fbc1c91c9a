import {
  NOMINATION_DRAFTED_V1,
  NOMINATION_HOLD_FLAGGED_V1,
  NOMINATION_RETURNED_V1,
  NOMINATION_STATUS_CHANGED_V1,
  NOMINATION_SUBMITTED_V1,
  NOMINATION_WITHDRAWN_V1,
  NominationDraftedV1,
  NominationHoldFlaggedV1,
  NominationReturnedV1,
  NominationStatusChangedV1,
  NominationSubmittedV1,
  NominationWithdrawnV1,
} from './nomination-events.v1';

export * from './commands';
export * from './nomination-events.v1';
export * from './views';

/** The nomination service's published events: routing key → payload class (for `CONTRACT_EVENTS`). */
export const NOMINATION_EVENTS: Readonly<Record<string, new () => object>> = {
  [NOMINATION_DRAFTED_V1]: NominationDraftedV1,
  [NOMINATION_SUBMITTED_V1]: NominationSubmittedV1,
  [NOMINATION_RETURNED_V1]: NominationReturnedV1,
  [NOMINATION_WITHDRAWN_V1]: NominationWithdrawnV1,
  [NOMINATION_STATUS_CHANGED_V1]: NominationStatusChangedV1,
  [NOMINATION_HOLD_FLAGGED_V1]: NominationHoldFlaggedV1,
};
