import type { CommandResult } from '@ttkt/contracts';
import type { Response } from 'express';
import { ProblemException } from '../problem/problem.exception';

/** A resource as a command answers it: its new state, with the command's `position`. */
export type CommandAnswer = Record<string, unknown>;

/** The response header that carries a command's log position on every command answer. */
export const POSITION_HEADER = 'X-Position';

/**
 * The HTTP answer of a command: `ETag` = the new version, `Location` when it created something,
 * the command's `position` (pass it as `?minPosition=` to read your write) in the `X-Position`
 * header and in the body — except for a resource with a `position` of its own (a person's job
 * title), where the body keeps the resource's field and the header alone carries the token.
 */
export function commandAnswer(
  response: Response,
  result: CommandResult<object>,
  location?: string,
): CommandAnswer {
  if (location) response.setHeader('Location', location);
  response.setHeader('ETag', `"${result.version}"`);
  response.setHeader(POSITION_HEADER, result.position);
  const body = result.body as Record<string, unknown>;
  return 'position' in body ? body : { ...body, position: result.position };
}

/** A read answer with its `ETag` (the resource's version), for a later `If-Match`. */
export function withETag<T extends { version?: unknown }>(response: Response, view: T): T {
  if (typeof view.version === 'number') response.setHeader('ETag', `"${view.version}"`);
  return view;
}

/**
 * The version of `If-Match: "3"` (also `3` or `W/"3"`). Missing or malformed →
 * `400 validation-failed` at path `If-Match` (updates of versioned resources require it).
 */
export function expectedVersion(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new ProblemException('validation-failed', [{ path: 'If-Match', message: 'isDefined' }]);
  }
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw new ProblemException('validation-failed', [{ path: 'If-Match', message: 'ifMatch' }]);
  }
  return Number(match[1]);
}
