import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from '@ttkt/messaging';
import type { ValidationIssue } from '@ttkt/contracts';
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
 * Control characters other than tab, line feed and carriage return, and UTF-16 halves without
 * their other half: no name or text of a plan holds them, and PostgreSQL refuses NUL in text.
 */
const UNACCEPTABLE_TEXT =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` holds a character no field of this API accepts (see {@link UNACCEPTABLE_TEXT}). */
export function isUnacceptableText(text: string): boolean {
  return UNACCEPTABLE_TEXT.test(text);
}

/**
 * Prepares a JSON body for validation: drops keys starting with `$` at any depth (they are
 * comments, as in the fixture) and normalises every string, keys included, to Unicode NFC (a
 * name typed on one keyboard then equals the same name typed on another). A body nested deeper
 * than {@link MAX_BODY_DEPTH} is refused as `validation-failed` (it is no plan, and walking it
 * would only cost the server), and so is a string or key holding a control character or a lone
 * surrogate, with its path.
 */
export function withoutCommentKeys(value: unknown): unknown {
  const issues: ValidationIssue[] = [];
  const prepared = prepare(value, 0, '', issues);
  if (issues.length > 0) throw new ProblemException('validation-failed', issues.slice(0, 50));
  return prepared;
}

/**
 * Refuses query parameters holding a control character or a lone surrogate (`?q=%00`) with
 * their path, before any route reads them.
 */
export function assertAcceptableQuery(query: Record<string, unknown>): void {
  const issues: ValidationIssue[] = [];
  prepare(query, 0, '', issues);
  if (issues.length > 0) throw new ProblemException('validation-failed', issues.slice(0, 50));
}

function prepare(value: unknown, depth: number, path: string, issues: ValidationIssue[]): unknown {
  if (depth > MAX_BODY_DEPTH) {
    throw new ProblemException('validation-failed', [{ path: '', message: 'maxDepth' }]);
  }
  if (typeof value === 'string') {
    if (isUnacceptableText(value)) issues.push({ path, message: 'controlCharacter' });
    return value.normalize('NFC');
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => prepare(item, depth + 1, `${path}[${index}]`, issues));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.startsWith('$'))
        .map(([key, inner]) => {
          const inside = path === '' ? key : `${path}.${key}`;
          if (isUnacceptableText(key)) issues.push({ path: inside, message: 'controlCharacter' });
          return [key.normalize('NFC'), prepare(inner, depth + 1, inside, issues)];
        }),
    );
  }
  return value;
}
