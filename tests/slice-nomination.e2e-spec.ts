import {
  ApiClient,
  bacKanDraft,
  bacKanUnits,
  buildAgency,
  ControllableClock,
  eventually,
  expectStatus,
  registerTenant,
  SCENARIO_PASSWORD,
  type ApiResponse,
  type ScenarioAgency,
} from '@ttkt/testing';
import http from 'node:http';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { crc32, deflateRawSync } from 'node:zlib';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { RunningPlatform } from '../services/all-in-one/src/platform';
import { pdf } from './support/dossier-files';
import { TestPlatform } from './support/test-platform';

const FORM = 'GIAY_KHEN_GD_SO';
const REQUIRED = ['CONG_VAN_DE_NGHI', 'BIEN_BAN_HOP_XET', 'BAO_CAO_THANH_TICH'];
const MB = 1024 * 1024;

interface Dossier {
  id: string;
  campaignId: string;
  agencyId: string;
  awardFormCode: string;
  nominatingUnitId: string;
  nominee: { kind: string; personId?: string; unitId?: string };
  snapshot: null | Record<string, unknown>;
  documents: { documentId: string; documentTypeCode: string; sha256: string; fileName: string }[];
  status: string;
  submittedAt: string | null;
  version: number;
}

interface UploadAnswer {
  documentId: string;
  sha256: string;
  size: number;
  mediaType: string;
}

/** The start of a Windows executable: `MZ`, the DOS stub's PE offset, `PE\0\0`. */
function windowsExecutable(): Buffer {
  const exe = Buffer.alloc(4096, 0);
  exe.write('MZ', 0, 'ascii');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'binary');
  return exe;
}

/** A minimal zip (local headers, central directory, end record). */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A DOCX whose document inflates 8 MB of zeros from a few kilobytes (ratio ≫ 100 : 1). */
function docxZipBomb(): Buffer {
  return zip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
      ),
    },
    { name: '_rels/.rels', data: Buffer.from('<?xml version="1.0"?><Relationships/>') },
    { name: 'word/document.xml', data: Buffer.alloc(8 * MB, 0x20) },
  ]);
}

/**
 * Issue #5 through the public API: the units of Sở KH&CN Bắc Kạn nominate individuals and
 * collectives for plan 27/KH-SKHCN, attach the documents its unit stage requires (streamed into
 * the blob store), and submit before "trước 12/5/2021" — the cut-off instant
 * 2021-05-12T00:00+07:00 read from the platform's controllable clock.
 */
