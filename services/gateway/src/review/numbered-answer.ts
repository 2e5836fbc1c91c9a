import { ERROR_STATUS, isErrorCode, type NumberedCommandResult } from '@ttkt/contracts';
import type { Response } from 'express';
import { commandAnswer, POSITION_HEADER, type CommandAnswer } from '../directory/command-answer';
import { ProblemException } from '../problem/problem.exception';

/**
 * The HTTP answer of a command that asks the register for a number (a decision, a proposal), as
 * the plan's issue answers: `issued` → `201` with the resource (`Location`, `ETag`,
 * `X-Position`); `pending` (the register has not answered within the wait) → `202` with the
 * resource as it stands (`issuing`), the same headers, so the client can poll `Location`;
 * `refused` → `409`, with `X-Position`: the register's code when it is a conflict code
 * (`409 register-number-taken`), else `409 invalid-state` with the register's code in
 * `params.registerCode` (a `validation-failed` of the register is no fault of this request's
 * body, so never a `400`). The route declares `@HttpCode(201)`.
 */
export function numberedAnswer(
  response: Response,
  result: NumberedCommandResult<object>,
  location: string,
): CommandAnswer {
  if (result.outcome === 'refused') {
    const code = (result.body as { refusal?: unknown }).refusal;
    const headers = { [POSITION_HEADER]: result.position };
    if (isErrorCode(code) && ERROR_STATUS[code] === 409) {
      throw new ProblemException(code, [], headers);
    }
    throw new ProblemException(
      'invalid-state',
      [],
      headers,
      typeof code === 'string' && code !== '' ? { registerCode: code } : {},
    );
  }
  if (result.outcome === 'pending') response.status(202);
  return commandAnswer(response, result, location);
}
