import { CAMPAIGN_EVENTS } from './campaign';
import { DIRECTORY_EVENTS } from './directory/directory-events';
import { DOCUMENT_EVENTS } from './document';
import { NOMINATION_EVENTS } from './nomination';
import { REGISTER_EVENTS } from './register';
import { REVIEW_EVENTS } from './review';

/** A payload class constructor, as class-validator and class-transformer take it. */
export type PayloadClass = new () => object;

/** Every published contract event: routing key → payload class. Consumers validate against it. */
export const CONTRACT_EVENTS: Readonly<Record<string, PayloadClass>> = {
  ...CAMPAIGN_EVENTS,
  ...DIRECTORY_EVENTS,
  ...REGISTER_EVENTS,
  ...DOCUMENT_EVENTS,
  ...NOMINATION_EVENTS,
  ...REVIEW_EVENTS,
};
