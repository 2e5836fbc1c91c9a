import { Logger } from '@nestjs/common';
import { BlobNotFound, type BlobStore } from '@ttkt/blob-store';
import {
  GET_DOCUMENT,
  LIST_CAMPAIGN_DOCUMENTS,
  type DocumentList,
  type DocumentView,
} from '@ttkt/contracts';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  AGENCY_A,
  AGENCY_B,
  bearer,
  FakeSender,
  refusal,
  TENANT,
  TEST_JWT_SECRET,
  testUser,
} from '../../test/gateway-test-kit';
import { startGateway, type RunningGateway } from '../gateway';
import { chosenFile } from './documents.http.controller';

const CAMPAIGN = '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11';
const DOCUMENT = '5e0c1f3d-6b44-4e50-8a32-fc4e0b5a8d00';
const PERSON = 'c1d2e3f4-0000-4000-8000-000000000001';
const OTHER_PERSON = 'c1d2e3f4-0000-4000-8000-000000000002';

const PDF_BYTES = Buffer.from('%PDF-1.7\n% a generated certificate\n%%EOF\n');
const DOCX_BYTES = Buffer.from('PK\u0003\u0004 a generated certificate');
const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A blob store holding some blobs in memory (only `get` and `has` are used by these routes). */
class MemoryBlobs implements Partial<BlobStore> {
  readonly blobs = new Map<string, Buffer>();

  add(bytes: Buffer): string {
    const key = sha(bytes);
    this.blobs.set(key, bytes);
    return key;
  }

  get(sha256: string): Promise<Readable> {
    const bytes = this.blobs.get(sha256);
    return bytes
      ? Promise.resolve(Readable.from([bytes]))
      : Promise.reject(new BlobNotFound(sha256));
  }

  has(sha256: string): Promise<boolean> {
    return Promise.resolve(this.blobs.has(sha256));
  }
}

function documentView(fields: Partial<DocumentView> = {}): DocumentView {
  return {
    id: DOCUMENT,
    kind: 'certificate',
    campaignId: CAMPAIGN,
    agencyId: AGENCY_A,
    number: '28/QĐ-SKHCN',
    issuedOn: '2021-05-17',
    title: 'Giấy khen – Nguyễn Thị Lan',
    status: 'ready',
    formats: [
      {
        format: 'pdf',
        sha256: sha(PDF_BYTES),
        size: PDF_BYTES.length,
        mediaType: 'application/pdf',
        fileName: 'giay-khen-28-QD-SKHCN-nguyen-thi-lan.pdf',
      },
      {
        format: 'docx',
        sha256: sha(DOCX_BYTES),
        size: DOCX_BYTES.length,
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        fileName: 'giay-khen-28-QD-SKHCN-nguyen-thi-lan.docx',
      },
    ],
    source: { kind: 'decision', id: '7a2e3b5f-8d66-4a72-8b54-1e6a1d7caf22' },
    subjectPersonId: PERSON,
    error: null,
    attempts: 1,
    createdAt: '2021-05-17T02:00:00.000Z',
    version: 2,
    ...fields,
  };
}

