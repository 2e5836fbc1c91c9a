import type { QueryRunner } from 'typeorm';
import { quoteSchema } from '../schema-name';

/**
 * The quoted schema a migration runs against. Each service keeps its event store in its own
 * schema, so the migrations take it from the DataSource instead of hard-coding one; a DataSource
 * without a schema would silently create the tables in `public`, hence the throw.
 */
export function migrationSchema(queryRunner: QueryRunner): string {
  const options = queryRunner.connection.options;
  const schema = 'schema' in options ? options.schema : undefined;
  if (typeof schema !== 'string' || schema === '') {
    throw new Error('event store migrations need a DataSource with a `schema` option');
  }
  return quoteSchema(schema);
}

/** The unquoted schema name (for names built from it, such as the notification channel). */
export function migrationSchemaName(queryRunner: QueryRunner): string {
  return migrationSchema(queryRunner).slice(1, -1);
}
