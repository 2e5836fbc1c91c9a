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
const DECISION = '7a2e3b5f-8d66-4a72-8b54-1e6a1d7caf22';
const PROPOSAL = '8b3f4c6a-9e77-4b83-9c65-2f7b2e8db033';
const DOSSIER = '9c4a5d7b-af88-4c94-8d76-3a8c3f9ec144';

function campaign(agencyId = AGENCY_A): Record<string, unknown> {
  return { id: CAMPAIGN, agencyId, status: 'issued', version: 4 };
}

function decision(
  status: string,
  version: number,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: DECISION,
    campaignId: CAMPAIGN,
    agencyId: AGENCY_A,
    awardFormCode: 'GIAY_KHEN_GD_SO',
    status,
    number: status === 'issued' ? '05/QĐ-SKHCN' : null,
    decidedOn: '2021-12-15',
    awardees: [],
    refusal: null,
    version,
    ...fields,
  };
}

function proposal(status: string, version: number): Record<string, unknown> {
  return {
    id: PROPOSAL,
    campaignId: CAMPAIGN,
    agencyId: AGENCY_A,
    awardFormCode: 'BANG_KHEN_UBND',
    status,
    number: status === 'proposed' ? '06/TTr-SKHCN' : null,
    version,
  };
}

const DECISION_BODY = {
  awardFormCode: 'GIAY_KHEN_GD_SO',
  nominationIds: [DOSSIER],
  decidedOn: '2021-12-15',
};