/** Downloads as bytes whatever the type. */
function binary(test: request.Test): request.Test {
  return test.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** The document routes against a fake document service and an in-memory blob store. */
describe('gateway: generated document routes', () => {
  const sender = new FakeSender();
  const blobs = new MemoryBlobs();
  let gateway: RunningGateway;
  const server = (): App => gateway.app.getHttpServer() as App;
  let secretary: string;
  let viewer: string;
  let own: string;
  let otherPersonsOwn: string;
  let outsider: string;
  let otherTenant: string;
  let document: DocumentView;

  beforeAll(async () => {
    blobs.add(PDF_BYTES);
    blobs.add(DOCX_BYTES);
    gateway = await startGateway({
      sender,
      jwtSecret: TEST_JWT_SECRET,
      blobStore: blobs as unknown as BlobStore,
      blobSweep: false,
      logger: false,
    });
    secretary = await bearer(testUser(['secretariat'], AGENCY_A, 'u-secretary'));
    viewer = await bearer(testUser(['viewer'], AGENCY_A, 'u-viewer'));
    own = await bearer({ ...testUser(['viewer'], AGENCY_A, 'u-lan'), personId: PERSON });
    otherPersonsOwn = await bearer({
      ...testUser(['viewer'], AGENCY_A, 'u-binh'),
      personId: OTHER_PERSON,
    });
    outsider = await bearer(testUser(['agency-admin', 'secretariat'], AGENCY_B, 'u-other'));
    otherTenant = await bearer({
      ...testUser(['agency-admin'], AGENCY_B, 'u-tenant-b'),
      tenantId: 'thai-nguyen',
    });
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  beforeEach(() => {
    sender.sent.length = 0;
    document = documentView();
    sender.handlers = {
      [GET_DOCUMENT]: (payload) => {
        if (payload.tenantId !== TENANT || payload.documentId !== DOCUMENT) {
          throw refusal(GET_DOCUMENT, { code: 'not-found', params: {} });
        }
        return document;
      },
      'campaign.get-campaign': (payload) => {
        if (payload.tenantId !== TENANT) {
          throw refusal('campaign.get-campaign', { code: 'not-found', params: {} });
        }
        return { id: CAMPAIGN, agencyId: AGENCY_A, status: 'issued', version: 4 };
      },
      [LIST_CAMPAIGN_DOCUMENTS]: (): DocumentList => ({
        items: [document],
        nextCursor: null,
        progress: { total: 5, ready: 4, pending: 1, failed: 0 },
      }),
    };
  });

  describe('GET /documents/{id}', () => {
    it('answers the metadata with ETag = version, asking in the caller’s tenant', async () => {
      const response = await request(server())
        .get(`/api/v1/documents/${DOCUMENT}`)
        .set('Authorization', secretary)
        .expect(200);
      expect(response.body).toEqual(document);
      expect(response.headers.etag).toBe('"2"');
      expect(sender.payloads(GET_DOCUMENT)).toEqual([{ tenantId: TENANT, documentId: DOCUMENT }]);
    });

    it('answers 404 to another agency, another tenant, and a person’s account for another’s certificate', async () => {
      for (const token of [outsider, otherTenant, otherPersonsOwn]) {
        const response = await request(server())
          .get(`/api/v1/documents/${DOCUMENT}`)
          .set('Authorization', token);
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ type: 'not-found' });
      }
    });

    it('lets a person’s account read its own certificate, not the decision', async () => {
      await request(server())
        .get(`/api/v1/documents/${DOCUMENT}`)
        .set('Authorization', own)
        .expect(200);
      document = documentView({ kind: 'decision', subjectPersonId: null });
      await request(server())
        .get(`/api/v1/documents/${DOCUMENT}`)
        .set('Authorization', own)
        .expect(404);
    });

    it('refuses a malformed id and an unknown parameter: 400', async () => {
      await request(server())
        .get('/api/v1/documents/not-a-uuid')
        .set('Authorization', secretary)
        .expect(400);
      await request(server())
        .get(`/api/v1/documents/${DOCUMENT}?foo=1`)
        .set('Authorization', secretary)
        .expect(400);
      expect(sender.sent).toEqual([]);
    });

    it('answers 401 without a token', async () => {
      await request(server()).get(`/api/v1/documents/${DOCUMENT}`).expect(401);
    });
  });

  describe('GET /documents/{id}/content', () => {
    it('streams the PDF by default, with its type, length, disposition, nosniff and ETag', async () => {
      const response = await binary(
        request(server()).get(`/api/v1/documents/${DOCUMENT}/content`).set('Authorization', viewer),
      ).expect(200);
      expect(response.body).toEqual(PDF_BYTES);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-length']).toBe(String(PDF_BYTES.length));
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="giay-khen-28-QD-SKHCN-nguyen-thi-lan.pdf"; ' +
          "filename*=UTF-8''giay-khen-28-QD-SKHCN-nguyen-thi-lan.pdf",
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers.etag).toBe(`"${sha(PDF_BYTES)}"`);
    });

    it('streams the DOCX when asked for, to the certificate’s own person too', async () => {
      const response = await binary(
        request(server())
          .get(`/api/v1/documents/${DOCUMENT}/content?format=docx`)
          .set('Authorization', own),
      ).expect(200);
      expect(response.body).toEqual(DOCX_BYTES);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
    });

    it('answers 404 for a format the document has not, 400 for a format that is none', async () => {
      const missing = await request(server())
        .get(`/api/v1/documents/${DOCUMENT}/content?format=xlsx`)
        .set('Authorization', secretary);
      expect(missing.status).toBe(404);
      const bad = await request(server())
        .get(`/api/v1/documents/${DOCUMENT}/content?format=odt`)
        .set('Authorization', secretary);
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ type: 'validation-failed', errors: [{ path: 'format' }] });
    });

    it('answers 409 invalid-state with Retry-After: 2 while the document is pending', async () => {
      document = documentView({ status: 'pending', formats: [], attempts: 0 });
      const response = await request(server())
        .get(`/api/v1/documents/${DOCUMENT}/content`)
        .set('Authorization', secretary);
      expect(response.status).toBe(409);
      expect(response.headers['retry-after']).toBe('2');
      expect(response.body).toMatchObject({ type: 'invalid-state', params: { status: 'pending' } });
    });

    it('answers 409 invalid-state with the error once the generation failed', async () => {
      document = documentView({
        status: 'failed',
        formats: [],
        error: 'font not found',
        attempts: 5,
      });
      const response = await request(server())
        .get(`/api/v1/documents/${DOCUMENT}/content`)
        .set('Authorization', secretary);
      expect(response.status).toBe(409);
      expect(response.headers['retry-after']).toBeUndefined();
      expect(response.body).toMatchObject({
        type: 'invalid-state',
        params: { status: 'failed', error: 'font not found' },
      });
    });

    it('answers 404 (and logs) when the store no longer holds the blob', async () => {
      const lines: string[] = [];
      const spy = jest
        .spyOn(Logger.prototype, 'error')
        .mockImplementation((message: unknown) => void lines.push(String(message)));
      try {
        document = documentView({
          formats: [{ ...documentView().formats[0]!, sha256: 'f'.repeat(64) }],
        });
        const response = await request(server())
          .get(`/api/v1/documents/${DOCUMENT}/content`)
          .set('Authorization', secretary);
        expect(response.status).toBe(404);
        expect(lines.join('\n')).toContain(
          `document ${DOCUMENT} records pdf blob ${'f'.repeat(64)}`,
        );
      } finally {
        spy.mockRestore();
      }
    });

    it('answers 404 before anything else to whoever may not read the document', async () => {
      document = documentView({ status: 'pending', formats: [] });
      for (const token of [outsider, otherTenant, otherPersonsOwn]) {
        const response = await request(server())
          .get(`/api/v1/documents/${DOCUMENT}/content`)
          .set('Authorization', token);
        expect(response.status).toBe(404);
        expect(response.headers['retry-after']).toBeUndefined();
      }
    });
  });

  describe('GET /campaigns/{id}/documents', () => {
    it('lists the campaign’s documents with progress, passing kind, status, limit and cursor', async () => {
      const response = await request(server())
        .get(`/api/v1/campaigns/${CAMPAIGN}/documents`)
        .query({ kind: 'certificate', status: 'ready', limit: 20, cursor: 'abc' })
        .set('Authorization', secretary)
        .expect(200);
      expect(response.body).toEqual({
        items: [document],
        nextCursor: null,
        progress: { total: 5, ready: 4, pending: 1, failed: 0 },
      });
      expect(sender.payloads(LIST_CAMPAIGN_DOCUMENTS)).toEqual([
        {
          tenantId: TENANT,
          campaignId: CAMPAIGN,
          kind: 'certificate',
          status: 'ready',
          limit: 20,
          cursor: 'abc',
        },
      ]);
    });

    it('answers 404 to another agency and another tenant, 403 to a person’s own account', async () => {
      for (const token of [outsider, otherTenant]) {
        const response = await request(server())
          .get(`/api/v1/campaigns/${CAMPAIGN}/documents`)
          .set('Authorization', token);
        expect(response.status).toBe(404);
      }
      const own_ = await request(server())
        .get(`/api/v1/campaigns/${CAMPAIGN}/documents`)
        .set('Authorization', own);
      expect(own_.status).toBe(403);
      expect(sender.payloads(LIST_CAMPAIGN_DOCUMENTS)).toEqual([]);
    });

    it('refuses an unknown kind and a limit out of range: 400', async () => {
      for (const query of [{ kind: 'letter' }, { limit: 0 }, { limit: 201 }]) {
        const response = await request(server())
          .get(`/api/v1/campaigns/${CAMPAIGN}/documents`)
          .query(query)
          .set('Authorization', secretary);
        expect(response.status).toBe(400);
      }
    });
  });

  it('picks the asked format, else the PDF, else the first file', () => {
    const [pdf, docx] = documentView().formats;
    expect(chosenFile([docx!, pdf!], undefined)).toBe(pdf);
    expect(chosenFile([docx!], undefined)).toBe(docx);
    expect(chosenFile([docx!, pdf!], 'docx')).toBe(docx);
    expect(chosenFile([pdf!], 'xlsx')).toBeUndefined();
    expect(chosenFile([], undefined)).toBeUndefined();
  });
});
