import { Logger } from '@nestjs/common';
import { ApiClient, ApiError } from './api-client';
import { BAC_KAN_PLAN_2021, BAC_KAN_PLAN_ISSUE } from './bac-kan-plan';
import type { DemoClock } from './demo-clock';
import {
  BAC_KAN_AGENCY,
  DEMO_PASSWORD,
  DEMO_TENANT,
  THAI_NGUYEN_AGENCY,
  type DemoPerson,
  type DemoUnit,
  type DemoUser,
} from './directory-data';
import { BAC_KAN_DOSSIERS_2021, THAI_NGUYEN_DOSSIERS, dossierKey } from './dossier-data';
import { recordDossiers, type LoadedDossier } from './load-dossiers';
import { recordReview, type LoadedReview } from './load-review';
import { pause, retryWhileCatchingUp } from './retry';
import { BAC_KAN_REVIEW_2021 } from './review-data';
import { signInUsers } from './sign-in';
import { localDate, mapStrings, shiftPlanDates, type DemoJson } from './shift-plan';

/** A demo account as the launcher prints it. */
export interface DemoCredential {
  username: string;
  password: string;
  role: string;
  agency: string;
}

/** A demo plan once issued. */
export interface DemoPlan {
  agencyId: string;
  campaignId: string;
  planNumber: string;
  issuedOn: string;
}

/** What {@link loadDemoData} did. */
export interface DemoSummary {
  /** False when the demo tenant existed already (nothing was loaded). */
  loaded: boolean;
  credentials: DemoCredential[];
  /** The two plans, when loaded now. */
  plans?: { bacKan: DemoPlan; thaiNguyen: DemoPlan };
  /** The dossiers of each plan, when loaded now (the 2021 ones with their final statuses). */
  dossiers?: { bacKan: LoadedDossier[]; thaiNguyen: LoadedDossier[] };
  /** The 2021 plan's review (session, decision, proposal), when loaded now. */
  review?: { bacKan: Omit<LoadedReview, 'statuses'> };
}

/** Where and as whom to load the demo. */
export interface LoadDemoOptions {
  /** The gateway's base URL (without `/api/v1`). */
  baseUrl: string;
  /** The system administrator the loader signs in as. */
  admin: { username: string; password: string };
  /**
   * The clock the platform's services and gateway read: today (Asia/Ho_Chi_Minh) comes from it
   * (the current plan is issued on that day), and the loader sets it back to
   * {@link BAC_KAN_HISTORY_AT} while it records the 2021 dossiers, then to each day of their
   * review.
   */
  clock: DemoClock;
  /** How long to wait for an issued plan (ms, default 30 000). */
  issueTimeoutMs?: number;
}

interface Identified {
  id: string;
}

interface CampaignRead extends Identified {
  status: string;
  agencyId: string;
  planNumber?: string;
  issuedOn?: string;
}

const logger = new Logger('demo');

/**
 * When the Bắc Kạn units' dossiers of 2021 are recorded as submitted: a week before the unit
 * stage's deadline (before 12/5/2021). Their review follows at the instants of
 * {@link BAC_KAN_REVIEW_2021}, until the plan's close on 30/6/2021.
 */
export const BAC_KAN_HISTORY_AT = '2021-05-05T09:00:00+07:00';

/** How many dossiers the demo holds (both plans). */
export const DEMO_DOSSIER_COUNT = BAC_KAN_DOSSIERS_2021.length + THAI_NGUYEN_DOSSIERS.length;

/** Every demo account, as printed at start (also when the demo was loaded by an earlier start). */
export function demoCredentials(): DemoCredential[] {
  return [
    ...BAC_KAN_AGENCY.users.map((user) => credential(user, BAC_KAN_AGENCY.name)),
    ...THAI_NGUYEN_AGENCY.users.map((user) => credential(user, THAI_NGUYEN_AGENCY.name)),
  ];
}

