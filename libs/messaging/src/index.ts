export * from './rpc';
export * from './transport';
export {
  InProcessTransport,
  type InProcessTransportOptions,
  type InProcessJournal,
  type JournalEntry,
  type JournalDeadLetter,
} from './transport/in-process-transport';
export { PostgresJournal } from './transport/postgres-journal';
export { RabbitTransport, type RabbitTransportOptions } from './transport/rabbit-transport';
export { rabbitNames, type RabbitNames } from './transport/rabbit-topology';
export { topicMatches, topicMatchesAny } from './transport/topic-matcher';
export {
  startIntegrationConsumer,
  type IntegrationConsumerOptions,
  type IntegrationEventHandler,
  type IntegrationInbox,
} from './consumer/integration-consumer';
export { parseIntegrationEvent } from './consumer/integration-event-validation';
export * from './relay';
export * from './host';
