import {
  ApiClient,
  bacKanDraft,
  buildBacKanDepartment,
  expectStatus,
  type ScenarioAgency,
} from '@ttkt/testing';
import { TestPlatform } from './support/test-platform';

interface StatusBody {
  campaign: { id: string; agencyId: string; title: string; status: string; version: number };
  position: string[];
}

/**
 * The pipe end to end on real infrastructure, every hop over RabbitMQ: the gateway sends the
 * draft to `campaign` as RPC, the campaign's relay publishes `campaign.drafted.v1`, the dashboard
 * projects it into PostgreSQL, and a read with the command's `minPosition` sees it.
 */
describe('walking skeleton over RabbitMQ and PostgreSQL', () => {
  const platform = new TestPlatform({
    label: 'skeleton',
    jwtSecret: 'walking-skeleton-secret-0123456789abcdef',
    rabbitmq: true,
  });
  let agency: ScenarioAgency;
  let secretariat: ApiClient;

  beforeAll(async () => {
    const admin = await platform.start();
    agency = await buildBacKanDepartment(admin, [
      { username: 'vanphong', fullName: 'Hoàng Thị Thu', roles: ['secretariat'], unitCode: 'VP' },
    ]);
    secretariat = agency.users.vanphong!;
  });

  afterAll(() => platform.stop());

  it('drafts the Bắc Kạn plan and reads its status at the returned position', async () => {
    const draft = bacKanDraft(agency.agencyId);
    const created = await secretariat.post<{
      id: string;
      status: string;
      version: number;
      position: string;
      title: string;
    }>('/campaigns', draft);
    const body = expectStatus(created, 201);
    expect(body).toMatchObject({ status: 'draft', version: 1, title: draft.title });
    expect(body.position).toMatch(/^campaign:\d+\.\d+$/);
    expect(created.headers.location).toBe(`/api/v1/campaigns/${body.id}`);

    const status = await secretariat.get<StatusBody>(`/campaigns/${body.id}/status`, {
      query: { minPosition: body.position },
    });
    expect(expectStatus(status, 200)).toMatchObject({
      campaign: {
        id: body.id,
        agencyId: agency.agencyId,
        title: draft.title,
        status: 'draft',
        version: 1,
      },
    });
    expect(status.body.position).toEqual(
      expect.arrayContaining([expect.stringMatching(/^campaign:/)]),
    );
  });

  it('answers 404 problem+json for a campaign nobody drafted', async () => {
    const response = await secretariat.get(
      '/campaigns/1b4e28ba-2fa1-11d2-883f-0016d3cca427/status',
    );
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'not-found',
      status: 404,
      title: 'Không tìm thấy',
    });
  });

  it('answers 503 with Retry-After when the read model has not reached minPosition', async () => {
    const created = expectStatus(
      await secretariat.post<{ id: string }>('/campaigns', bacKanDraft(agency.agencyId)),
      201,
    );
    const response = await secretariat.get(`/campaigns/${created.id}/status`, {
      query: { minPosition: 'campaign:999999999.999999999' },
    });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.body).toMatchObject({ type: 'position-not-reached' });
  });
});