describe('slice #5: nominations through the API', () => {
  const clock = new ControllableClock('2021-04-20T09:00:00+07:00');
  const scenario = new TestPlatform({
    label: 'slice_nomination',
    jwtSecret: 'slice-nomination-secret-0123456789abcdef',
    clock,
    listen: true,
  });
  let platform: RunningPlatform;
  let server: App;
  let admin: ApiClient;
  let agency: ScenarioAgency;
  let other: ScenarioAgency;
  let campaignId: string;
  let labId: string;
  const people: Record<string, string> = {};
  const users: Record<string, ApiClient> = {};

  const signIn = (username: string): Promise<ApiClient> =>
    ApiClient.login(server, username, SCENARIO_PASSWORD);

  /** Tokens carry the clock's time: after moving it, everyone signs in again. */
  async function moveClock(instant: string): Promise<void> {
    clock.set(instant);
    for (const username of Object.keys(users)) users[username] = await signIn(username);
  }

  async function registerPerson(
    fullName: string,
    unitId: string,
    position = 'Chuyên viên',
  ): Promise<string> {
    const created = await agency.agencyAdmin.post<{ id: string }>(
      `/agencies/${agency.agencyId}/people`,
      { fullName, dateOfBirth: '1985-09-02', gender: 'male', unitId, position },
    );
    return expectStatus(created, 201).id;
  }

  function nominationBody(
    nominee: { kind: 'individual'; personId: string } | { kind: 'collective'; unitId: string },
    nominatingUnitId: string,
    awardFormCode = FORM,
  ): Record<string, unknown> {
    return {
      awardFormCode,
      nominatingUnitId,
      nominee,
      achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ; tham gia tích cực công tác bầu cử.',
      criteria: [
        {
          criterion: 'Có thành tích xuất sắc, tiêu biểu trong công tác chuyên môn được giao.',
          met: true,
          evidence: 'Báo cáo tổng kết 6 tháng đầu năm 2021',
        },
      ],
    };
  }

  /** Nominates once the nomination service has the plan and the directory's facts. */
  async function nominate(
    client: ApiClient,
    body: Record<string, unknown>,
  ): Promise<ApiResponse<Dossier>> {
    return eventually(async () => {
      const response = await client.post<Dossier>(`/campaigns/${campaignId}/nominations`, body);
      if (response.status === 422) throw new Error(`not yet: ${response.text}`);
      return response;
    });
  }

  function upload(
    client: ApiClient,
    nominationId: string,
    file: { content: Buffer; fileName: string; contentType?: string },
    documentTypeCode: string,
    headers: Record<string, string> = {},
  ): Promise<request.Response> {
    let call = request(server)
      .post(`/api/v1/nominations/${nominationId}/documents`)
      .set('Authorization', `Bearer ${client.token ?? ''}`);
    for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
    return call.field('documentTypeCode', documentTypeCode).attach('file', file.content, {
      filename: file.fileName,
      contentType: file.contentType ?? 'application/pdf',
    });
  }

  /** The status of an answer, with its body in the failure message. */
  function statusOf(response: request.Response): string {
    return `${response.status} ${response.text.slice(0, 500)}`;
  }

  function download(
    client: ApiClient,
    nominationId: string,
    documentId: string,
  ): Promise<request.Response> {
    return request(server)
      .get(`/api/v1/nominations/${nominationId}/documents/${documentId}/content`)
      .set('Authorization', `Bearer ${client.token ?? ''}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
  }

  /** A draft with every unit-stage document attached. */
  async function completeDossier(
    client: ApiClient,
    body: Record<string, unknown>,
  ): Promise<string> {
    const id = expectStatus(await nominate(client, body), 201).id;
    for (const code of REQUIRED) {
      const attached = await upload(
        client,
        id,
        { content: pdf(code), fileName: `${code}.pdf` },
        code,
      );
      expect(statusOf(attached)).toMatch(/^201 /);
    }
    return id;
  }

  beforeAll(async () => {
    admin = await scenario.start();
    platform = scenario.platform;
    server = scenario.server;
    const tenantId = await registerTenant(admin, 'BK', 'Tỉnh Bắc Kạn');
    agency = await buildAgency(admin, {
      tenantId,
      code: 'SKHCN',
      name: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
      units: bacKanUnits(),
    });
    labId = expectStatus(
      await agency.agencyAdmin.post<{ id: string }>(`/agencies/${agency.agencyId}/units`, {
        code: 'TTUD-PTN',
        name: 'Phòng Thí nghiệm ứng dụng',
        parentUnitId: agency.units['TTUD'],
      }),
      201,
    ).id;
    const unit = (code: string): string => agency.units[code] as string;
    people['an'] = await registerPerson('Nguyễn Văn An', unit('TTUD'), 'Phó Giám đốc Trung tâm');
    people['binh'] = await registerPerson('Triệu Thị Bình', labId);
    people['cuong'] = await registerPerson('Lê Văn Cường', unit('KHTC'));
    people['dung'] = await registerPerson('Phạm Văn Dũng', unit('TTUD'));
    people['em'] = await registerPerson('Hoàng Văn Em', unit('TTUD'));
    people['giang'] = await registerPerson('Ma Thị Giang', unit('TTUD'));
    people['hai'] = await registerPerson('Nông Văn Hải', unit('TTUD'));
    people['khanh'] = await registerPerson('Lục Văn Khánh', unit('TTUD'));
    people['lan'] = await registerPerson('Hà Thị Lan', unit('TTUD'));
    const accounts = [
      {
        username: 'vanphong.bk',
        fullName: 'Hoàng Thị Thu',
        roles: ['secretariat'],
        unitId: unit('VP'),
      },
      { username: 'giamdoc.bk', fullName: 'Đỗ Thị Hiền', roles: ['agency-head'] },
      {
        username: 'truongttud.bk',
        fullName: 'Bế Văn Tùng',
        roles: ['unit-head'],
        unitId: unit('TTUD'),
      },
      {
        username: 'truongkhtc.bk',
        fullName: 'Lý Thị Mai',
        roles: ['unit-head'],
        unitId: unit('KHTC'),
      },
      {
        username: 'an.bk',
        fullName: 'Nguyễn Văn An',
        roles: ['viewer'],
        unitId: unit('TTUD'),
        personId: people['an'],
      },
    ];
    for (const account of accounts) {
      expectStatus(
        await agency.agencyAdmin.post('/users', {
          ...account,
          password: SCENARIO_PASSWORD,
          agencyId: agency.agencyId,
        }),
        201,
      );
      users[account.username] = await signIn(account.username);
    }
    other = await buildAgency(admin, {
      tenantId,
      code: 'SNV',
      name: 'Sở Nội vụ tỉnh Bắc Kạn',
      units: [{ code: 'VP', name: 'Văn phòng Sở', isSecretariat: true }],
      users: [
        { username: 'truongvp.snv', fullName: 'Vi Văn Sơn', roles: ['unit-head'], unitCode: 'VP' },
      ],
    });
    users['truongvp.snv'] = other.users['truongvp.snv'] as ApiClient;

    const drafted = await users['vanphong.bk']!.post<{ id: string }>(
      '/campaigns',
      bacKanDraft(agency.agencyId),
    );
    campaignId = expectStatus(drafted, 201).id;
    expectStatus(
      await users['giamdoc.bk']!.post(`/campaigns/${campaignId}/issue`, { issuedOn: '2021-03-30' }),
      201,
    );
  }, 120_000);

  afterAll(() => scenario.stop());

  const secretariat = (): ApiClient => users['vanphong.bk'] as ApiClient;
  const ttud = (): ApiClient => users['truongttud.bk'] as ApiClient;

  let individualId: string;
  let collectiveId: string;

  describe('nominating', () => {
    it('lets the unit-head nominate a person of its unit: 201 draft with Location', async () => {
      const created = await nominate(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['an']! }, agency.units['TTUD']!),
      );
      expect(created.status).toBe(201);
      individualId = created.body.id;
      expect(created.headers['location']).toBe(`/api/v1/nominations/${individualId}`);
      expect(created.body).toMatchObject({
        campaignId,
        agencyId: agency.agencyId,
        awardFormCode: FORM,
        nominatingUnitId: agency.units['TTUD'],
        nominee: { kind: 'individual', personId: people['an'] },
        status: 'draft',
        snapshot: null,
        documents: [],
      });
      expect(typeof (created.body as unknown as { position: unknown }).position).toBe('string');
    });

    it('lets the unit-head nominate its sub-unit as a collective, and a person of it', async () => {
      const collective = await nominate(
        ttud(),
        nominationBody({ kind: 'collective', unitId: labId }, agency.units['TTUD']!),
      );
      expect(collective.status).toBe(201);
      collectiveId = collective.body.id;
      expect(collective.body.nominee).toEqual({ kind: 'collective', unitId: labId });
      const ofSubUnit = await nominate(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['binh']! }, labId),
      );
      expect(ofSubUnit.status).toBe(201);
    });

    it('refuses a unit-head nominating for another unit: 403', async () => {
      const response = await ttud().post(
        `/campaigns/${campaignId}/nominations`,
        nominationBody({ kind: 'individual', personId: people['cuong']! }, agency.units['KHTC']!),
      );
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ type: 'forbidden' });
    });

    it('refuses a nominee of another unit: 422 nominee-not-eligible', async () => {
      const response = await secretariat().post(
        `/campaigns/${campaignId}/nominations`,
        nominationBody({ kind: 'individual', personId: people['cuong']! }, agency.units['TTUD']!),
      );
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ type: 'nominee-not-eligible' });
    });

    it('refuses a body of the wrong shape: 400 with the paths', async () => {
      const response = await ttud().post(`/campaigns/${campaignId}/nominations`, {
        ...nominationBody({ kind: 'individual', personId: people['an']! }, agency.units['TTUD']!),
        nominee: { kind: 'individual', unitId: labId },
        extra: true,
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ type: 'validation-failed' });
    });

    it('keeps one of two concurrent nominations of one nominee: 201 and 409 duplicate-nomination', async () => {
      const body = nominationBody(
        { kind: 'individual', personId: people['em']! },
        agency.units['TTUD']!,
      );
      // Retried only while the person's facts have not reached the nomination service (both 422).
      const [first, second] = await eventually(async () => {
        const answers = await Promise.all([
          ttud().post<Dossier>(`/campaigns/${campaignId}/nominations`, body),
          secretariat().post<Dossier>(`/campaigns/${campaignId}/nominations`, body),
        ]);
        if (answers.every((answer) => answer.status === 422)) throw new Error('not yet');
        return answers;
      });
      expect([first.status, second.status].sort()).toEqual([201, 409]);
      const refused = first.status === 409 ? first : second;
      expect(refused.body).toMatchObject({ type: 'duplicate-nomination' });
    });
  });

  describe('documents', () => {
    const letter = pdf('Công văn đề nghị khen thưởng số 15/TTUD');
    let documentId: string;
    let sha256: string;

    it('streams a PDF into the store and records it: 201 with its hash, size and type', async () => {
      const response = await upload(
        ttud(),
        individualId,
        { content: letter, fileName: 'Công văn đề nghị.pdf'.normalize('NFD') },
        'CONG_VAN_DE_NGHI',
      );
      expect(response.status).toBe(201);
      const body = response.body as UploadAnswer;
      expect(body).toMatchObject({ size: letter.length, mediaType: 'application/pdf' });
      expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
      documentId = body.documentId;
      sha256 = body.sha256;
      const read = await ttud().get<Dossier>(`/nominations/${individualId}`);
      expect(read.body.documents).toEqual([
        expect.objectContaining({
          documentId,
          documentTypeCode: 'CONG_VAN_DE_NGHI',
          sha256,
          fileName: 'Công văn đề nghị.pdf',
        }),
      ]);
    });

    it('stores the same file twice as one blob (same sha256)', async () => {
      const again = await upload(
        ttud(),
        collectiveId,
        { content: letter, fileName: 'cv.pdf' },
        'CONG_VAN_DE_NGHI',
      );
      expect(again.status).toBe(201);
      expect((again.body as UploadAnswer).sha256).toBe(sha256);
    });

    it('downloads the same bytes with the type and the NFC name, RFC 5987-encoded', async () => {
      const response = await download(ttud(), individualId, documentId);
      expect(response.status).toBe(200);
      expect(Buffer.compare(response.body as Buffer, letter)).toBe(0);
      expect(response.headers['content-type']).toMatch(/^application\/pdf/);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="Cong van de nghi.pdf"; filename*=UTF-8''${encodeURIComponent('Công văn đề nghị.pdf')}`,
      );
    });

    it('never uses the name as a path', async () => {
      const response = await upload(
        ttud(),
        collectiveId,
        { content: pdf('other'), fileName: '../../etc/passwd.pdf' },
        'OTHER',
      );
      expect(response.status).toBe(201);
      const got = await download(ttud(), collectiveId, (response.body as UploadAnswer).documentId);
      expect(got.headers['content-disposition']).toMatch(/^attachment; filename="[^"/\\]+";/);
    });

    it('replays an upload repeated with the same Idempotency-Key', async () => {
      const headers = { 'Idempotency-Key': 'upload-bbhx-1' };
      const file = { content: pdf('Biên bản họp xét'), fileName: 'bbhx.pdf' };
      const first = await upload(ttud(), collectiveId, file, 'BIEN_BAN_HOP_XET', headers);
      const second = await upload(ttud(), collectiveId, file, 'BIEN_BAN_HOP_XET', headers);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.headers['idempotency-replayed']).toBe('true');
      expect((second.body as UploadAnswer).documentId).toBe(
        (first.body as UploadAnswer).documentId,
      );
      const other = await upload(
        ttud(),
        collectiveId,
        { ...file, content: pdf('khác') },
        'BIEN_BAN_HOP_XET',
        headers,
      );
      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({ type: 'idempotency-key-reused' });
    });

    it('refuses a Windows executable named .pdf: 415', async () => {
      const response = await upload(
        ttud(),
        individualId,
        { content: windowsExecutable(), fileName: 'bao-cao.pdf' },
        'BAO_CAO_THANH_TICH',
      );
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({ type: 'unsupported-media-type' });
    });

    it('refuses a DOCX zip bomb: 422 unsafe-archive', async () => {
      const response = await upload(
        ttud(),
        individualId,
        {
          content: docxZipBomb(),
          fileName: 'bao-cao.docx',
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        },
        'BAO_CAO_THANH_TICH',
      );
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ type: 'unsafe-archive' });
    });

    it('refuses a 25 MB upload with 413 while memory grows by less than 15 MB', async () => {
      const url = new URL(`${platform.url ?? ''}/api/v1/nominations/${individualId}/documents`);
      const boundary = '----ttkt-slice-nomination';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="documentTypeCode"\r\n\r\nBAO_CAO_THANH_TICH\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lon.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const first = Buffer.from(pdf('lớn'));
      function* body(): Generator<Buffer> {
        yield head;
        yield first;
        for (let sent = 0; sent < 25 * MB; sent += chunk.length) yield chunk;
        yield tail;
      }
      // Resident memory held, not garbage not yet collected: collect before each sample.
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc') as () => void;
      gc();
      const before = process.memoryUsage().rss;
      let peak = before;
      // Every half second: a full collection of a heap holding the whole platform takes a while,
      // and collecting more often starves the upload itself on a busy machine.
      const sampler = setInterval(() => {
        gc();
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 500);
      try {
        const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
          const call = http.request(
            url,
            {
              method: 'POST',
              headers: {
                Authorization: `Bearer ${ttud().token ?? ''}`,
                'Content-Type': `multipart/form-data; boundary=${boundary}`,
              },
            },
            (response) => {
              let text = '';
              response.setEncoding('utf8');
              response.on('data', (part: string) => (text += part));
              response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
            },
          );
          call.on('error', reject);
          Readable.from(body()).pipe(call);
        });
        expect(answer.status).toBe(413);
        expect(JSON.parse(answer.text)).toMatchObject({ type: 'payload-too-large' });
      } finally {
        clearInterval(sampler);
      }
      expect(peak - before).toBeLessThan(15 * MB);
      const read = await ttud().get<Dossier>(`/nominations/${individualId}`);
      expect(read.body.documents).toHaveLength(1);
    }, 120_000);

    it('removes a document of a draft', async () => {
      const extra = await upload(
        ttud(),
        individualId,
        { content: pdf('thừa'), fileName: 'thua.pdf' },
        'OTHER',
      );
      expect(extra.status).toBe(201);
      const removed = await request(server)
        .delete(
          `/api/v1/nominations/${individualId}/documents/${(extra.body as UploadAnswer).documentId}`,
        )
        .set('Authorization', `Bearer ${ttud().token ?? ''}`);
      expect(removed.status).toBe(200);
      expect((removed.body as Dossier).documents.map((d) => d.documentId)).toEqual([documentId]);
    });
  });

  describe('submitting', () => {
    it('refuses a dossier without every unit-stage document: 422 missing-documents', async () => {
      const response = await ttud().post(`/nominations/${individualId}/submit`);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ type: 'missing-documents' });
      // The refusal names what is missing, so the unit knows what to attach.
      const missing = String((response.body as { params?: { missing?: string } }).params?.missing);
      expect(missing.split(',').sort()).toEqual(['BAO_CAO_THANH_TICH', 'BIEN_BAN_HOP_XET']);
    });

    it('submits a complete dossier: 200 submitted with the snapshot; again → 409 invalid-state', async () => {
      for (const code of ['BIEN_BAN_HOP_XET', 'BAO_CAO_THANH_TICH']) {
        const attached = await upload(
          ttud(),
          individualId,
          { content: pdf(code), fileName: `${code}.pdf` },
          code,
        );
        expect(statusOf(attached)).toMatch(/^201 /);
      }
      const submitted = await ttud().post<Dossier>(`/nominations/${individualId}/submit`);
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        snapshot: expect.objectContaining({
          fullName: 'Nguyễn Văn An',
          dateOfBirth: '1985-09-02',
          gender: 'male',
          position: 'Phó Giám đốc Trung tâm',
          unitId: agency.units['TTUD'],
        }) as unknown,
      });
      const again = await ttud().post(`/nominations/${individualId}/submit`);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ type: 'invalid-state' });
    });

    it('submits once of two concurrent submits: one 200, one 409', async () => {
      const id = await completeDossier(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['giang']! }, agency.units['TTUD']!),
      );
      const answers = await Promise.all([
        ttud().post(`/nominations/${id}/submit`),
        secretariat().post(`/nominations/${id}/submit`),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const history = await secretariat().get<{ items: { type: string }[] }>(
        `/nominations/${id}/history`,
      );
      expect(history.body.items.filter((item) => item.type === 'NominationSubmitted')).toHaveLength(
        1,
      );
    });

    it('refuses a nominee with an open hold: 422 nominee-on-hold', async () => {
      const id = await completeDossier(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['dung']! }, agency.units['TTUD']!),
      );
      expectStatus(
        await agency.agencyAdmin.post(`/people/${people['dung']}/holds`, {
          kind: 'discipline',
          reason: 'Khiển trách',
          source: 'Quyết định 12/QĐ-SKHCN',
        }),
        200,
        201,
      );
      // A hold opened after the nomination is carried to the live dossier.
      await eventually(async () => {
        const read = await ttud().get<Dossier & { onHold: boolean }>(`/nominations/${id}`);
        expect(read.body.onHold).toBe(true);
      });
      const refused = await ttud().post(`/nominations/${id}/submit`);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ type: 'nominee-on-hold' });
    });

    it('keeps the snapshot of a submitted dossier when the person changes later', async () => {
      const person = await agency.agencyAdmin.get<{ version: number }>(`/people/${people['an']}`);
      const changed = await agency.agencyAdmin.patch(
        `/people/${people['an']}`,
        { position: 'Giám đốc Trung tâm', effectiveOn: '2021-04-20' },
        { headers: { 'If-Match': `"${person.body.version}"` } },
      );
      expect(changed.status).toBe(200);
      // The change reaches the nomination service: a later submission takes the new position
      // (a dossier submitted before the change arrived is withdrawn and the person nominated anew).
      await eventually(
        async () => {
          const later = await completeDossier(
            ttud(),
            nominationBody(
              { kind: 'individual', personId: people['an']! },
              agency.units['TTUD']!,
              'BANG_KHEN_CT_UBND_TINH',
            ),
          );
          const submitted = await ttud().post<Dossier>(`/nominations/${later}/submit`);
          expect(submitted.status).toBe(200);
          if (submitted.body.snapshot?.['position'] !== 'Giám đốc Trung tâm') {
            expectStatus(await ttud().post(`/nominations/${later}/withdraw`, {}), 200);
            throw new Error('the change has not reached the nomination service yet');
          }
        },
        { timeoutMs: 20_000 },
      );
      const first = await ttud().get<Dossier>(`/nominations/${individualId}`);
      expect(first.body.snapshot).toMatchObject({ position: 'Phó Giám đốc Trung tâm' });
    });
  });

  describe('withdrawing, reading and visibility', () => {
    it('withdraws a draft, after which the nominee may be nominated again', async () => {
      const created = expectStatus(
        await nominate(
          ttud(),
          nominationBody({ kind: 'individual', personId: people['lan']! }, agency.units['TTUD']!),
        ),
        201,
      );
      const withdrawn = await ttud().post<Dossier>(`/nominations/${created.id}/withdraw`, {
        reason: 'Đơn vị rút hồ sơ',
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      const again = await ttud().post(
        `/campaigns/${campaignId}/nominations`,
        nominationBody({ kind: 'individual', personId: people['lan']! }, agency.units['TTUD']!),
      );
      expect(again.status).toBe(201);
    });

    it("lists a campaign's dossiers by filter and cursor; a unit-head sees its units only", async () => {
      const all = await secretariat().get<{ items: Dossier[]; nextCursor: string | null }>(
        `/campaigns/${campaignId}/nominations`,
      );
      expect(all.status).toBe(200);
      expect(all.body.items.map((item) => item.id)).toEqual(
        expect.arrayContaining([individualId, collectiveId]),
      );
      const submitted = await secretariat().get<{ items: Dossier[] }>(
        `/campaigns/${campaignId}/nominations`,
        {
          query: { status: 'submitted' },
        },
      );
      expect(submitted.body.items.length).toBeGreaterThan(0);
      expect(submitted.body.items.every((item) => item.status === 'submitted')).toBe(true);
      const page = await secretariat().get<{ items: Dossier[]; nextCursor: string | null }>(
        `/campaigns/${campaignId}/nominations`,
        { query: { limit: 1 } },
      );
      expect(page.body.items).toHaveLength(1);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      const next = await secretariat().get<{ items: Dossier[] }>(
        `/campaigns/${campaignId}/nominations`,
        {
          query: { limit: 1, cursor: page.body.nextCursor as string },
        },
      );
      expect(next.body.items[0]?.id).not.toBe(page.body.items[0]?.id);

      const khtc = await users['truongkhtc.bk']!.get<{ items: Dossier[] }>(
        `/campaigns/${campaignId}/nominations`,
      );
      expect(khtc.status).toBe(200);
      expect(khtc.body.items).toEqual([]);
      const hidden = await users['truongkhtc.bk']!.get(`/nominations/${individualId}`);
      expect(hidden.status).toBe(404);
      const bad = await secretariat().get(`/campaigns/${campaignId}/nominations`, {
        query: { status: 'done' },
      });
      expect(bad.status).toBe(400);
    });

    it('shows the history: every event with its actor and instant', async () => {
      const history = await ttud().get<{ items: { type: string; at: string; actor: unknown }[] }>(
        `/nominations/${individualId}/history`,
      );
      expect(history.status).toBe(200);
      const types = history.body.items.map((item) => item.type);
      expect(types[0]).toBe('NominationDrafted');
      expect(types).toEqual(
        expect.arrayContaining(['NominationDocumentAttached', 'NominationSubmitted']),
      );
      for (const item of history.body.items) {
        expect(item.actor).toEqual(expect.objectContaining({ kind: 'user' }));
        expect(new Date(item.at).getTime()).not.toBeNaN();
      }
    });

    it("lists the signed-in person's own dossiers", async () => {
      const mine = await users['an.bk']!.get<{ items: Dossier[] }>('/me/nominations');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((item) => item.id)).toContain(individualId);
      const nobody = await secretariat().get<{ items: Dossier[] }>('/me/nominations');
      expect(nobody.body).toEqual({ items: [] });
    });

    it("answers 404 to another agency's unit-head on every dossier route", async () => {
      const outsider = users['truongvp.snv'] as ApiClient;
      expect((await outsider.get(`/nominations/${individualId}`)).status).toBe(404);
      expect((await outsider.get(`/nominations/${individualId}/history`)).status).toBe(404);
      expect((await outsider.get(`/campaigns/${campaignId}/nominations`)).status).toBe(404);
      expect((await outsider.post(`/nominations/${collectiveId}/submit`)).status).toBe(404);
      const doc = (await ttud().get<Dossier>(`/nominations/${individualId}`)).body.documents[0];
      expect((await download(outsider, individualId, doc?.documentId ?? '')).status).toBe(404);
      const uploaded = await upload(
        outsider,
        collectiveId,
        { content: pdf('x'), fileName: 'x.pdf' },
        'OTHER',
      );
      expect(uploaded.status).toBe(404);
    });
  });

  describe('the deadline "trước 12/5/2021"', () => {
    let onTime: string;
    let late: string;
    let afterAmendment: string;

    beforeAll(async () => {
      const unit = agency.units['TTUD'] as string;
      onTime = await completeDossier(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['hai']! }, unit),
      );
      late = await completeDossier(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['khanh']! }, unit),
      );
      afterAmendment = await completeDossier(
        ttud(),
        nominationBody({ kind: 'collective', unitId: unit }, unit),
      );
    }, 60_000);

    it('accepts a submission at 2021-05-11T23:59:59.999+07:00', async () => {
      await moveClock('2021-05-11T23:59:59.999+07:00');
      const response = await ttud().post<Dossier>(`/nominations/${onTime}/submit`);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('submitted');
    });

    it('refuses one at 2021-05-12T00:00:00+07:00: 422 deadline-passed', async () => {
      await moveClock('2021-05-12T00:00:00+07:00');
      const response = await ttud().post(`/nominations/${late}/submit`);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ type: 'deadline-passed' });
    });

    it('holds the later instant after an amendment moves the deadline', async () => {
      const amended = await users['giamdoc.bk']!.post(`/campaigns/${campaignId}/amendments`, {
        reason: 'Gia hạn nộp hồ sơ do ảnh hưởng của dịch Covid-19',
        changes: { awardForms: [{ code: FORM, unitStageBefore: '2021-05-20' }] },
      });
      expect(amended.status).toBe(200);
      await eventually(async () => {
        const response = await ttud().post(`/nominations/${late}/submit`);
        expect(response.status).toBe(200);
      });
      await moveClock('2021-05-20T00:00:00+07:00');
      const response = await ttud().post(`/nominations/${afterAmendment}/submit`);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ type: 'deadline-passed' });
    });
  });
});
