import { ControllableClock, describeResponse, eventually, expectStatus } from '@ttkt/testing';
import type { CouncilSessionView, DecisionView, QuotaLedgerView } from '@ttkt/contracts';
import type { ExtraInstance } from '../services/all-in-one/src/platform';
import { GIAY_KHEN, ReviewScenario, type BallotPlan } from './support/review-scenario';
import { TestPlatform } from './support/test-platform';

const DOSSIERS = 50;
const QUOTA = 3;

/**
 * Issue #6, the quota race over RabbitMQ: fifty approved Giấy khen dossiers (quota 3) and fifty
 * concurrent decisions of one dossier each, answered by two instances of the review service on
 * the same schema and vhost (both consume its RPC queue). Exactly three decisions are made, the
 * other 47 are refused with `422 quota-exceeded`, nothing answers 5xx, and the ledger reads the
 * same after the review service is stopped and started again.
 */
describe('slice #6: the quota race (RabbitMQ, two review instances)', () => {
  const clock = new ControllableClock('2021-04-01T09:00:00+07:00');
  const test = new TestPlatform({
    label: 'slice_review_quota',
    jwtSecret: 'slice-review-quota-secret-0123456789ab',
    rabbitmq: true,
    clock,
    issueWaitMs: 20_000,
  });
  let s: ReviewScenario;
  let campaignId: string;
  let dossiers: string[] = [];
  let extra: ExtraInstance | undefined;

  beforeAll(async () => {
    await test.start();
    s = await ReviewScenario.build(test, clock, { councilSize: 3 });
    const people = await s.registerPeople(DOSSIERS, 'Cán bộ');
    ({ campaignId } = await s.issuePlan({ issuedOn: '2021-03-30' }));
    await s.moveClock('2021-04-20T09:00:00+07:00');
    dossiers = await s.acceptedForPeople(campaignId, people, GIAY_KHEN, 8);

    await s.moveClock('2021-05-13T09:00:00+07:00');
    expectStatus(
      await s.configureCouncil({
        thresholds: [{ fraction: '1/2', of: 'participants', secretBallot: false }],
        effectiveFrom: '2021-05-01',
      }),
      200,
    );
    await s.moveClock('2021-05-14T09:00:00+07:00');
    const opened = expectStatus(
      await s.openSession(campaignId, { heldOn: '2021-05-14', awardFormCodes: [GIAY_KHEN] }),
      201,
    );
    // Yes votes: 3, 3, 2, then 1 each (1 of 1 participant ≥ 1/2): all fifty approved, ranks
    // 1, 1, 3, 4…: the third place (2 yes) and the fourth (1 yes) differ, so there is no tie.
    const plans: BallotPlan[] = dossiers.map((nominationId, i) => ({
      nominationId,
      choices: i < 2 ? [true, true, true] : i === 2 ? [true, true, null] : [true, null, null],
    }));
    await s.castBallots(opened.id, plans);
    expectStatus(await s.closeSession(opened.id), 200);
    const session = expectStatus(
      await s.secretariat.get<CouncilSessionView>(`/council-sessions/${opened.id}`),
      200,
    );
    const form = session.result?.forms[0];
    expect(form?.tie).toBeNull();
    expect(form?.tally.filter((line) => line.approved)).toHaveLength(DOSSIERS);
    const ranks = Object.fromEntries(
      form?.tally.map((line) => [line.nominationId, line.rank]) ?? [],
    );
    expect(
      [dossiers[0], dossiers[1], dossiers[2], dossiers[3]].map((id) => ranks[id as string]),
    ).toEqual([1, 1, 3, 4]);
    await s.statusesReached(
      campaignId,
      Object.fromEntries(dossiers.map((id) => [id, 'approved' as const])),
      30_000,
    );
    await s.moveClock('2021-05-17T09:00:00+07:00');
    extra = await test.platform.startExtraInstance('review');
  }, 600_000);

  afterAll(async () => {
    await extra?.stop();
    await test.stop();
  });

  let awarded: string[] = [];
  let ledger: QuotaLedgerView;

  it('makes exactly three of fifty concurrent decisions; 47 answer 422 quota-exceeded; no 5xx', async () => {
    const answers = await Promise.all(
      dossiers.map((id) => s.decide(campaignId, GIAY_KHEN, [id], '2021-05-17')),
    );
    const statuses = answers.map((answer) => answer.status);
    const fiveHundreds = answers.filter((answer) => answer.status >= 500);
    expect(fiveHundreds.map(describeResponse)).toEqual([]);
    const made = answers.filter((answer) => answer.status === 201 || answer.status === 202);
    const refused = answers.filter((answer) => answer.status === 422);
    expect({
      made: made.length,
      refused: refused.length,
      other: statuses.length - made.length - refused.length,
    }).toEqual({
      made: QUOTA,
      refused: DOSSIERS - QUOTA,
      other: 0,
    });
    for (const answer of refused) {
      expect(answer.body).toMatchObject({
        type: 'quota-exceeded',
        params: { quota: QUOTA, used: QUOTA, requested: 1 },
      });
    }
    awarded = made.flatMap((answer) =>
      (answer.body as unknown as DecisionView).awardees.map((awardee) => awardee.nominationId),
    );
    expect(new Set(awarded).size).toBe(QUOTA);

    // Both instances took decisions off the shared RPC queue (the extra one counts its own).
    const byExtra = extra?.handled('review.decide') ?? 0;
    // eslint-disable-next-line no-console
    console.info(
      `review.decide requests: ${byExtra} by the second instance, ${DOSSIERS - byExtra} by the first`,
    );
    expect(byExtra).toBeGreaterThan(0);
    expect(byExtra).toBeLessThan(DOSSIERS);
  }, 120_000);

  it('reads the ledger full: three places, each held by one decision', async () => {
    ledger = expectStatus(
      await s.secretariat.get<QuotaLedgerView>(`/campaigns/${campaignId}/quota`),
      200,
    );
    const form = ledger.forms.find((item) => item.awardFormCode === GIAY_KHEN);
    expect(form).toMatchObject({ max: QUOTA, used: QUOTA });
    expect(form?.entries.flatMap((entry) => entry.nominationIds).sort()).toEqual(
      [...awarded].sort(),
    );
  });

  it('reads the same ledger after the review service restarts; exactly three dossiers end awarded', async () => {
    await extra?.stop();
    extra = undefined;
    await test.platform.stopService('review');
    await test.platform.startService('review');
    const after = await eventually(
      async () => {
        const answer = await s.secretariat.get<QuotaLedgerView>(`/campaigns/${campaignId}/quota`);
        expect(answer.status).toBe(200);
        return answer.body;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(after).toEqual(ledger);
    await s.statusesReached(
      campaignId,
      Object.fromEntries(
        dossiers.map((id) => [id, awarded.includes(id) ? 'awarded' : 'approved'] as const),
      ),
      30_000,
    );
    const all = await s.statuses(campaignId);
    expect(Object.values(all).filter((status) => status === 'awarded')).toHaveLength(QUOTA);
  }, 120_000);
});
