import { isErrorCode, type NumberedCommandResult } from '@ttkt/contracts';
import type { Response } from 'express';
import { commandAnswer, POSITION_HEADER, type CommandAnswer } from '../directory/command-answer';
import { ProblemException } from '../problem/problem.exception';

/**
 * The HTTP answer of a command that asks the register for a number (a decision, a proposal), as
 * the plan's issue answers: `issued` → `201` with the resource (`Location`, `ETag`,
 * `X-Position`); `pending` (the register has not answered within the wait) → `202` with the
 * resource as it stands (`issuing`), the same headers, so the client can poll `Location`;
 * `refused` → the problem of the register's code (`409 register-number-taken`; an unknown code
 * is `409 invalid-state`), with `X-Position`. The route declares `@HttpCode(201)`.
 */
export function numberedAnswer(
  response: Response,
  result: NumberedCommandResult<object>,
  location: string,
): CommandAnswer {
  if (result.outcome === 'refused') {
    const code = (result.body as { refusal?: unknown }).refusal;
    throw new ProblemException(isErrorCode(code) ? code : 'invalid-state', [], {
      [POSITION_HEADER]: result.position,
    });
  }
  if (result.outcome === 'pending') response.status(202);
  return commandAnswer(response, result, location);
}
