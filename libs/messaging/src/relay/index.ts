export * from './contract-envelope';
export * from './outbox-relay';
