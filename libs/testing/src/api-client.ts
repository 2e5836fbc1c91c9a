import request from 'supertest';
import type { App } from 'supertest/types';

/** What {@link ApiClient} hands back: the parts of an HTTP answer tests look at. */
export interface ApiResponse<T = Record<string, unknown>> {
  /** The HTTP status. */
  status: number;
  /** The parsed JSON body (problem+json included); `{}` when there is none. */
  body: T;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** The raw body text. */
  text: string;
}

/** Extra settings of one request made with {@link ApiClient}. */
export interface ApiRequestOptions {
  /** Query string parameters. */
  query?: Record<string, string | number | boolean>;
  /** Headers to add (they override the client's defaults). */
  headers?: Record<string, string>;
  /** Send this text as the body as it is (with `content-type: application/json` unless set). */
  raw?: string;
}

/** The `errors` of a `validation-failed` problem. */
export interface ProblemIssue {
  /** The failing field, dotted with array indexes. */
  path: string;
  /** The translated message. */
  message: string;
}

/** An `application/problem+json` body. */
export interface ProblemBody {
  /** The stable problem code (`validation-failed`, `not-found`, …). */
  type: string;
  /** Short text in the caller's language. */
  title: string;
  /** The HTTP status again. */
  status: number;
  /** Longer text in the caller's language. */
  detail: string;
  /** For `validation-failed`: each failing path. */
  errors?: ProblemIssue[];
}

/**
 * A small client of the public API for end-to-end tests, on supertest against a Nest app's HTTP
 * server (no port needed): every call goes under `/api/v1`, carries the bearer token when the
 * client has one and `Accept-Language` when asked for, and never throws on a 4xx/5xx, so tests
 * assert on the status and problem body themselves.
 *
 * @example
 * const admin = await ApiClient.login(app.getHttpServer(), 'admin', 'secret');
 * const tenant = await admin.post('/tenants', { code: 'BK', name: 'Tỉnh Bắc Kạn' });
 * expect(tenant.status).toBe(201);
 */
export class ApiClient {
  /**
   * @param server - the app's HTTP server (`app.getHttpServer()`).
   * @param token - the bearer token, if signed in.
   * @param language - the `Accept-Language` to send, if any.
   * @param defaultHeaders - headers sent with every request (e.g. `X-Tenant-Id`).
   * @param basePath - the API's prefix (default `/api/v1`).
   */
  constructor(
    readonly server: App,
    readonly token?: string,
    readonly language?: string,
    readonly defaultHeaders: Readonly<Record<string, string>> = {},
    readonly basePath = '/api/v1',
  ) {}

  /**
   * Signs in with `POST /auth/login` and returns a client carrying the token; throws with the
   * answer when the login is refused.
   */
  static async login(server: App, username: string, password: string): Promise<ApiClient> {
    const anonymous = new ApiClient(server);
    const response = await anonymous.post<{ accessToken?: unknown }>('/auth/login', {
      username,
      password,
    });
    const token = response.body.accessToken;
    if (response.status !== 200 && response.status !== 201) {
      throw new Error(`login of ${username} answered ${response.status}: ${response.text}`);
    }
    if (typeof token !== 'string') throw new Error(`login answered no token: ${response.text}`);
    return new ApiClient(server, token);
  }

  /** The same client asking for answers in `language` (`vi`, `en`, or any header value). */
  in(language: string): ApiClient {
    return new ApiClient(this.server, this.token, language, this.defaultHeaders, this.basePath);
  }

  /** The same server without a token (or with `token`, e.g. a bad one). */
  withToken(token: string | undefined): ApiClient {
    return new ApiClient(this.server, token, this.language, this.defaultHeaders, this.basePath);
  }

