import {
  ATTACH_NOMINATION_DOCUMENT,
  GET_NOMINATION,
  GET_NOMINATION_HISTORY,
  LIST_CAMPAIGN_NOMINATIONS,
  LIST_MY_NOMINATIONS,
  NOMINATE,
  REMOVE_NOMINATION_DOCUMENT,
  SUBMIT_NOMINATION,
  WITHDRAW_NOMINATION,
} from '@ttkt/contracts';

/** The service that answers the nomination RPC. */
export const NOMINATION_SERVICE = 'nomination';

/** The nomination service's RPC patterns (the contracts' constants) under the names the routes use. */
export const NOMINATION = {
  nominate: NOMINATE,
  attachDocument: ATTACH_NOMINATION_DOCUMENT,
  removeDocument: REMOVE_NOMINATION_DOCUMENT,
  submit: SUBMIT_NOMINATION,
  withdraw: WITHDRAW_NOMINATION,
  get: GET_NOMINATION,
  history: GET_NOMINATION_HISTORY,
  listByCampaign: LIST_CAMPAIGN_NOMINATIONS,
  listMine: LIST_MY_NOMINATIONS,
} as const;
