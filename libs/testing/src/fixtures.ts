import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** A JSON value as `JSON.parse` returns it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The file name of the Bắc Kạn plan fixture in `shared/fixtures/`. */
export const BAC_KAN_FIXTURE = 'bac-kan-27-KH-SKHCN.json';

/**
 * The project's root: the nearest folder above `from` (default: this file's folder) that holds a
 * `package.json`. Works from the sources (`libs/testing/src`) and from `dist/`.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
}

/**
 * The read-only `shared/` folder that lies beside the project (`<root>/../shared`), or
 * `TTKT_SHARED_DIR` when set.
 */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['TTKT_SHARED_DIR'];
  if (configured !== undefined && configured !== '') return path.resolve(configured);
  return path.resolve(projectRoot(), '..', 'shared');
}

/**
 * A deep copy of `value` without the keys that start with `$` (the fixtures' comments, such as
 * `$comment` and `$derived…`), at every depth, arrays included.
 */
export function withoutDollarKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutDollarKeys);
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!key.startsWith('$')) out[key] = withoutDollarKeys(inner);
    }
    return out;
  }
  return value;
}

/**
 * Reads a JSON fixture from `shared/fixtures/` and returns it without its `$` keys.
 * @param fileName - the fixture's file name, e.g. {@link BAC_KAN_FIXTURE}.
 */
export function loadSharedFixture(fileName: string): JsonValue {
  const file = path.join(sharedDir(), 'fixtures', fileName);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as JsonValue;
  return withoutDollarKeys(parsed);
}

/**
 * Plan 27/KH-SKHCN of the Bắc Kạn Department of Science and Technology (30/3/2021) in the shape
 * of `POST /api/v1/campaigns`, with the fixture's `$` comment keys removed at every depth. Each call
 * returns a fresh copy, so a test may change it freely.
 */
export function loadBacKanFixture(): JsonObject {
  const fixture = loadSharedFixture(BAC_KAN_FIXTURE);
  if (fixture === null || typeof fixture !== 'object' || Array.isArray(fixture)) {
    throw new Error(`${BAC_KAN_FIXTURE} is not a JSON object`);
  }
  return fixture;
}
