import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from '@ttkt/messaging';
import { ProblemException } from './problem.exception';

/** Strict request validation: unknown fields refused, every failing path reported. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new ProblemException('validation-failed', flattenValidationErrors(errors)),
  });
}

/** How deep a request body may nest; the plan's own data nests about six levels. */
export const MAX_BODY_DEPTH = 32;

/**
 * Prepares a JSON body for validation: drops keys starting with `$` at any depth (they are
 * comments, as in the fixture) and normalises every string, keys included, to Unicode NFC (a
 * name typed on one keyboard then equals the same name typed on another). A body nested deeper
 * than {@link MAX_BODY_DEPTH} is refused as `validation-failed` (it is no plan, and walking it
 * would only cost the server).
 */
export function withoutCommentKeys(value: unknown, depth = 0): unknown {
  if (depth > MAX_BODY_DEPTH) {
    throw new ProblemException('validation-failed', [{ path: '', message: 'maxDepth' }]);
  }
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map((item) => withoutCommentKeys(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.startsWith('$'))
        .map(([key, inner]) => [key.normalize('NFC'), withoutCommentKeys(inner, depth + 1)]),
    );
  }
  return value;
}