/**
 * `DEMO_DATA=bac-kan`: loads the demo through the public HTTP API, signed in as the bootstrap
 * admin and then as the demo users, once (nothing happens when the demo tenant exists):
 * - the tenant "Tỉnh Bắc Kạn", renamed "Tỉnh Thái Nguyên" from 2025-07-01;
 * - Sở Khoa học và Công nghệ tỉnh Bắc Kạn (valid until 2025-06-30) with units, people, a
 *   secretariat and a head, and plan 27/KH-SKHCN drafted and issued on 2021-03-30 as number 27;
 * - its successor Sở Khoa học và Công nghệ tỉnh Thái Nguyên (from 2025-07-01) with units, 36
 *   people and one user per role, and the same plan for today, its dates moved by the same offset
 *   (deadlines ahead), issued with the register's next number;
 * - dossiers: for the current-year plan, drafts and submitted ones of two Thái Nguyên units, as
 *   their unit heads; for the 2021 plan, the Bắc Kạn dossiers as history, entered by its
 *   secretariat with the clock set back to {@link BAC_KAN_HISTORY_AT} (and set right again
 *   before the loader returns), so they are submitted before that plan's deadline;
 * - the 2021 plan's review as history ({@link BAC_KAN_REVIEW_2021}), each step with the clock at
 *   its day of May or June 2021: the council configured, the dossiers accepted (one returned and
 *   resubmitted), the council's session with its votes and tally, the head's decision on the
 *   Giấy khen (numbered after the plan in the register of 2021, with golden-book numbers), the
 *   proposal of the Bằng khen to the province and its outcome, and the plan closed. The
 *   current-year plan stays open with its dossiers as submitted.
 */
