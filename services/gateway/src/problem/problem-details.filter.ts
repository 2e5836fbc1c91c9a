import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { ERROR_STATUS, isErrorCode, type ErrorCode, type ValidationIssue } from '@ttkt/contracts';
import { RemoteDomainError, RpcTimeoutError, ServiceUnavailableError } from '@ttkt/messaging';
import type { Request, Response } from 'express';
import { constraintText, languageOf, PROBLEM_TEXTS, type Language } from './problem-messages';
import { ProblemException } from './problem.exception';

/** The body of an `application/problem+json` answer (RFC 9457). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ValidationIssue[];
  /**
   * The facts a domain refusal carries (an extension member): `missing` codes of
   * `missing-documents`, the `cutoff` of `deadline-passed`, the taken `number`, …
   */
  params?: Record<string, string | number | boolean | null>;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation-failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'invalid-state',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'service-unavailable',
  504: 'service-timeout',
};

/**
 * Turns every error into `application/problem+json` in the caller's language. Errors of the
 * caller's input and of the domain keep their 4xx code; only a fault of ours is a 500, and it
 * reveals nothing of its cause.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const language = languageOf(request.headers['accept-language']);
    const { code, status, errors, headers } = classifyException(exception);
    const params =
      exception instanceof RemoteDomainError || exception instanceof ProblemException
        ? exception.params
        : undefined;
    if (code === 'internal-error') {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    const texts = PROBLEM_TEXTS[code];
    const body: ProblemDetails = {
      type: code,
      title: texts.title[language],
      status,
      detail: texts.detail[language],
      instance: request.originalUrl,
      ...(errors.length > 0 ? { errors: localise(errors, language) } : {}),
      ...(params && Object.keys(params).length > 0 ? { params } : {}),
    };
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).type('application/problem+json').send(JSON.stringify(body));
  }
}

/** What problem an exception answers with: code, status, failing paths, extra headers. */
export function classifyException(exception: unknown): {
  code: ErrorCode | 'internal-error';
  status: number;
  errors: ValidationIssue[];
  headers: Record<string, string>;
} {
  if (exception instanceof ProblemException) {
    return {
      code: exception.code,
      status: exception.status,
      errors: exception.errors,
      headers: exception.headers,
    };
  }
  if (exception instanceof RemoteDomainError) {
    const code = isErrorCode(exception.code) ? exception.code : 'invalid-state';
    const headers: Record<string, string> =
      code === 'position-not-reached' ? { 'Retry-After': '1' } : {};
    return { code, status: ERROR_STATUS[code], errors: exception.errors ?? [], headers };
  }
  if (exception instanceof RpcTimeoutError) {
    return { code: 'service-timeout', status: 504, errors: [], headers: {} };
  }
  if (exception instanceof ServiceUnavailableError) {
    return {
      code: 'service-unavailable',
      status: 503,
      errors: [],
      headers: { 'Retry-After': '5' },
    };
  }
  const parserError = bodyParserStatus(exception);
  if (parserError !== undefined) {
    const code = STATUS_CODES[parserError] ?? 'validation-failed';
    const errors = code === 'validation-failed' ? [{ path: '', message: 'body' }] : [];
    return { code, status: ERROR_STATUS[code], errors, headers: {} };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = STATUS_CODES[status];
    if (code) {
      const errors = status === 400 ? [{ path: '', message: 'body' }] : [];
      return { code, status, errors, headers: {} };
    }
  }
  return { code: 'internal-error', status: 500, errors: [], headers: {} };
}

/**
 * The status of an error raised by the body parser before any route ran (http-errors: a `type`
 * such as `entity.too.large` or `entity.parse.failed` and a 4xx `status`), else undefined.
 */
function bodyParserStatus(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { type, status } = exception as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || !/^(entity|charset|encoding|request)\./.test(type))
    return undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function localise(errors: ValidationIssue[], language: Language): ValidationIssue[] {
  return errors.map((issue) => ({
    path: issue.path,
    message: constraintText(issue.message, language),
  }));
}
