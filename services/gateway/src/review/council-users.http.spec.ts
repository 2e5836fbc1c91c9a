import { GET_USERS, LIST_UNITS, REVIEW_RPC, type RoleGrant, type UserView } from '@ttkt/contracts';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  AGENCY_A,
  AGENCY_B,
  bearer,
  FakeSender,
  TENANT,
  TEST_JWT_SECRET,
  testUser,
} from '../../test/gateway-test-kit';
import { startGateway, type RunningGateway } from '../gateway';

const CHAIR = '3f0c8a10-0000-4000-8000-000000000001';
const SECRETARY = '3f0c8a10-0000-4000-8000-000000000002';
const MEMBER = '3f0c8a10-0000-4000-8000-000000000003';
const UNIT_MEMBER = '3f0c8a10-0000-4000-8000-000000000004';
const UNIT_A = '7a000000-0000-4000-8000-00000000000a';
const UNIT_B = '7a000000-0000-4000-8000-00000000000b';

function user(id: string, grants: RoleGrant[]): UserView {
  return {
    id,
    tenantId: TENANT,
    username: id,
    fullName: 'Nguyễn Văn Hội',
    agencyId: grants[0]?.agencyId ?? null,
    unitId: grants[0]?.unitId ?? null,
    personId: null,
    grants,
    version: 1,
  };
}

const COUNCIL_BODY = {
  chairUserId: CHAIR,
  secretaryUserId: SECRETARY,
  memberUserIds: [CHAIR, SECRETARY, MEMBER, UNIT_MEMBER],
  rules: {
    quorum: '2/3',
    thresholds: [{ fraction: '1/2', of: 'all-members', secretBallot: true }],
    source: 'Quyết định số 12/QĐ-SKHCN, Điều 5',
  },
};

/** `PUT /agencies/{id}/council`: every user named must be a user of the agency (the directory). */
describe('gateway: the council’s users are checked against the directory', () => {
  const sender = new FakeSender();
  let gateway: RunningGateway;
  const server = (): App => gateway.app.getHttpServer() as App;
  let admin: string;
  let users: UserView[];

  const configure = (body: object = COUNCIL_BODY) =>
    request(server())
      .put(`/api/v1/agencies/${AGENCY_A}/council`)
      .set('Authorization', admin)
      .set('Accept-Language', 'en')
      .send(body);

  beforeAll(async () => {
    gateway = await startGateway({ sender, jwtSecret: TEST_JWT_SECRET, logger: false });
    admin = await bearer(testUser(['agency-admin'], AGENCY_A, 'u-admin'));
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  beforeEach(() => {
    sender.sent.length = 0;
    users = [
      user(CHAIR, [{ role: 'agency-head', agencyId: AGENCY_A, unitId: null }]),
      user(SECRETARY, [{ role: 'secretariat', agencyId: AGENCY_A, unitId: null }]),
      user(MEMBER, [{ role: 'council-member', agencyId: AGENCY_A, unitId: null }]),
      user(UNIT_MEMBER, [{ role: 'unit-head', agencyId: AGENCY_A, unitId: UNIT_A }]),
    ];
    sender.handlers = {
      [GET_USERS]: (payload) => ({
        items: users.filter((found) => (payload.userIds as string[]).includes(found.id)),
      }),
      [LIST_UNITS]: () => ({ items: [{ id: UNIT_A, agencyId: AGENCY_A, version: 1 }] }),
      [REVIEW_RPC.configureCouncil]: () => ({
        body: { agencyId: AGENCY_A, current: null, history: [], version: 2 },
        version: 2,
        position: 'review:10.1',
      }),
    };
  });

  it('asks the directory once for each user named, then configures', async () => {
    await configure().expect(200);
    expect(sender.payloads(GET_USERS)).toEqual([
      { tenantId: TENANT, userIds: [CHAIR, SECRETARY, MEMBER, UNIT_MEMBER] },
    ]);
    // Every grant names its agency: the units are not needed.
    expect(sender.payloads(LIST_UNITS)).toEqual([]);
    expect(sender.payloads(REVIEW_RPC.configureCouncil)).toHaveLength(1);
  });

  it('refuses unknown users and users without a grant in the agency, at their paths, before review', async () => {
    users = [
      // The chair holds a role in another agency only.
      user(CHAIR, [{ role: 'agency-head', agencyId: AGENCY_B, unitId: null }]),
      user(SECRETARY, [{ role: 'secretariat', agencyId: AGENCY_A, unitId: null }]),
      // MEMBER is unknown to the directory; UNIT_MEMBER is a platform account.
      user(UNIT_MEMBER, [{ role: 'system-admin', agencyId: null, unitId: null }]),
    ];
    const response = await configure().expect(400);
    expect(response.body).toMatchObject({
      type: 'validation-failed',
      errors: [
        { path: 'chairUserId', message: 'names no known user of the agency' },
        { path: 'memberUserIds[0]', message: 'names no known user of the agency' },
        { path: 'memberUserIds[2]', message: 'names no known user of the agency' },
        { path: 'memberUserIds[3]', message: 'names no known user of the agency' },
      ],
    });
    expect(sender.payloads(REVIEW_RPC.configureCouncil)).toEqual([]);
    const vi = await request(server())
      .put(`/api/v1/agencies/${AGENCY_A}/council`)
      .set('Authorization', admin)
      .send(COUNCIL_BODY)
      .expect(400);
    expect((vi.body as { errors: { message: string }[] }).errors[0]?.message).toBe(
      'không có người dùng này trong cơ quan',
    );
  });

  it('resolves a grant naming only a unit through the agency’s units, asked once', async () => {
    users[2] = user(MEMBER, [{ role: 'viewer', agencyId: null, unitId: UNIT_A }]);
    users[3] = user(UNIT_MEMBER, [{ role: 'viewer', agencyId: null, unitId: UNIT_B }]);
    const response = await configure().expect(400);
    expect(response.body).toMatchObject({
      errors: [{ path: 'memberUserIds[3]', message: 'names no known user of the agency' }],
    });
    expect(sender.payloads(LIST_UNITS)).toEqual([{ tenantId: TENANT, agencyId: AGENCY_A }]);
    users[3] = user(UNIT_MEMBER, [{ role: 'viewer', agencyId: null, unitId: UNIT_A }]);
    await configure().expect(200);
    expect(sender.payloads(REVIEW_RPC.configureCouncil)).toHaveLength(1);
  });
});
