/** DI tokens of what a service host provides to the service's Nest modules. */
export const SERVICE_INFRASTRUCTURE = Symbol('SERVICE_INFRASTRUCTURE');
/** The service's `EventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The service's `pg.Pool` (its own schema is on `search_path`). */
export const PG_POOL = Symbol('PG_POOL');
/** The injected `Clock`. */
export const CLOCK = Symbol('CLOCK');
/** The `EventTransport` (RabbitMQ or in-process). */
export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');
/** The `CommandSender` for RPC to other services (the gateway's). */
export const COMMAND_SENDER = Symbol('COMMAND_SENDER');
