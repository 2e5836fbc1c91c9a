import { assertSchemaName } from '@ttkt/event-store';

/** The environment a service reads when it runs alone (the distributed mode). */
export interface ServiceConfig {
  service: string;
  /** `<SERVICE>_DATABASE_URL`, else `DATABASE_URL`. */
  databaseUrl: string;
  /** The schema the service owns (`<SERVICE>_DATABASE_SCHEMA`, default the service's name). */
  schema: string;
  amqpUrl: string;
  /** Prefix of exchange and queue names (`AMQP_PREFIX`, default `ttkt`). */
  amqpPrefix: string;
  /** HTTP port for health and metrics (`PORT`). */
  port: number;
  logLevel: string;
}

/** Raised once at start when the environment is unusable, naming every problem. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and checks a service's environment once, at start. */
export function loadServiceConfig(
  service: string,
  env: NodeJS.ProcessEnv,
  defaults: { port: number },
): ServiceConfig {
  const prefix = service.toUpperCase().replace(/-/g, '_');
  const problems: string[] = [];
  const databaseUrl = env[`${prefix}_DATABASE_URL`] ?? env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(`${prefix}_DATABASE_URL or DATABASE_URL must be a postgres:// URL`);
  }
  const amqpUrl = env.AMQP_URL ?? '';
  if (!/^amqps?:\/\//.test(amqpUrl)) problems.push('AMQP_URL must be an amqp:// URL');
  const port = Number(env.PORT ?? defaults.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    problems.push('PORT must be a TCP port');
  const schema = env[`${prefix}_DATABASE_SCHEMA`] ?? service.replace(/-/g, '_');
  try {
    assertSchemaName(schema);
  } catch {
    problems.push(`${prefix}_DATABASE_SCHEMA must be [a-z_][a-z0-9_]*, at most 56 characters`);
  }
  if (problems.length > 0) {
    throw new ConfigError(`${service}: ${problems.join('; ')}`);
  }
  return {
    service,
    databaseUrl,
    schema,
    amqpUrl,
    amqpPrefix: env.AMQP_PREFIX ?? 'ttkt',
    port,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
