import {
  ApiClient,
  eventually,
  expectStatus,
  SCENARIO_PASSWORD,
  type ApiResponse,
} from '@ttkt/testing';
import type { DocumentList, DocumentView } from '@ttkt/contracts';
import request from 'supertest';
import type { ReviewScenario } from './review-scenario';

/** A downloaded file: the HTTP status, headers (lower case) and the bytes. */
export interface Download {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The body as text (a problem's JSON when the status is not 200). */
  text: string;
}

/**
 * `GET /documents/{id}/content?format=` as `client`, the body kept as bytes whatever its type (the
 * JSON client would parse or drop a PDF).
 */
export async function download(
  client: ApiClient,
  documentId: string,
  format?: 'pdf' | 'docx' | 'xlsx',
): Promise<Download> {
  let test = request(client.server)
    .get(`/api/v1/documents/${documentId}/content`)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
      response.on('error', (error: Error) => done(error, Buffer.alloc(0)));
    });
  if (client.token !== undefined) test = test.set('Authorization', `Bearer ${client.token}`);
  for (const [name, value] of Object.entries(client.defaultHeaders)) test = test.set(name, value);
  if (format !== undefined) test = test.query({ format });
  const response = await test;
  const body = Buffer.isBuffer(response.body) ? response.body : Buffer.alloc(0);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers as Record<string, unknown>)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { status: response.status, headers, body, text: body.toString('utf8') };
}

/** Expects a `200` download and answers its bytes (the answer in the message otherwise). */
export function expectFile(answer: Download): Buffer {
  if (answer.status !== 200) {
    throw new Error(`expected 200, got ${answer.status}: ${answer.text.slice(0, 500)}`);
  }
  return answer.body;
}

/** Every page of `GET /campaigns/{id}/documents` (optionally of one kind); the last page's progress. */
export async function campaignDocuments(
  client: ApiClient,
  campaignId: string,
  kind?: string,
): Promise<DocumentList> {
  const items: DocumentView[] = [];
  let cursor: string | null = null;
  let last: DocumentList | undefined;
  do {
    const page: ApiResponse<DocumentList> = await client.get<DocumentList>(
      `/campaigns/${campaignId}/documents`,
      {
        query: {
          limit: 50,
          ...(kind === undefined ? {} : { kind }),
          ...(cursor === null ? {} : { cursor }),
        },
      },
    );
    last = expectStatus(page, 200);
    items.push(...last.items);
    cursor = last.nextCursor;
  } while (cursor !== null);
  return { ...last, items, nextCursor: null };
}

/**
 * Waits until the campaign lists at least `counts[kind]` documents of each kind, all of them
 * `ready`, and answers the list; a `failed` document fails at once, with its error.
 */
export async function documentsReady(
  client: ApiClient,
  campaignId: string,
  counts: Partial<Record<DocumentView['kind'], number>>,
  timeoutMs = 60_000,
): Promise<DocumentList> {
  const list = await eventually(
    async () => {
      const found = await campaignDocuments(client, campaignId);
      // A failed document stays failed: no use waiting.
      if (found.items.some((item) => item.status === 'failed')) return found;
      for (const [kind, count] of Object.entries(counts)) {
        const ofKind = found.items.filter((item) => item.kind === kind);
        const ready = ofKind.filter((item) => item.status === 'ready');
        if (ready.length < count) {
          throw new Error(
            `${kind}: ${ready.length} of ${count} ready (${ofKind.map((item) => item.status).join(', ')})`,
          );
        }
      }
      return found;
    },
    { timeoutMs, intervalMs: 100 },
  );
  const failed = list.items.filter((item) => item.status === 'failed');
  if (failed.length > 0) {
    throw new Error(
      `generation failed: ${failed
        .map((item) => `${item.kind} ${item.id}: ${JSON.stringify(item.error)}`)
        .join('; ')}`,
    );
  }
  return list;
}

/**
 * Creates a user of the scenario's agency linked to `personId` (a `viewer` and nothing more:
 * the person's own account) through `POST /users` as the agency admin, and signs it in.
 */
export async function personAccount(
  s: ReviewScenario,
  username: string,
  fullName: string,
  personId: string,
): Promise<ApiClient> {
  const created = await s.admin.post<{ id: string }>('/users', {
    username,
    password: SCENARIO_PASSWORD,
    fullName,
    agencyId: s.agency.agencyId,
    personId,
    roles: ['viewer'],
  });
  expectStatus(created, 201);
  const client = await ApiClient.login(s.test.server, username, SCENARIO_PASSWORD);
  s.clients[username] = client;
  return client;
}
