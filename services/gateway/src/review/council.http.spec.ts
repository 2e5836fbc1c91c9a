import { REVIEW_RPC } from '@ttkt/contracts';
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

const CAMPAIGN = '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11';
const SESSION = '1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const DOSSIER = '9c4a5d7b-af88-4c94-8d76-3a8c3f9ec144';
const CHAIR = '3f0c8a10-0000-4000-8000-000000000001';
const SECRETARY = '3f0c8a10-0000-4000-8000-000000000002';
const MEMBER = '3f0c8a10-0000-4000-8000-000000000003';

function session(version: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: SESSION,
    campaignId: CAMPAIGN,
    agencyId: AGENCY_A,
    heldOn: '2021-12-10',
    status: 'open',
    memberUserIds: [CHAIR, SECRETARY, MEMBER],
    votes: [{ nominationId: DOSSIER, voters: 1, votes: [], votedUserIds: [MEMBER] }],
    result: null,
    version,
    ...fields,
  };
}

const COUNCIL_BODY = {
  chairUserId: CHAIR,
  secretaryUserId: SECRETARY,
  memberUserIds: [CHAIR, SECRETARY, MEMBER],
  rules: {
    quorum: '2/3',
    thresholds: [{ fraction: '1/2', of: 'all-members', secretBallot: true }],
    source: 'Quyết định số 12/QĐ-SKHCN, Điều 5',
  },
};

