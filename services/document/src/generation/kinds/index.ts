/** Content builders of the generated documents: pure functions from event payloads to models. */
export { planModel, type PlanInput } from './plan';
export { decisionModel, type DecisionInput, type DecisionEventInput } from './decision';
export { certificateModels } from './certificate';
export {
  proposalModel,
  summaryListModels,
  type ProposalInput,
  type ProposalEventInput,
} from './proposal';
export { minutesModel, type MinutesInput, type SessionEventInput } from './minutes';
export { type AgencyNames } from './names';
export { vietnameseDate, shortDate } from './dates';
export { comparePeopleNames } from './collation';
