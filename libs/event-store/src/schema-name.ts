/**
 * Schema names end up inside SQL text (DDL, function bodies, LISTEN), where they cannot be bound
 * as parameters; accepting only plain lower-case identifiers keeps that text injection-free and
 * leaves room for the `_events` suffix of the notification channel within PostgreSQL's 63-byte
 * identifier limit.
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,55}$/;

/** Throws unless `schema` is a plain lower-case identifier of at most 56 characters. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new RangeError(
      `invalid event store schema name ${JSON.stringify(schema)}: use [a-z_][a-z0-9_]*, at most 56 characters`,
    );
  }
  return schema;
}

/** The schema as a quoted SQL identifier (after validation). */
export function quoteSchema(schema: string): string {
  return `"${assertSchemaName(schema)}"`;
}

/**
 * The LISTEN/NOTIFY channel an append in `schema` notifies at commit. Consumers of one service's
 * log listen on it; it is named after the schema so that services sharing a database never wake
 * each other.
 */
export function notifyChannel(schema: string): string {
  return `${assertSchemaName(schema)}_events`;
}
