export * from './envelope/integration-event';
export * from './envelope/position';
export * from './errors';
export * from './campaign/campaign-drafted.v1';
export * from './campaign/commands';
export * from './registry';
export * from './dashboard/queries';
