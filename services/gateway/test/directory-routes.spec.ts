import ExcelJS from 'exceljs';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startGateway, type RunningGateway } from '../src/gateway';
import {
  AGENCY_A,
  AGENCY_B,
  bearer,
  FakeSender,
  refusal,
  TENANT,
  TEST_JWT_SECRET,
  testUser,
} from './gateway-test-kit';

const PERSON = '5d9c3a10-0000-4c1a-9a1a-00000000000a';
const UNIT = '5d9c3a10-0000-4c1a-9a1a-0000000000f1';

/** The gateway's own behaviour on the directory routes, against a fake directory. */
describe('gateway: directory routes', () => {
  const sender = new FakeSender();
  let gateway: RunningGateway;
  const server = (): App => gateway.app.getHttpServer() as App;
  let admin: string;
  let secretary: string;
  let platformAdmin: string;

  beforeAll(async () => {
    gateway = await startGateway({ sender, jwtSecret: TEST_JWT_SECRET, logger: false });
    admin = await bearer(testUser(['agency-admin'], AGENCY_A, 'u-admin'));
    secretary = await bearer(testUser(['secretariat'], AGENCY_A, 'u-secretary'));
    platformAdmin = await bearer(testUser(['system-admin'], null, 'u-root'));
  });

  beforeEach(() => {
    sender.sent.length = 0;
    sender.handlers = {
      'directory.create-unit': (payload) => ({
        body: { id: payload.unitId, agencyId: payload.agencyId, code: payload.code, version: 1 },
        version: 1,
        position: 'directory:10.1',
      }),
      'directory.get-person': ({ personId }) => ({
        id: personId,
        agencyId: AGENCY_A,
        version: 3,
      }),
      'directory.update-person': (payload) => {
        if (payload.expectedVersion !== 3) {
          throw refusal('directory.update-person', { code: 'precondition-failed' });
        }
        return {
          body: { id: payload.personId, version: 4 },
          version: 4,
          position: 'directory:11.1',
        };
      },
      'directory.register-person': (payload) => ({
        body: { id: payload.personId, fullName: payload.fullName, version: 1 },
        version: 1,
        position: 'directory:12.1',
      }),
    };
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('creates a unit: 201 with Location, ETag, position; the command carries the user', async () => {
    const response = await request(server())
      .post(`/api/v1/agencies/${AGENCY_A}/units`)
      .set('Authorization', admin)
      .set('X-Request-Id', 'req-1')
      .send({ code: 'VP', name: 'Văn phòng Sở', isSecretariat: true })
      .expect(201);
    const body = response.body as { id: string; position: string };
    expect(body.position).toBe('directory:10.1');
    expect(response.headers.location).toBe(`/api/v1/agencies/${AGENCY_A}/units/${body.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(sender.payloads('directory.create-unit')).toEqual([
      {
        context: {
          tenantId: TENANT,
          actor: { kind: 'user', id: 'u-admin' },
          correlationId: 'req-1',
        },
        agencyId: AGENCY_A,
        unitId: body.id,
        code: 'VP',
        name: 'Văn phòng Sở',
        isSecretariat: true,
      },
    ]);
  });

  it('hides another agency as 404 and refuses a member without the role with 403', async () => {
    await request(server())
      .get(`/api/v1/agencies/${AGENCY_B}`)
      .set('Authorization', admin)
      .expect(404);
    await request(server())
      .post(`/api/v1/agencies/${AGENCY_B}/units`)
      .set('Authorization', admin)
      .send({ code: 'VP', name: 'Văn phòng' })
      .expect(404);
    await request(server())
      .post(`/api/v1/agencies/${AGENCY_A}/names`)
      .set('Authorization', secretary)
      .send({ name: 'Sở mới', effectiveFrom: '2025-07-01' })
      .expect(403);
    expect(sender.sent).toEqual([]);
  });

  it('normalises every string of a body to NFC before validation and sending', async () => {
    const decomposed = 'Nguyễn Thị Hoa'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn Thị Hoa'.normalize('NFC'));
    await request(server())
      .post(`/api/v1/agencies/${AGENCY_A}/people`)
      .set('Authorization', secretary)
      .send({
        fullName: decomposed,
        dateOfBirth: '1980-03-15',
        gender: 'female',
        unitId: UNIT,
        position: 'Chuyên viên'.normalize('NFD'),
      })
      .expect(201);
    const [sent] = sender.payloads('directory.register-person');
    expect(sent?.fullName).toBe('Nguyễn Thị Hoa'.normalize('NFC'));
    expect(sent?.position).toBe('Chuyên viên'.normalize('NFC'));
  });

  it('PATCH /people/{id} needs If-Match (400 at its path), 412 when stale, ETag after', async () => {
    const missing = await request(server())
      .patch(`/api/v1/people/${PERSON}`)
      .set('Authorization', secretary)
      .send({ position: 'Phó Chánh Văn phòng' })
      .expect(400);
    expect(missing.body).toMatchObject({ errors: [{ path: 'If-Match' }] });
    const stale = await request(server())
      .patch(`/api/v1/people/${PERSON}`)
      .set('Authorization', secretary)
      .set('If-Match', '"2"')
      .send({ position: 'Phó Chánh Văn phòng' })
      .expect(412);
    expect(stale.body).toMatchObject({ type: 'precondition-failed' });
    const done = await request(server())
      .patch(`/api/v1/people/${PERSON}`)
      .set('Authorization', secretary)
      .set('If-Match', '"3"')
      .send({ position: 'Phó Chánh Văn phòng', effectiveOn: '2025-01-01' })
      .expect(200);
    expect(done.headers.etag).toBe('"4"');
    expect(sender.payloads('directory.update-person').at(-1)).toMatchObject({
      personId: PERSON,
      expectedVersion: 3,
      effectiveOn: '2025-01-01',
      changes: { position: 'Phó Chánh Văn phòng' },
    });
  });

  it('lets only a system-admin grant system-admin', async () => {
    sender.handlers['directory.create-user'] = (payload) => ({
      body: { id: payload.userId, username: payload.username, version: 1 },
      version: 1,
      position: 'directory:13.1',
    });
    const user = {
      username: 'root2',
      password: 'một-mật-khẩu-dài',
      fullName: 'Quản trị',
      agencyId: AGENCY_A,
      roles: ['system-admin'],
    };
    await request(server())
      .post('/api/v1/users')
      .set('Authorization', admin)
      .send(user)
      .expect(403);
    const created = await request(server())
      .post('/api/v1/users')
      .set('Authorization', admin)
      .send({ ...user, username: 'hoa.nt', roles: ['secretariat'] })
      .expect(201);
    expect(created.body).not.toHaveProperty('password');
    await request(server())
      .post('/api/v1/users')
      .set('Authorization', platformAdmin)
      .send({ ...user, agencyId: null })
      .expect(201);
    expect(sender.payloads('directory.create-user').map((p) => p.roles)).toEqual([
      ['secretariat'],
      ['system-admin'],
    ]);
  });

  describe('imports', () => {
    async function workbook(): Promise<Buffer> {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Cán bộ');
      sheet.addRow(['Mã đơn vị', 'Họ và tên', 'Ngày sinh']);
      sheet.addRow(['VP', 'Nguyễn Thị Hoa', new Date(Date.UTC(1980, 2, 15))]);
      sheet.addRow(['VP', 'Trần Văn B', 'hôm qua']);
      return Buffer.from(await book.xlsx.writeBuffer());
    }

    it('parses the sheet, sends its rows, and names failing columns by letter and header', async () => {
      sender.handlers['directory.import-people'] = () => ({
        imported: 1,
        unchanged: 0,
        errors: [{ row: 3, column: 'dateOfBirth', message: 'isDateString' }],
      });
      const response = await request(server())
        .post(`/api/v1/agencies/${AGENCY_A}/imports`)
        .set('Authorization', admin)
        .attach('file', await workbook(), 'can-bo.xlsx')
        .expect(200);
      expect(response.body).toEqual({
        imported: 1,
        unchanged: 0,
        errors: [{ row: 3, column: 'C (Ngày sinh)', message: 'phải là ngày YYYY-MM-DD' }],
      });
      expect(sender.payloads('directory.import-people')[0]?.rows).toEqual([
        {
          row: 2,
          cells: { unitCode: 'VP', fullName: 'Nguyễn Thị Hoa', dateOfBirth: '1980-03-15' },
        },
        { row: 3, cells: { unitCode: 'VP', fullName: 'Trần Văn B', dateOfBirth: 'hôm qua' } },
      ]);
    });

    it('answers 415 for another file type, 413 over 5 MB, 400 without a file', async () => {
      await request(server())
        .post(`/api/v1/agencies/${AGENCY_A}/imports`)
        .set('Authorization', admin)
        .attach('file', Buffer.from('%PDF-1.7'), 'scan.pdf')
        .expect(415);
      await request(server())
        .post(`/api/v1/agencies/${AGENCY_A}/imports`)
        .set('Authorization', admin)
        .attach('file', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), 'big.csv')
        .expect(413);
      const none = await request(server())
        .post(`/api/v1/agencies/${AGENCY_A}/imports`)
        .set('Authorization', admin)
        .send({})
        .expect(400);
      expect(none.body).toMatchObject({ errors: [{ path: 'file' }] });
      expect(sender.payloads('directory.import-people')).toEqual([]);
    });
  });
});
