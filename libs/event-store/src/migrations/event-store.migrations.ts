import type { MigrationInterface } from 'typeorm';
import { CreateEventStore1764100000000 } from './1764100000000-create-event-store.migration';

/**
 * Every event store migration, oldest first. Exported so that a service whose own TypeORM
 * DataSource targets the same schema can run them with its other migrations.
 */
export const eventStoreMigrations: ReadonlyArray<new () => MigrationInterface> = [
  CreateEventStore1764100000000,
];
