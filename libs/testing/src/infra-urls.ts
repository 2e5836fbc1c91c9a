/** The PostgreSQL tests use when `DATABASE_URL` is not set (the local one, trust authentication). */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The RabbitMQ tests use when `AMQP_URL` is not set (the local one, guest/guest). */
export const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

/** `DATABASE_URL`, or {@link DEFAULT_DATABASE_URL}. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return nonEmpty(env['DATABASE_URL']) ?? DEFAULT_DATABASE_URL;
}

/** `AMQP_URL`, or {@link DEFAULT_AMQP_URL}. */
export function testAmqpUrl(env: NodeJS.ProcessEnv = process.env): string {
  return nonEmpty(env['AMQP_URL']) ?? DEFAULT_AMQP_URL;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
