/** A response of the public API: its status and parsed JSON body (or the text, when not JSON). */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

/** The public API refused a request the demo loader made. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${JSON.stringify(body)}`);
  }

  /** The problem's `type` (a stable code such as `not-found`), when the body is a problem. */
  get code(): string | undefined {
    const type = (this.body as { type?: unknown } | null)?.type;
    return typeof type === 'string' ? type.replace(/^.*\//, '') : undefined;
  }
}

/**
 * A small client of the gateway's public HTTP API (`/api/v1`), signed in as one user: the demo
 * loader goes through it, so the demo exercises the same contract every client uses.
 */
export class ApiClient {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string | undefined,
    private readonly tenantId?: string,
  ) {}

  /** The same user acting in a tenant (`X-Tenant-Id`): how a system-admin works inside one. */
  inTenant(tenantId: string): ApiClient {
    return new ApiClient(this.baseUrl, this.token, tenantId);
  }

  /** A client that is not signed in. */
  static anonymous(baseUrl: string): ApiClient {
    return new ApiClient(baseUrl, undefined);
  }

  /** Signs in with `POST /auth/login` and returns a client carrying the token. */
  static async signIn(baseUrl: string, username: string, password: string): Promise<ApiClient> {
    const { body } = await ApiClient.anonymous(baseUrl).post<{ accessToken: string }>(
      '/auth/login',
      { username, password },
    );
    return new ApiClient(baseUrl, body.accessToken);
  }

  /** GET; resolves with the body of a 2xx, rejects with an {@link ApiError} otherwise. */
  async get<T>(path: string, query: Record<string, string | number> = {}): Promise<T> {
    const search = new URLSearchParams(
      Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
    ).toString();
    return (await this.request<T>('GET', search ? `${path}?${search}` : path)).body;
  }

  /** POST a JSON body; resolves with status and body of a 2xx, rejects otherwise. */
  post<T>(path: string, body: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body);
  }

  /** PUT a JSON body; resolves with status and body of a 2xx, rejects otherwise. */
  put<T>(path: string, body: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', path, body);
  }

  /** DELETE; resolves with status and body of a 2xx, rejects otherwise. */
  delete<T>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('DELETE', path);
  }

  /**
   * POST `multipart/form-data`: the text `fields` first, then one `file` (its name as given,
   * UTF-8); resolves with status and body of a 2xx, rejects otherwise.
   */
  upload<T>(
    path: string,
    fields: Record<string, string>,
    file: { content: Buffer; fileName: string; mediaType: string },
  ): Promise<ApiResponse<T>> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([file.content], { type: file.mediaType }), file.fileName);
    return this.request<T>('POST', path, form);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.tenantId) headers['x-tenant-id'] = this.tenantId;
    const multipart = body instanceof FormData;
    // fetch sets a form's content type itself, with the boundary.
    if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    if (!response.ok) throw new ApiError(method, path, response.status, parsed);
    return { status: response.status, body: parsed as T };
  }
}
