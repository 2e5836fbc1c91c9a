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

/** Drops keys starting with `$` at any depth: they are comments, as in the fixture. */
export function withoutCommentKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCommentKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.startsWith('$'))
        .map(([key, inner]) => [key, withoutCommentKeys(inner)]),
    );
  }
  return value;
}