/** The council, its sessions, votes and dossier review against a fake review service. */
describe('gateway: council and dossier review routes', () => {
  const sender = new FakeSender();
  let gateway: RunningGateway;
  const server = (): App => gateway.app.getHttpServer() as App;
  let admin: string;
  let secretary: string;
  let viewer: string;
  let outsider: string;

  beforeAll(async () => {
    gateway = await startGateway({ sender, jwtSecret: TEST_JWT_SECRET, logger: false });
    admin = await bearer(testUser(['agency-admin'], AGENCY_A, 'u-admin'));
    secretary = await bearer(testUser(['secretariat'], AGENCY_A, SECRETARY));
    viewer = await bearer(testUser(['viewer'], AGENCY_A, MEMBER));
    outsider = await bearer(testUser(['agency-admin', 'secretariat'], AGENCY_B, 'u-other'));
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  beforeEach(() => {
    sender.sent.length = 0;
    sender.handlers = {
      'campaign.get-campaign': () => ({ id: CAMPAIGN, agencyId: AGENCY_A, version: 4 }),
      'nomination.get': () => ({
        id: DOSSIER,
        agencyId: AGENCY_A,
        campaignId: CAMPAIGN,
        nominatingUnitId: 'u1',
        version: 5,
      }),
      [REVIEW_RPC.getSession]: () => session(7),
      'directory.get-users': (payload) => ({
        items: (payload.userIds as string[]).map((id) => ({
          id,
          grants: [{ role: 'council-member', agencyId: AGENCY_A, unitId: null }],
        })),
      }),
    };
  });

  describe('the council', () => {
    it('is configured by the agency-admin of the agency only: 200 with the council', async () => {
      sender.handlers[REVIEW_RPC.configureCouncil] = () => ({
        body: { agencyId: AGENCY_A, current: null, history: [], version: 2 },
        version: 2,
        position: 'review:10.1',
      });
      await request(server())
        .put(`/api/v1/agencies/${AGENCY_A}/council`)
        .set('Authorization', secretary)
        .send(COUNCIL_BODY)
        .expect(403);
      await request(server())
        .put(`/api/v1/agencies/${AGENCY_A}/council`)
        .set('Authorization', outsider)
        .send(COUNCIL_BODY)
        .expect(404);
      const response = await request(server())
        .put(`/api/v1/agencies/${AGENCY_A}/council`)
        .set('Authorization', admin)
        .send(COUNCIL_BODY)
        .expect(200);
      expect(response.headers.etag).toBe('"2"');
      expect(response.headers['x-position']).toBe('review:10.1');
      expect(sender.payloads(REVIEW_RPC.configureCouncil)).toEqual([
        expect.objectContaining({ agencyId: AGENCY_A, ...COUNCIL_BODY }),
      ]);
    });

    it('refuses a malformed fraction at its path before asking review', async () => {
      const response = await request(server())
        .put(`/api/v1/agencies/${AGENCY_A}/council`)
        .set('Authorization', admin)
        .set('Accept-Language', 'en')
        .send({ ...COUNCIL_BODY, rules: { ...COUNCIL_BODY.rules, quorum: '3/2' } })
        .expect(400);
      expect(response.body).toMatchObject({
        type: 'validation-failed',
        errors: [{ path: 'rules.quorum' }],
      });
      expect(sender.payloads(REVIEW_RPC.configureCouncil)).toEqual([]);
    });

    it('is read by members of the agency (added route), hidden from others', async () => {
      sender.handlers[REVIEW_RPC.getCouncil] = () => ({
        agencyId: AGENCY_A,
        current: null,
        history: [],
        version: 2,
      });
      const read = await request(server())
        .get(`/api/v1/agencies/${AGENCY_A}/council`)
        .set('Authorization', viewer)
        .expect(200);
      expect(read.headers.etag).toBe('"2"');
      expect(sender.payloads(REVIEW_RPC.getCouncil)).toEqual([
        { tenantId: TENANT, agencyId: AGENCY_A },
      ]);
      await request(server())
        .get(`/api/v1/agencies/${AGENCY_A}/council`)
        .set('Authorization', outsider)
        .expect(404);
    });
  });

  describe('sessions', () => {
    it('are opened by the secretariat: 201 with Location', async () => {
      sender.handlers[REVIEW_RPC.openSession] = (payload) => ({
        body: session(1, { id: payload.sessionId }),
        version: 1,
        position: 'review:20.1',
      });
      const body = {
        heldOn: '2021-12-10',
        presentUserIds: [CHAIR, SECRETARY],
        awardFormCodes: ['GIAY_KHEN_GD_SO'],
      };
      await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/council-sessions`)
        .set('Authorization', viewer)
        .send(body)
        .expect(403);
      const response = await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/council-sessions`)
        .set('Authorization', secretary)
        .send(body)
        .expect(201);
      const [sent] = sender.payloads(REVIEW_RPC.openSession);
      expect(sent).toEqual(expect.objectContaining({ campaignId: CAMPAIGN, ...body }));
      expect(response.headers.location).toBe(`/api/v1/council-sessions/${String(sent?.sessionId)}`);
    });

    it('are read and listed by members, hidden from other agencies', async () => {
      sender.handlers[REVIEW_RPC.listSessions] = () => ({ items: [session(7)] });
      const read = await request(server())
        .get(`/api/v1/council-sessions/${SESSION}`)
        .set('Authorization', viewer)
        .expect(200);
      expect(read.headers.etag).toBe('"7"');
      await request(server())
        .get(`/api/v1/council-sessions/${SESSION}`)
        .set('Authorization', outsider)
        .expect(404);
      await request(server())
        .get(`/api/v1/campaigns/${CAMPAIGN}/council-sessions`)
        .set('Authorization', viewer)
        .expect(200);
      expect(sender.payloads(REVIEW_RPC.listSessions)).toEqual([
        { tenantId: TENANT, campaignId: CAMPAIGN },
      ]);
    });

    it('take a vote from any user of the agency, as the caller, answering what review answers', async () => {
      const answer = session(8);
      sender.handlers[REVIEW_RPC.castVote] = () => ({
        body: answer,
        version: 8,
        position: 'review:21.1',
      });
      const response = await request(server())
        .post(`/api/v1/council-sessions/${SESSION}/votes`)
        .set('Authorization', viewer)
        .send({ nominationId: DOSSIER, approve: false })
        .expect(200);
      expect(sender.payloads(REVIEW_RPC.castVote)).toEqual([
        expect.objectContaining({
          sessionId: SESSION,
          nominationId: DOSSIER,
          approve: false,
          context: expect.objectContaining({ actor: { kind: 'user', id: MEMBER } }) as unknown,
        }),
      ]);
      // Exactly the service's answer and the position: the request's choice is not echoed.
      expect(response.body).toEqual({ ...answer, position: 'review:21.1' });
      expect(JSON.stringify(response.body)).not.toContain('approve');
    });

    it('refuse a vote naming another voter (400), from another agency (404), and pass review’s refusals', async () => {
      await request(server())
        .post(`/api/v1/council-sessions/${SESSION}/votes`)
        .set('Authorization', viewer)
        .send({ nominationId: DOSSIER, approve: true, voterUserId: CHAIR })
        .expect(400);
      await request(server())
        .post(`/api/v1/council-sessions/${SESSION}/votes`)
        .set('Authorization', outsider)
        .send({ nominationId: DOSSIER, approve: true })
        .expect(404);
      sender.handlers[REVIEW_RPC.castVote] = () => {
        throw refusal(REVIEW_RPC.castVote, { code: 'not-a-council-member' });
      };
      await request(server())
        .post(`/api/v1/council-sessions/${SESSION}/votes`)
        .set('Authorization', admin)
        .send({ nominationId: DOSSIER, approve: true })
        .expect(422);
      expect(sender.payloads(REVIEW_RPC.castVote)).toHaveLength(1);
    });

    it('are closed by the secretariat only; a tie-break goes to review for any user of the agency', async () => {
      sender.handlers[REVIEW_RPC.closeSession] = () => ({
        body: session(9, { status: 'closed' }),
        version: 9,
        position: 'review:22.1',
      });
      sender.handlers[REVIEW_RPC.recordTieBreak] = () => {
        throw refusal(REVIEW_RPC.recordTieBreak, { code: 'forbidden' });
      };
      await request(server())
        .post(`/api/v1/council-sessions/${SESSION}/close`)
        .set('Authorization', viewer)
        .expect(403);
      await request(server())
        .post(`/api/v1/council-sessions/${SESSION}/close`)
        .set('Authorization', secretary)
        .send({})
        .expect(200);
      await request(server())
        .post(`/api/v1/council-sessions/${SESSION}/tie-breaks`)
        .set('Authorization', viewer)
        .send({
          awardFormCode: 'GIAY_KHEN_GD_SO',
          chosenNominationIds: [DOSSIER],
          reason: 'Ưu tiên nữ theo khoản 6 Điều 4 Nghị định 152/2025/NĐ-CP',
        })
        .expect(403);
      expect(sender.payloads(REVIEW_RPC.recordTieBreak)).toEqual([
        expect.objectContaining({
          sessionId: SESSION,
          context: expect.objectContaining({ actor: { kind: 'user', id: MEMBER } }) as unknown,
        }),
      ]);
    });
  });

  describe('dossier review', () => {
    it('accepts and returns for the secretariat of the dossier’s agency', async () => {
      const answer = () => ({
        body: { nominationId: DOSSIER, status: 'accepted', version: 2 },
        version: 2,
        position: 'review:30.1',
      });
      sender.handlers[REVIEW_RPC.acceptDossier] = answer;
      sender.handlers[REVIEW_RPC.returnDossier] = answer;
      await request(server())
        .post(`/api/v1/nominations/${DOSSIER}/review/accept`)
        .set('Authorization', viewer)
        .expect(403);
      await request(server())
        .post(`/api/v1/nominations/${DOSSIER}/review/accept`)
        .set('Authorization', outsider)
        .expect(404);
      const accepted = await request(server())
        .post(`/api/v1/nominations/${DOSSIER}/review/accept`)
        .set('Authorization', secretary)
        .expect(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', position: 'review:30.1' });
      await request(server())
        .post(`/api/v1/nominations/${DOSSIER}/review/return`)
        .set('Authorization', secretary)
        .send({ reasons: ['Thiếu biên bản họp xét'], resubmitBefore: '2021-11-20' })
        .expect(200);
      expect(sender.payloads(REVIEW_RPC.returnDossier)).toEqual([
        expect.objectContaining({
          nominationId: DOSSIER,
          reasons: ['Thiếu biên bản họp xét'],
          resubmitBefore: '2021-11-20',
        }),
      ]);
      await request(server())
        .post(`/api/v1/nominations/${DOSSIER}/review/return`)
        .set('Authorization', secretary)
        .send({ reasons: [] })
        .expect(400);
    });

    it('merges the review’s history into the dossier’s, by instant', async () => {
      sender.handlers['nomination.history'] = () => ({
        items: [
          { type: 'NominationDrafted', at: '2021-10-01T08:00:00+07:00', actor: null, data: {} },
          { type: 'NominationSubmitted', at: '2021-10-02T08:00:00+07:00', actor: null, data: {} },
        ],
      });
      sender.handlers[REVIEW_RPC.dossierHistory] = () => ({
        items: [
          { type: 'DossierAccepted', at: '2021-10-02T02:00:00.000Z', actor: null, data: {} },
          { type: 'BallotCast', at: '2021-10-01T12:00:00.000Z', actor: null, data: {} },
        ],
      });
      const response = await request(server())
        .get(`/api/v1/nominations/${DOSSIER}/history`)
        .set('Authorization', secretary)
        .expect(200);
      const items = (response.body as { items: { type: string; source: string }[] }).items;
      expect(items.map((item) => [item.type, item.source])).toEqual([
        ['NominationDrafted', 'nomination'],
        ['BallotCast', 'review'],
        ['NominationSubmitted', 'nomination'],
        ['DossierAccepted', 'review'],
      ]);
      expect(sender.payloads(REVIEW_RPC.dossierHistory)).toEqual([
        { tenantId: TENANT, nominationId: DOSSIER },
      ]);
    });
  });
});
