export * from './eventually';
export * from './deferred';
export * from './clock';
export * from './fixtures';
export * from './infra-urls';
export * from './test-names';
export * from './test-schema';
export * from './test-vhost';