/** Decisions, proposals and the quota against a fake review service: roles, visibility, the numbered answers. */
describe('gateway: decision and proposal routes', () => {
  const sender = new FakeSender();
  let gateway: RunningGateway;
  const server = (): App => gateway.app.getHttpServer() as App;
  let head: string;
  let secretary: string;
  let member: string;
  let outsider: string;

  beforeAll(async () => {
    gateway = await startGateway({
      sender,
      jwtSecret: TEST_JWT_SECRET,
      issueWaitMs: 50,
      logger: false,
    });
    head = await bearer(testUser(['agency-head'], AGENCY_A, 'u-head'));
    secretary = await bearer(testUser(['secretariat'], AGENCY_A, 'u-secretary'));
    member = await bearer(testUser(['council-member'], AGENCY_A, 'u-member'));
    outsider = await bearer(testUser(['agency-head', 'secretariat'], AGENCY_B, 'u-other'));
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  beforeEach(() => {
    sender.sent.length = 0;
    sender.handlers = {
      'campaign.get-campaign': () => campaign(),
      [REVIEW_RPC.getDecision]: () => decision('issued', 3),
      [REVIEW_RPC.getProposal]: () => proposal('proposed', 2),
    };
  });

  describe('POST /campaigns/{id}/decisions', () => {
    it('answers 201 with the numbered decision, Location, ETag and X-Position when issued', async () => {
      sender.handlers[REVIEW_RPC.decide] = (payload) => ({
        outcome: 'issued',
        body: decision('issued', 3, { id: payload.decisionId }),
        version: 3,
        position: 'review:40.1',
      });
      const response = await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/decisions`)
        .set('Authorization', head)
        .send(DECISION_BODY)
        .expect(201);
      const [sent] = sender.payloads(REVIEW_RPC.decide);
      expect(sent).toEqual(
        expect.objectContaining({
          campaignId: CAMPAIGN,
          awardFormCode: 'GIAY_KHEN_GD_SO',
          nominationIds: [DOSSIER],
          decidedOn: '2021-12-15',
          waitMs: 50,
          context: expect.objectContaining({
            tenantId: TENANT,
            actor: { kind: 'user', id: 'u-head' },
          }) as unknown,
        }),
      );
      expect(sent).not.toHaveProperty('signer');
      expect(sent).not.toHaveProperty('recipients');
      const decisionId = sent?.decisionId as string;
      expect(decisionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.location).toBe(`/api/v1/decisions/${decisionId}`);
      expect(response.headers.etag).toBe('"3"');
      expect(response.headers['x-position']).toBe('review:40.1');
      expect(response.body).toEqual(
        expect.objectContaining({
          id: decisionId,
          status: 'issued',
          number: '05/QĐ-SKHCN',
          position: 'review:40.1',
        }),
      );
    });

    it('answers 202 with the decision still issuing when the register has not answered in time', async () => {
      sender.handlers[REVIEW_RPC.decide] = (payload) => ({
        outcome: 'pending',
        body: decision('issuing', 1, { id: payload.decisionId }),
        version: 1,
        position: 'review:41.1',
      });
      const response = await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/decisions`)
        .set('Authorization', head)
        .send(DECISION_BODY)
        .expect(202);
      const decisionId = sender.payloads(REVIEW_RPC.decide)[0]?.decisionId as string;
      expect(response.headers.location).toBe(`/api/v1/decisions/${decisionId}`);
      expect(response.headers.etag).toBe('"1"');
      expect(response.body).toEqual(
        expect.objectContaining({ status: 'issuing', number: null, position: 'review:41.1' }),
      );
    });

    it('answers 409 with the register’s code when the register refused', async () => {
      sender.handlers[REVIEW_RPC.decide] = () => ({
        outcome: 'refused',
        body: decision('failed', 2, { refusal: 'register-number-taken' }),
        version: 2,
        position: 'review:42.1',
      });
      const response = await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/decisions`)
        .set('Authorization', head)
        .set('Accept-Language', 'en')
        .send(DECISION_BODY)
        .expect(409);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.headers['x-position']).toBe('review:42.1');
      expect(response.body).toMatchObject({ type: 'register-number-taken', status: 409 });
    });

    it.each(['validation-failed', 'quota-exceeded', 'agency-unknown-to-the-register'])(
      'answers 409 invalid-state with the register’s code in params for its %s (not a 409 code)',
      async (code) => {
        sender.handlers[REVIEW_RPC.decide] = () => ({
          outcome: 'refused',
          body: decision('failed', 2, { refusal: code }),
          version: 2,
          position: 'review:42.3',
        });
        const response = await request(server())
          .post(`/api/v1/campaigns/${CAMPAIGN}/decisions`)
          .set('Authorization', head)
          .send(DECISION_BODY)
          .expect(409);
        expect(response.headers['x-position']).toBe('review:42.3');
        expect(response.body).toMatchObject({
          type: 'invalid-state',
          status: 409,
          params: { registerCode: code },
        });
        expect(response.body).not.toHaveProperty('errors');
      },
    );

    it('answers 409 invalid-state for a refusal without a known code', async () => {
      sender.handlers[REVIEW_RPC.decide] = () => ({
        outcome: 'refused',
        body: decision('failed', 2, { refusal: null }),
        version: 2,
        position: 'review:42.2',
      });
      const response = await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/decisions`)
        .set('Authorization', head)
        .send(DECISION_BODY)
        .expect(409);
      expect(response.body).toMatchObject({ type: 'invalid-state' });
    });

    it('passes the service’s domain refusals through (422 quota-exceeded with its facts)', async () => {
      sender.handlers[REVIEW_RPC.decide] = () => {
        throw refusal(REVIEW_RPC.decide, {
          code: 'quota-exceeded',
          params: { quota: 3, used: 3, requested: 1 },
        });
      };
      const response = await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/decisions`)
        .set('Authorization', head)
        .send(DECISION_BODY)
        .expect(422);
      expect(response.body).toMatchObject({
        type: 'quota-exceeded',
        params: { quota: 3, used: 3, requested: 1 },
      });
    });

    it('forwards the signer and recipients as given', async () => {
      sender.handlers[REVIEW_RPC.decide] = () => ({
        outcome: 'issued',
        body: decision('issued', 3),
        version: 3,
        position: 'review:40.2',
      });
      await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/decisions`)
        .set('Authorization', head)
        .send({
          ...DECISION_BODY,
          $comment: 'ignored',
          signer: { capacity: 'KT.', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Thị B' },
          recipients: [{ name: 'Ban TĐKT tỉnh', purpose: 'b/c' }, { name: 'Lưu: VT' }],
        })
        .expect(201);
      expect(sender.payloads(REVIEW_RPC.decide)[0]).toEqual(
        expect.objectContaining({
          signer: { capacity: 'KT.', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Thị B' },
          recipients: [{ name: 'Ban TĐKT tỉnh', purpose: 'b/c' }, { name: 'Lưu: VT' }],
        }),
      );
    });

    it('refuses another role (403), another agency (404) and a bad body (400) before asking review', async () => {
      await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/decisions`)
        .set('Authorization', secretary)
        .send(DECISION_BODY)
        .expect(403);
      await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/decisions`)
        .set('Authorization', outsider)
        .send(DECISION_BODY)
        .expect(404);
      const bad = await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/decisions`)
        .set('Authorization', head)
        .send({ ...DECISION_BODY, quota: 5, decidedOn: '2021-02-30' })
        .expect(400);
      expect(bad.body).toMatchObject({ type: 'validation-failed' });
      expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(
        ['decidedOn', 'quota'],
      );
      expect(sender.payloads(REVIEW_RPC.decide)).toEqual([]);
    });
  });

  describe('POST /campaigns/{id}/proposals', () => {
    const body = { awardFormCode: 'BANG_KHEN_UBND', nominationIds: [DOSSIER] };

    it('answers 201, 202 and the register’s refusal like a decision', async () => {
      sender.handlers[REVIEW_RPC.propose] = (payload) => ({
        outcome: 'issued',
        body: { ...proposal('proposed', 3), id: payload.proposalId },
        version: 3,
        position: 'review:50.1',
      });
      const issued = await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/proposals`)
        .set('Authorization', head)
        .send(body)
        .expect(201);
      const proposalId = sender.payloads(REVIEW_RPC.propose)[0]?.proposalId as string;
      expect(issued.headers.location).toBe(`/api/v1/proposals/${proposalId}`);
      expect(issued.body).toMatchObject({ number: '06/TTr-SKHCN', position: 'review:50.1' });
      expect(sender.payloads(REVIEW_RPC.propose)[0]).not.toHaveProperty('proposedOn');

      sender.handlers[REVIEW_RPC.propose] = () => ({
        outcome: 'pending',
        body: proposal('issuing', 1),
        version: 1,
        position: 'review:50.2',
      });
      await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/proposals`)
        .set('Authorization', head)
        .send({ ...body, proposedOn: '2021-12-16' })
        .expect(202);
      expect(sender.payloads(REVIEW_RPC.propose)[1]).toMatchObject({ proposedOn: '2021-12-16' });

      sender.handlers[REVIEW_RPC.propose] = () => ({
        outcome: 'refused',
        body: { ...proposal('failed', 2), refusal: 'register-number-taken' },
        version: 2,
        position: 'review:50.3',
      });
      const refused = await request(server())
        .post(`/api/v1/campaigns/${CAMPAIGN}/proposals`)
        .set('Authorization', head)
        .send(body)
        .expect(409);
      expect(refused.body).toMatchObject({ type: 'register-number-taken' });
    });
  });

  describe('decisions and proposals by id', () => {
    it('reads a decision with its ETag, and hides another agency’s (404)', async () => {
      const read = await request(server())
        .get(`/api/v1/decisions/${DECISION}`)
        .set('Authorization', member)
        .expect(200);
      expect(read.headers.etag).toBe('"3"');
      expect(sender.payloads(REVIEW_RPC.getDecision)[0]).toEqual({
        tenantId: TENANT,
        id: DECISION,
      });
      await request(server())
        .get(`/api/v1/decisions/${DECISION}`)
        .set('Authorization', outsider)
        .expect(404);
    });

    it('revokes for the agency head of the decision’s agency only', async () => {
      sender.handlers[REVIEW_RPC.revokeDecision] = () => ({
        body: decision('revoked', 4),
        version: 4,
        position: 'review:43.1',
      });
      await request(server())
        .post(`/api/v1/decisions/${DECISION}/revoke`)
        .set('Authorization', outsider)
        .send({ reason: 'Sai đối tượng' })
        .expect(404);
      await request(server())
        .post(`/api/v1/decisions/${DECISION}/revoke`)
        .set('Authorization', secretary)
        .send({ reason: 'Sai đối tượng' })
        .expect(403);
      const revoked = await request(server())
        .post(`/api/v1/decisions/${DECISION}/revoke`)
        .set('Authorization', head)
        .send({ reason: 'Sai đối tượng' })
        .expect(200);
      expect(revoked.body).toMatchObject({ status: 'revoked', position: 'review:43.1' });
      expect(revoked.headers.etag).toBe('"4"');
      expect(sender.payloads(REVIEW_RPC.revokeDecision)).toEqual([
        expect.objectContaining({ decisionId: DECISION, reason: 'Sai đối tượng' }),
      ]);
    });

    it('records a proposal’s outcome for the secretariat only', async () => {
      sender.handlers[REVIEW_RPC.recordProposalOutcome] = () => ({
        body: proposal('decided', 3),
        version: 3,
        position: 'review:51.1',
      });
      const outcome = {
        approvedNominationIds: [DOSSIER],
        decisionNumber: '2456/QĐ-UBND',
        decidedOn: '2021-12-28',
      };
      await request(server())
        .post(`/api/v1/proposals/${PROPOSAL}/outcome`)
        .set('Authorization', head)
        .send(outcome)
        .expect(403);
      await request(server())
        .post(`/api/v1/proposals/${PROPOSAL}/outcome`)
        .set('Authorization', secretary)
        .send(outcome)
        .expect(200);
      expect(sender.payloads(REVIEW_RPC.recordProposalOutcome)).toEqual([
        expect.objectContaining({ proposalId: PROPOSAL, ...outcome }),
      ]);
    });
  });

  describe('campaign lists and the quota', () => {
    it('lists decisions and proposals of a visible campaign with limit and cursor', async () => {
      sender.handlers[REVIEW_RPC.listDecisions] = () => ({ items: [], nextCursor: null });
      sender.handlers[REVIEW_RPC.listProposals] = () => ({ items: [], nextCursor: null });
      await request(server())
        .get(`/api/v1/campaigns/${CAMPAIGN}/decisions?limit=10&cursor=abc`)
        .set('Authorization', member)
        .expect(200);
      expect(sender.payloads(REVIEW_RPC.listDecisions)).toEqual([
        { tenantId: TENANT, campaignId: CAMPAIGN, limit: 10, cursor: 'abc' },
      ]);
      await request(server())
        .get(`/api/v1/campaigns/${CAMPAIGN}/proposals`)
        .set('Authorization', member)
        .expect(200);
      expect(sender.payloads(REVIEW_RPC.listProposals)).toEqual([
        { tenantId: TENANT, campaignId: CAMPAIGN },
      ]);
      await request(server())
        .get(`/api/v1/campaigns/${CAMPAIGN}/decisions`)
        .set('Authorization', outsider)
        .expect(404);
      await request(server())
        .get(`/api/v1/campaigns/${CAMPAIGN}/decisions?limit=0`)
        .set('Authorization', member)
        .expect(400);
    });

    it('reads the quota ledger of a visible campaign (added route)', async () => {
      const ledger = {
        campaignId: CAMPAIGN,
        forms: [{ awardFormCode: 'GIAY_KHEN_GD_SO', max: 3, used: 1, entries: [] }],
      };
      sender.handlers[REVIEW_RPC.getQuotaLedger] = () => ledger;
      const read = await request(server())
        .get(`/api/v1/campaigns/${CAMPAIGN}/quota`)
        .set('Authorization', member)
        .expect(200);
      expect(read.body).toEqual(ledger);
      expect(sender.payloads(REVIEW_RPC.getQuotaLedger)).toEqual([
        { tenantId: TENANT, campaignId: CAMPAIGN },
      ]);
      await request(server())
        .get(`/api/v1/campaigns/${CAMPAIGN}/quota`)
        .set('Authorization', outsider)
        .expect(404);
    });
  });
});