export async function loadDemoData(options: LoadDemoOptions): Promise<DemoSummary> {
  const credentials = demoCredentials();
  const admin = await retryWhileCatchingUp(
    () => ApiClient.signIn(options.baseUrl, options.admin.username, options.admin.password),
    30_000,
    [503, 504],
  );
  if (await demoTenantExists(admin)) return { loaded: false, credentials };
  const started = Date.now();
  logger.log('loading the demo data (DEMO_DATA=bac-kan) …');
  const phase = (what: string): void =>
    logger.debug(`${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const tenant = (
    await admin.post<Identified>('/tenants', { code: DEMO_TENANT.code, name: DEMO_TENANT.name })
  ).body;
  await admin.post(`/tenants/${tenant.id}/names`, {
    name: DEMO_TENANT.renamedTo,
    effectiveFrom: DEMO_TENANT.renamedFrom,
  });
  const bacKan = (
    await admin.post<Identified>('/agencies', {
      tenantId: tenant.id,
      code: BAC_KAN_AGENCY.code,
      name: BAC_KAN_AGENCY.name,
      validUntil: BAC_KAN_AGENCY.validUntil,
    })
  ).body;
  const thaiNguyen = (
    await admin.post<Identified>('/agencies', {
      tenantId: tenant.id,
      code: THAI_NGUYEN_AGENCY.code,
      name: THAI_NGUYEN_AGENCY.name,
      validFrom: THAI_NGUYEN_AGENCY.validFrom,
      predecessorAgencyId: bacKan.id,
    })
  ).body;

  phase('tenant and agencies');
  const inTenant = admin.inTenant(tenant.id);
  const issueTimeoutMs = options.issueTimeoutMs ?? 30_000;
  const [bacKanPart, thaiNguyenPart] = await Promise.all([
    (async () => {
      const directory = await populateAgency(inTenant, tenant.id, bacKan.id, BAC_KAN_AGENCY);
      phase('Bắc Kạn: directory');
      const [secretariat, head] = await Promise.all([
        signInAs(options.baseUrl, BAC_KAN_AGENCY.users, 'secretariat'),
        signInAs(options.baseUrl, BAC_KAN_AGENCY.users, 'agency-head'),
      ]);
      phase('Bắc Kạn: signed in');
      const plan = await draftAndIssue({
        secretariat,
        head,
        agencyId: bacKan.id,
        plan: BAC_KAN_PLAN_2021,
        issue: {
          issuedOn: BAC_KAN_PLAN_ISSUE.issuedOn,
          registerNumber: BAC_KAN_PLAN_ISSUE.registerNumber,
        },
        timeoutMs: issueTimeoutMs,
      });
      phase('Bắc Kạn: plan issued');
      return { plan, directory };
    })(),
    (async () => {
      const directory = await populateAgency(
        inTenant,
        tenant.id,
        thaiNguyen.id,
        THAI_NGUYEN_AGENCY,
      );
      phase('Thái Nguyên: directory');
      const nominators = [...new Set(THAI_NGUYEN_DOSSIERS.map((dossier) => dossier.by))];
      const [secretariat, head, clients] = await Promise.all([
        signInAs(options.baseUrl, THAI_NGUYEN_AGENCY.users, 'secretariat'),
        signInAs(options.baseUrl, THAI_NGUYEN_AGENCY.users, 'agency-head'),
        signInUsers(options.baseUrl, nominators),
      ]);
      phase('Thái Nguyên: signed in');
      const issuedOn = localDate(options.clock.now());
      const director = directory.people.get('tn-gd');
      const body = currentPlan(issuedOn, director?.fullName ?? 'Nguyễn Văn Thành');
      const plan = await draftAndIssue({
        secretariat,
        head,
        agencyId: thaiNguyen.id,
        plan: body,
        issue: { issuedOn },
        timeoutMs: issueTimeoutMs,
      });
      phase('Thái Nguyên: plan issued');
      const dossiers = await recordDossiers(THAI_NGUYEN_DOSSIERS, {
        campaignId: plan.campaignId,
        plan: body,
        planNumber: plan.planNumber,
        agencyName: THAI_NGUYEN_AGENCY.name,
        place: 'Thái Nguyên',
        datedOn: issuedOn,
        ...directory,
        clients,
        timeoutMs: issueTimeoutMs,
      });
      phase('Thái Nguyên: dossiers');
      return { plan, dossiers };
    })(),
  ]);

  // The 2021 dossiers, recorded as they happened: with "now" set back for every service and the
  // gateway, and nothing else under way meanwhile. Tokens are signed anew under that clock (and
  // not used once it is set right again: they expire in 2021).
  const bacKanPlan = bacKanPart.plan;
  const history = await options.clock.during(BAC_KAN_HISTORY_AT, async () => {
    const nominators = [...new Set(BAC_KAN_DOSSIERS_2021.map((dossier) => dossier.by))];
    const clients = await signInUsers(options.baseUrl, nominators);
    return recordDossiers(BAC_KAN_DOSSIERS_2021, {
      campaignId: bacKanPlan.campaignId,
      plan: BAC_KAN_PLAN_2021,
      planNumber: bacKanPlan.planNumber,
      agencyName: BAC_KAN_AGENCY.name,
      place: 'Bắc Kạn',
      datedOn: localDate(new Date(Date.parse(BAC_KAN_HISTORY_AT) - 86_400_000)),
      ...bacKanPart.directory,
      clients,
      timeoutMs: issueTimeoutMs,
    });
  });
  phase('Bắc Kạn: dossiers of 2021');
  const { statuses, ...review } = await recordReview(BAC_KAN_REVIEW_2021, {
    baseUrl: options.baseUrl,
    clock: options.clock,
    agencyId: bacKanPlan.agencyId,
    agencyName: BAC_KAN_AGENCY.name,
    place: 'Bắc Kạn',
    campaignId: bacKanPlan.campaignId,
    dossiers: new Map(
      BAC_KAN_DOSSIERS_2021.map((dossier, index) => [
        dossierKey(dossier),
        history[index] as LoadedDossier,
      ]),
    ),
    ...bacKanPart.directory,
    timeoutMs: issueTimeoutMs,
    onStep: (step) => phase(`Bắc Kạn: review of 2021, ${step}`),
  });
  const reviewed = history.map((dossier) => ({
    ...dossier,
    status: statuses.get(dossier.id) ?? dossier.status,
  }));
  const thaiNguyenPlan = thaiNguyenPart.plan;
  logger.log(
    `demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${bacKanPlan.planNumber} (${bacKanPlan.issuedOn}, ${history.length} dossiers, ` +
      `decision ${review.decision.number}, proposal ${review.proposal.number}, closed), ` +
      `${thaiNguyenPlan.planNumber} (${thaiNguyenPlan.issuedOn}, ${thaiNguyenPart.dossiers.length} dossiers)`,
  );
  return {
    loaded: true,
    credentials,
    plans: { bacKan: bacKanPlan, thaiNguyen: thaiNguyenPlan },
    dossiers: { bacKan: reviewed, thaiNguyen: thaiNguyenPart.dossiers },
    review: { bacKan: review },
  };
}

/**
 * The Bắc Kạn plan as the Thái Nguyên department issues it on `issuedOn`: every date moved by the
 * same offset (period, deadlines, dates and years in the texts), the province's name updated, and
 * signed by the department's director.
 */
export function currentPlan(issuedOn: string, directorName: string): { [key: string]: DemoJson } {
  const shifted = shiftPlanDates(BAC_KAN_PLAN_2021, BAC_KAN_PLAN_ISSUE.issuedOn, issuedOn);
  const renamed = mapStrings(shifted, (text) => text.replaceAll('Bắc Kạn', 'Thái Nguyên')) as {
    [key: string]: DemoJson;
  };
  return { ...renamed, signer: { title: 'GIÁM ĐỐC', name: directorName } };
}

/** Whether an earlier start loaded the demo: its tenant exists. */
async function demoTenantExists(admin: ApiClient): Promise<boolean> {
  try {
    const tenants = await admin.get<{ items: Array<{ code: string }> }>('/tenants');
    return tenants.items.some((tenant) => tenant.code === DEMO_TENANT.code);
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 405)) throw error;
    // No tenant list: the demo's first agency tells as well.
    const agencies = await admin.get<{ items: Array<{ name: string; names?: unknown }> }>(
      '/agencies',
      { asOf: '2021-03-30' },
    );
    return agencies.items.some((agency) => agency.name === BAC_KAN_AGENCY.name);
  }
}

/** Units, people and users of one demo agency; answers the units by code and people by key. */
async function populateAgency(
  admin: ApiClient,
  tenantId: string,
  agencyId: string,
  agency: { units: readonly DemoUnit[]; people: readonly DemoPerson[]; users: readonly DemoUser[] },
): Promise<{
  units: Map<string, { id: string; name: string }>;
  people: Map<string, DemoPerson & Identified>;
  userIds: Map<string, string>;
}> {
  const unitIds = new Map<string, string>();
  const units = new Map<string, { id: string; name: string }>();
  await inBatches(agency.units, 10, async (unit) => {
    const created = await admin.post<Identified>(`/agencies/${agencyId}/units`, {
      code: unit.code,
      name: unit.name,
      ...(unit.isSecretariat ? { isSecretariat: true } : {}),
    });
    unitIds.set(unit.code, created.body.id);
    units.set(unit.code, { id: created.body.id, name: unit.name });
  });
  const people = new Map<string, DemoPerson & Identified>();
  await inBatches(agency.people, 10, async (person) => {
    const created = await admin.post<Identified>(`/agencies/${agencyId}/people`, {
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth,
      gender: person.gender,
      unitId: unitIds.get(person.unit),
      position: person.position,
    });
    people.set(person.key, { ...person, id: created.body.id });
  });
  // One at a time: each account hashes its password (argon2), which a login waits behind.
  const userIds = new Map<string, string>();
  await inBatches(agency.users, 1, async (user) => {
    const person = people.get(user.person);
    if (!person) throw new Error(`demo user ${user.username}: no person ${user.person}`);
    const created = await admin.post<Identified>('/users', {
      username: user.username,
      password: DEMO_PASSWORD,
      fullName: person.fullName,
      agencyId,
      tenantId,
      ...(user.unitScoped ? { unitId: unitIds.get(person.unit) } : {}),
      personId: person.id,
      roles: [user.role],
    });
    userIds.set(user.username, created.body.id);
  });
  return { units, people, userIds };
}

function signInAs(baseUrl: string, users: readonly DemoUser[], role: string): Promise<ApiClient> {
  const user = users.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no demo user with the role ${role}`);
  return retryWhileCatchingUp(
    () => ApiClient.signIn(baseUrl, user.username, DEMO_PASSWORD),
    30_000,
    [503, 504],
  );
}