  /**
   * The same client acting in a tenant: sends `X-Tenant-Id`, which a platform system-admin (who
   * belongs to no tenant) passes on routes inside a tenant.
   */
  forTenant(tenantId: string): ApiClient {
    return new ApiClient(
      this.server,
      this.token,
      this.language,
      { ...this.defaultHeaders, 'X-Tenant-Id': tenantId },
      this.basePath,
    );
  }

  /** `GET basePath + path`. */
  get<T = Record<string, unknown>>(
    path: string,
    options: ApiRequestOptions = {},
  ): Promise<ApiResponse<T>> {
    return this.send<T>('get', path, undefined, options);
  }

  /** `POST basePath + path` with a JSON body. */
  post<T = Record<string, unknown>>(
    path: string,
    body?: unknown,
    options: ApiRequestOptions = {},
  ): Promise<ApiResponse<T>> {
    return this.send<T>('post', path, body, options);
  }

  /** `PATCH basePath + path` with a JSON body. */
  patch<T = Record<string, unknown>>(
    path: string,
    body?: unknown,
    options: ApiRequestOptions = {},
  ): Promise<ApiResponse<T>> {
    return this.send<T>('patch', path, body, options);
  }

  /** `PUT basePath + path` with a JSON body. */
  put<T = Record<string, unknown>>(
    path: string,
    body?: unknown,
    options: ApiRequestOptions = {},
  ): Promise<ApiResponse<T>> {
    return this.send<T>('put', path, body, options);
  }

  /**
   * `POST basePath + path` as `multipart/form-data` with one file (field `field`, default `file`).
   */
  async upload<T = Record<string, unknown>>(
    path: string,
    file: { content: Buffer; fileName: string; contentType: string },
    options: ApiRequestOptions & { field?: string } = {},
  ): Promise<ApiResponse<T>> {
    let test = this.prepare(request(this.server).post(this.basePath + path), options);
    test = test.attach(options.field ?? 'file', file.content, {
      filename: file.fileName,
      contentType: file.contentType,
    });
    return toResponse<T>(await test);
  }

  private async send<T>(
    method: 'get' | 'post' | 'patch' | 'put',
    path: string,
    body: unknown,
    options: ApiRequestOptions,
  ): Promise<ApiResponse<T>> {
    let test = this.prepare(request(this.server)[method](this.basePath + path), options);
    if (options.raw !== undefined) {
      if (options.headers?.['content-type'] === undefined) {
        test = test.set('content-type', 'application/json');
      }
      test = test.send(options.raw);
    } else if (body !== undefined) {
      test = test.send(body as object);
    }
    return toResponse<T>(await test);
  }

  private prepare(test: request.Test, options: ApiRequestOptions): request.Test {
    let prepared = test;
    if (this.token !== undefined) prepared = prepared.set('Authorization', `Bearer ${this.token}`);
    if (this.language !== undefined) prepared = prepared.set('Accept-Language', this.language);
    for (const [name, value] of Object.entries({ ...this.defaultHeaders, ...options.headers })) {
      prepared = prepared.set(name, value);
    }
    if (options.query) prepared = prepared.query(options.query);
    return prepared;
  }
}

function toResponse<T>(response: request.Response): ApiResponse<T> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers as Record<string, unknown>)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  const body = (response.body ?? {}) as T;
  return { status: response.status, body, headers, text: response.text ?? '' };
}

/**
 * A description of an answer for failure messages: status and body, so a failing expectation
 * says what the API did.
 */
export function describeResponse(response: ApiResponse<unknown>): string {
  return `${response.status} ${response.text.slice(0, 2_000)}`;
}

/**
 * Throws (with the answer) unless `response` has `status`; returns the body. For the setup steps
 * of a scenario, where a wrong status means the rest cannot run.
 */
export function expectStatus<T>(response: ApiResponse<T>, ...statuses: number[]): T {
  if (!statuses.includes(response.status)) {
    throw new Error(`expected HTTP ${statuses.join(' or ')}, got ${describeResponse(response)}`);
  }
  return response.body;
}
