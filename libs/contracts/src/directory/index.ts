// The directory's published language: its RPC commands and queries, and its integration events.
export * from './roles';
