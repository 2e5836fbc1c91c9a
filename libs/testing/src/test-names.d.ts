/** Every name of a throw-away test schema or vhost starts with this (`t_`). */
export declare const TEST_NAME_PREFIX: 't_';

/** `t_<label>_<created-at in base-36 ms>_<8 hex digits>`; group 1 is the creation time. */
export declare const TEST_NAME_PATTERN: RegExp;

/**
 * A unique name for a throw-away test resource (a PostgreSQL schema or a RabbitMQ vhost):
 * `t_<label>_<created-at>_<random>`, lower case, safe as an unquoted SQL identifier. The creation
 * time in the name lets the integration tests' global setup drop what aborted runs left behind.
 * @param label - what the resource is for (e.g. `event_store`); folded to `[a-z0-9_]`, cut to 30 characters.
 * @param now - creation time in ms since the epoch (defaults to `Date.now()`).
 * @param random - 8 hex digits (defaults to random ones).
 */
export declare function testResourceName(label: string, now?: number, random?: string): string;

/**
 * The creation time (ms since the epoch) encoded in a test resource's name; `undefined` if it is
 * not one (including a time part before 2024, which no name of ours has).
 */
export declare function testResourceCreatedAt(name: string): number | undefined;

/** True when `name` is a test resource's name created more than `maxAgeMs` before `now`. */
export declare function isStaleTestResource(name: string, now: number, maxAgeMs: number): boolean;
