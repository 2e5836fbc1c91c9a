export * from './tokens';
export * from './service-host';
export * from './service-config';
export * from './run-standalone';
export * from './rpc-answer';
export * from './stop-in-order';
export * from './page-cursor';
