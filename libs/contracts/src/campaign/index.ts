export * from './campaign-drafted.v1';
export * from './commands';