/**
 * Drafts a plan as the secretariat and issues it as the head (`POST /campaigns/{id}/issue`); a
 * `202` (the register has not answered yet) is followed by reading the plan until it is issued.
 */
async function draftAndIssue(input: {
  secretariat: ApiClient;
  head: ApiClient;
  agencyId: string;
  plan: { [key: string]: DemoJson };
  issue: { issuedOn: string; registerNumber?: number };
  timeoutMs: number;
}): Promise<DemoPlan> {
  const { secretariat, head, agencyId } = input;
  // The campaign service learns the agency and its units from the directory's events: right
  // after they were created a draft may be refused for a moment (API.md, Conventions).
  const drafted = await retryWhileCatchingUp(
    () => secretariat.post<CampaignRead>('/campaigns', { ...input.plan, agencyId }),
    input.timeoutMs,
  );
  const campaignId = drafted.body.id;
  logger.debug(`${agencyId}: drafted ${campaignId}`);
  const issued = await retryWhileCatchingUp(
    () => head.post<CampaignRead>(`/campaigns/${campaignId}/issue`, input.issue),
    input.timeoutMs,
  );
  logger.debug(`${agencyId}: issue answered ${issued.status}`);
  let campaign = issued.status === 202 ? undefined : issued.body;
  const deadline = Date.now() + input.timeoutMs;
  while (campaign?.status !== 'issued') {
    if (Date.now() > deadline)
      throw new Error(`the demo plan ${campaignId} was not issued within ${input.timeoutMs} ms`);
    await pause(100);
    campaign = await head.get<CampaignRead>(`/campaigns/${campaignId}`);
    if (campaign.status === 'draft')
      throw new Error(
        `issuing the demo plan ${campaignId} was refused: ${JSON.stringify(campaign)}`,
      );
  }
  return {
    agencyId,
    campaignId,
    planNumber: campaign.planNumber ?? '',
    issuedOn: campaign.issuedOn ?? input.issue.issuedOn,
  };
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  each: (item: T) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(each));
  }
}

function credential(user: DemoUser, agency: string): DemoCredential {
  return { username: user.username, password: DEMO_PASSWORD, role: user.role, agency };
}
