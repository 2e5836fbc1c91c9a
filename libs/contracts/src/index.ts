// class-transformer's @Type and class-validator read decorator metadata: load the polyfill with the
// classes that need it, so any importer of the contracts works without setting it up first.
import 'reflect-metadata';
export * from './envelope/integration-event';
export * from './envelope/position';
export * from './errors';
export * from './campaign';
export * from './directory';
export * from './register';
export * from './document';
export * from './nomination';
export * from './review';
export * from './registry';
export * from './dashboard/queries';
