import { randomUUID } from 'node:crypto';
import {
  CAMPAIGN_AMENDED_V1,
  CAMPAIGN_CLOSED_V1,
  CAMPAIGN_DRAFT_UPDATED_V1,
  CAMPAIGN_DRAFTED_V1,
  CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
  CAMPAIGN_ISSUE_REFUSED_V1,
  CAMPAIGN_ISSUE_REQUESTED_V1,
  CAMPAIGN_ISSUED_V1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import type { ServiceInfrastructure } from '@ttkt/messaging';
import { createTestSchema, testDatabaseUrl, type TestSchema } from '@ttkt/testing';
import { Pool } from 'pg';
import { migrateDashboard } from '../src/dashboard.migrations';
import { CampaignStatusProjection } from '../src/read-models/campaign-status/campaign-status.projection';

const AGENCY = 'skhcn-bac-kan';

/**
 * The campaign_status projection, given campaign events → rows. Every batch is applied twice
 * (redeliveries change nothing) and also in reverse order (concurrent handlers and retries reorder
 * events): the rows come out the same.
 */
describe('the campaign_status projection', () => {
  let schema: TestSchema;
  let pool: Pool;
  let projection: CampaignStatusProjection;

  beforeAll(async () => {
    schema = await createTestSchema('dash_status');
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    await migrateDashboard(pool, schema.name);
    // Migrating twice is harmless (each start of the service migrates).
    await migrateDashboard(pool, schema.name);
    projection = new CampaignStatusProjection({ schema: schema.name } as ServiceInfrastructure);
  });

  afterAll(async () => {
    await pool?.end();
    await schema?.drop();
  });

  /** The campaign's events in stream order, versions 1, 2, … */
  function stream(campaignId: string, events: [string, object][]): IntegrationEvent[] {
    return events.map(([type, data], index) => ({
      id: randomUUID(),
      type,
      tenantId: 'bac-kan',
      occurredAt: `2021-03-${String(index + 1).padStart(2, '0')}T02:00:00.000Z`,
      source: {
        service: 'campaign',
        streamId: `campaign-${campaignId}`,
        streamVersion: index + 1,
        position: `campaign:${100 + index}.${100 + index}`,
      },
      data: { campaignId, agencyId: AGENCY, ...data },
    }));
  }

  async function apply(events: IntegrationEvent[]): Promise<void> {
    for (const event of events) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await projection.onCampaignEvent(event, client);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    }
  }

  async function row(campaignId: string): Promise<Record<string, unknown> | undefined> {
    const { rows } = await pool.query<Record<string, unknown>>(
      `SELECT agency_id AS "agencyId", title, status, source_version AS version,
              plan_number AS "planNumber", issued_on AS "issuedOn",
              closed_at IS NOT NULL AS closed
         FROM "${schema.name}".campaign_status WHERE tenant_id = 'bac-kan' AND campaign_id = $1`,
      [campaignId],
    );
    return rows[0];
  }

  /** Applies the batch twice in order, and twice in reverse to another campaign; both rows agree. */
  async function given(
    build: (campaignId: string) => IntegrationEvent[],
  ): Promise<Record<string, unknown> | undefined> {
    const inOrder = randomUUID();
    const reversed = randomUUID();
    const events = build(inOrder);
    await apply(events);
    await apply(events);
    const backwards = build(reversed).reverse();
    await apply(backwards);
    await apply(backwards);
    const result = await row(inOrder);
    expect(await row(reversed)).toEqual(result);
    return result;
  }

  const drafted = (title = 'Phong trào thi đua năm 2021'): [string, object] => [
    CAMPAIGN_DRAFTED_V1,
    { title, status: 'draft', draftedAt: '2021-03-01T02:00:00.000Z' },
  ];
  const requested: [string, object] = [
    CAMPAIGN_ISSUE_REQUESTED_V1,
    {
      agencyCode: 'SKHCN',
      requestId: randomUUID(),
      documentKind: 'KH',
      issuedOn: '2021-03-30',
      requestedNumber: 27,
    },
  ];
  const issued: [string, object] = [
    CAMPAIGN_ISSUED_V1,
    {
      title: 'Phong trào thi đua năm 2021',
      planNumber: '27/KH-SKHCN',
      number: 27,
      year: 2021,
      issuedOn: '2021-03-30',
      plan: {},
    },
  ];

  it('shows a drafted campaign as a draft with its title', async () => {
    expect(await given((id) => stream(id, [drafted()]))).toEqual({
      agencyId: AGENCY,
      title: 'Phong trào thi đua năm 2021',
      status: 'draft',
      version: 1,
      planNumber: null,
      issuedOn: null,
      closed: false,
    });
  });

  it('takes the updated title of a draft', async () => {
    const row = await given((id) =>
      stream(id, [
        drafted('Dự thảo'),
        [
          CAMPAIGN_DRAFT_UPDATED_V1,
          {
            title: 'Phong trào thi đua “Đổi mới sáng tạo”',
            changedFields: ['title'],
            status: 'draft',
            updatedAt: '2021-03-02T02:00:00.000Z',
          },
        ],
      ]),
    );
    expect(row).toMatchObject({ title: 'Phong trào thi đua “Đổi mới sáng tạo”', version: 2 });
  });

  it('shows a requested issue as issuing', async () => {
    expect(await given((id) => stream(id, [drafted(), requested]))).toMatchObject({
      status: 'issuing',
      version: 2,
      planNumber: null,
    });
  });

  it('shows an issued plan with its number and date', async () => {
    expect(await given((id) => stream(id, [drafted(), requested, issued]))).toEqual({
      agencyId: AGENCY,
      title: 'Phong trào thi đua năm 2021',
      status: 'issued',
      version: 3,
      planNumber: '27/KH-SKHCN',
      issuedOn: '2021-03-30',
      closed: false,
    });
  });

  it('shows a refused issue as a draft again, with no number', async () => {
    const refused: [string, object] = [
      CAMPAIGN_ISSUE_REFUSED_V1,
      { requestId: randomUUID(), code: 'register-number-taken' },
    ];
    expect(await given((id) => stream(id, [drafted(), requested, refused]))).toMatchObject({
      status: 'draft',
      version: 3,
      planNumber: null,
    });
  });

  it('keeps the number through an amendment and a released number, then shows the plan closed', async () => {
    const row = await given((id) =>
      stream(id, [
        drafted(),
        requested,
        issued,
        [
          CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
          {
            year: 2021,
            number: 28,
            requestId: randomUUID(),
            reason: 'campaign-not-issuing',
          },
        ],
        [CAMPAIGN_AMENDED_V1, { reason: 'Gia hạn', changes: {}, plan: {} }],
        [CAMPAIGN_CLOSED_V1, { closedAt: '2021-12-31T10:00:00.000Z' }],
      ]),
    );
    expect(row).toEqual({
      agencyId: AGENCY,
      title: 'Phong trào thi đua năm 2021',
      status: 'closed',
      version: 6,
      planNumber: '27/KH-SKHCN',
      issuedOn: '2021-03-30',
      closed: true,
    });
  });
});
