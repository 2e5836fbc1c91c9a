import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';

const root = path.resolve(__dirname, '..');

interface Started {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

interface Campaign {
  id: string;
  agencyId: string;
  status: string;
  title: string;
  planNumber?: string;
  issuedOn?: string;
  awardForms: Array<{ unitStage: { before: string } }>;
}

interface Dossier {
  id: string;
  status: string;
  awardFormCode: string;
  nominatingUnitId: string;
  nominee: { kind: string };
  documents: Array<{ documentTypeCode: string; fileName: string; mediaType: string }>;
  submittedAt: string | null;
}

interface Register {
  entries: Array<{ formatted: string; status: string }>;
}

interface Session {
  status: string;
  heldOn: string;
  memberUserIds: string[];
  presentUserIds: string[];
  rules: { source: string };
  votes: Array<{ nominationId: string; voters: number; votes: unknown[] }>;
  result: {
    quorum: { met: boolean };
    forms: Array<{
      awardFormCode: string;
      secretBallot: boolean;
      tally: Array<{ nominationId: string; approved: boolean; yes: number; rank: number | null }>;
      tie: unknown;
    }>;
  } | null;
}

interface Decision {
  status: string;
  number: string | null;
  decidedOn: string;
  awardFormCode: string;
  awardees: Array<{ nominationId: string; goldenBookNumber: number | null }>;
}

interface Proposal {
  status: string;
  number: string | null;
  proposedOn: string;
  awardFormCode: string;
  nominees: Array<{ nominationId: string }>;
  outcome: { approvedNominationIds: string[]; decisionNumber: string; decidedOn: string } | null;
}

/** Starts `npm start`'s program as a newcomer would: no DATABASE_URL, AMQP_URL, admin or secret. */
function startAllInOne(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
  };
  for (const name of [
    'DATABASE_URL',
    'AMQP_URL',
    'BOOTSTRAP_ADMIN_USERNAME',
    'BOOTSTRAP_ADMIN_PASSWORD',
    'JWT_SECRET',
    'DEMO_DATA',
  ])
    delete env[name];
  const child = spawn(process.execPath, [path.join(root, 'dist/services/all-in-one/src/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      // The whole ready block: its last line is the hint on starting clean.
      const match = /API:\s+(http:\/\/localhost:\d+)\/api\/v1[\s\S]*Start clean:.*\n/.exec(output);
      if (match?.[1]) resolve({ child, baseUrl: match[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`all-in-one exited with ${String(code)} before it was ready:\n${output}`)),
    );
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** Today's year in Asia/Ho_Chi_Minh. */
function currentYear(): number {
  return Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
      new Date(),
    ),
  );
}

async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await request(baseUrl)
    .post('/api/v1/auth/login')
    .send({ username, password })
    .expect(200);
  return (response.body as { accessToken: string }).accessToken;
}

/** `GET /campaigns`; a system-admin names the tenant it reads in. */
async function campaigns(baseUrl: string, token: string, tenantId?: string): Promise<Campaign[]> {
  const response = await request(baseUrl)
    .get('/api/v1/campaigns')
    .set('Authorization', `Bearer ${token}`)
    .set(tenantId ? { 'X-Tenant-Id': tenantId } : {})
    .expect(200);
  return (response.body as { items: Campaign[] }).items;
}

async function register(
  baseUrl: string,
  token: string,
  agencyId: string,
  year: number,
): Promise<string[]> {
  const response = await request(baseUrl)
    .get(`/api/v1/agencies/${agencyId}/register`)
    .query({ year })
    .set('Authorization', `Bearer ${token}`);
  if (response.status !== 200)
    throw new Error(`register of ${year}: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as Register).entries.map((entry) => entry.formatted);
}

/** `GET /campaigns/{id}/nominations`: the dossiers of a plan the caller sees. */
async function dossiers(baseUrl: string, token: string, campaignId: string): Promise<Dossier[]> {
  const response = await request(baseUrl)
    .get(`/api/v1/campaigns/${campaignId}/nominations`)
    .query({ limit: 100 })
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return (response.body as { items: Dossier[] }).items;
}

/** `GET <path>` as the token's user: the `items` of a list. */
async function items<T>(baseUrl: string, token: string, path: string): Promise<T[]> {
  const response = await request(baseUrl)
    .get(`/api/v1${path}`)
    .set('Authorization', `Bearer ${token}`);
  if (response.status !== 200)
    throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { items: T[] }).items;
}

/** Each dossier's status, counted. */
function byStatus(items: readonly Dossier[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.status] = (counts[item.status] ?? 0) + 1;
  return counts;
}

/** The unit-stage documents of plan 27/KH-SKHCN (both award forms). */
const UNIT_STAGE_DOCUMENTS = ['BAO_CAO_THANH_TICH', 'BIEN_BAN_HOP_XET', 'CONG_VAN_DE_NGHI'];

/**
 * `npm start` on a clean data directory: the embedded PostgreSQL on a port of its own and the
 * in-process transport; the bootstrap admin with the printed local defaults; the Bắc Kạn demo
 * loaded once through the public API (both plans issued and in their registers, the 2021 plan's
 * dossiers submitted in May 2021 and reviewed — session, decision, proposal and its outcome —
 * until its close, the current plan's drafts and submitted dossiers of two units);
 * a restart keeps the data, the sessions and does not load the demo again.
 */
describe('all-in-one (npm start)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ttkt-all-in-one-'));
  let running: Started | undefined;

  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.js')], {
      cwd: root,
      stdio: 'inherit',
    });
  });

  afterAll(async () => {
    if (running) await stop(running.child);
    const location = path.join(dataDir, 'postgres.location');
    if (existsSync(location))
      rmSync(path.dirname(readFileSync(location, 'utf8').trim()), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the demo once, serves both plans, their registers and dossiers, and keeps all across a restart', async () => {
    running = await startAllInOne(dataDir);
    const first = running.output();
    expect(first).toMatch(/embedded PostgreSQL on port (\d+)/);
    expect(Number(/embedded PostgreSQL on port (\d+)/.exec(first)?.[1])).not.toBe(5432);
    expect(first).toContain('in-process transport');
    expect(first).toMatch(/API docs:\s+http:\/\/localhost:\d+\/api\/docs/);
    expect(first).toMatch(/admin \/ Admin@12345 \(defaults for local use only/);
    expect(first).toContain('Demo data:  bac-kan (loaded now): 2 plans, 11 dossiers');
    const password = /tn\.giamdoc\s+\/ (\S+)/.exec(first)?.[1] ?? '';
    for (const username of [
      'tn.quantri',
      'tn.vanphong',
      'tn.vanthu',
      'tn.truongphong',
      'tn.trungtam',
      'tn.hoidong',
      'tn.giamdoc',
      'tn.xem',
      'bk.vanphong',
      'bk.giamdoc',
      'bk.quantri',
      'bk.phogiamdoc',
      'bk.khtc',
      'bk.thanhtra',
    ])
      expect(first).toMatch(new RegExp(`${username.replace('.', '\\.')}\\s+/ ${password}`));
    const { baseUrl } = running;

    // Bắc Kạn: plan 27/KH-SKHCN of 30/3/2021, number 27 in the register of 2021, closed in June
    // 2021 once reviewed.
    const bacKanToken = await signIn(baseUrl, 'bk.vanphong', password);
    const bacKan = await campaigns(baseUrl, bacKanToken);
    expect(bacKan).toHaveLength(1);
    expect(bacKan[0]).toMatchObject({
      status: 'closed',
      planNumber: '27/KH-SKHCN',
      issuedOn: '2021-03-30',
    });
    expect(await register(baseUrl, bacKanToken, bacKan[0]?.agencyId ?? '', 2021)).toContain(
      '27/KH-SKHCN',
    );
    // Its dossiers as history: submitted in May 2021, before the unit stage's deadline (12/5/2021),
    // each with the unit-stage documents (PDFs with Vietnamese names), and reviewed: awarded by
    // the head's decision or the province, or not approved (by the vote, by the province).
    const history = await dossiers(baseUrl, bacKanToken, bacKan[0]?.id ?? '');
    expect(history).toHaveLength(6);
    expect(byStatus(history)).toEqual({ awarded: 4, 'not-approved': 2 });
    for (const dossier of history) {
      expect(dossier.submittedAt).toMatch(/^2021-05-/);
      expect(Date.parse(dossier.submittedAt ?? '')).toBeLessThan(
        Date.parse('2021-05-12T00:00:00+07:00'),
      );
      expect(dossier.documents.map((document) => document.documentTypeCode).sort()).toEqual(
        UNIT_STAGE_DOCUMENTS,
      );
      for (const document of dossier.documents) {
        expect(document.mediaType).toBe('application/pdf');
        expect(document.fileName).toMatch(/^(Công văn|Biên bản|Báo cáo) .+\.pdf$/);
      }
    }
    expect(new Set(history.map((dossier) => dossier.nominee.kind))).toEqual(
      new Set(['individual', 'collective']),
    );

    // Its review: one council session in May 2021, closed with a quorum, the Bằng khen by
    // secret ballot (who voted, never how).
    const bacKanId = bacKan[0]?.id ?? '';
    const sessions = await items<Session>(
      baseUrl,
      bacKanToken,
      `/campaigns/${bacKanId}/council-sessions`,
    );
    expect(sessions).toHaveLength(1);
    const session = sessions[0] as Session;
    expect(session.status).toBe('closed');
    expect(session.heldOn).toMatch(/^2021-05-/);
    expect(session.presentUserIds.length).toBeLessThan(session.memberUserIds.length);
    expect(session.rules.source).toContain('Hội đồng Thi đua - Khen thưởng');
    expect(session.result?.quorum.met).toBe(true);
    const tallied = session.result?.forms ?? [];
    expect(tallied.map((form) => form.awardFormCode).sort()).toEqual([
      'BANG_KHEN_CT_UBND_TINH',
      'GIAY_KHEN_GD_SO',
    ]);
    expect(tallied.flatMap((form) => form.tally)).toHaveLength(6);
    expect(tallied.flatMap((form) => form.tally).filter((line) => !line.approved)).toHaveLength(1);
    const secret = tallied.find((form) => form.secretBallot);
    expect(secret?.awardFormCode).toBe('BANG_KHEN_CT_UBND_TINH');
    for (const line of secret?.tally ?? [])
      expect(
        session.votes.find((votes) => votes.nominationId === line.nominationId)?.votes,
      ).toEqual([]);
    // The head's decision on the Giấy khen, within its quota of 3, numbered after the plan, with
    // golden-book numbers.
    const decisions = await items<Decision>(
      baseUrl,
      bacKanToken,
      `/campaigns/${bacKanId}/decisions`,
    );
    expect(decisions).toHaveLength(1);
    const decision = decisions[0] as Decision;
    expect(decision).toMatchObject({
      status: 'issued',
      number: '28/QĐ-SKHCN',
      awardFormCode: 'GIAY_KHEN_GD_SO',
    });
    expect(decision.decidedOn).toMatch(/^2021-05-/);
    expect(decision.awardees.map((awardee) => awardee.goldenBookNumber).sort()).toEqual([1, 2, 3]);
    // The Bằng khen proposed to the province before 31/5/2021, and its outcome: one approved.
    const proposals = await items<Proposal>(
      baseUrl,
      bacKanToken,
      `/campaigns/${bacKanId}/proposals`,
    );
    expect(proposals).toHaveLength(1);
    const proposal = proposals[0] as Proposal;
    expect(proposal).toMatchObject({
      status: 'decided',
      number: '29/TTr-SKHCN',
      awardFormCode: 'BANG_KHEN_CT_UBND_TINH',
      outcome: { decisionNumber: '1234/QĐ-UBND' },
    });
    expect(proposal.outcome?.decidedOn).toMatch(/^2021-06-/);
    expect(proposal.proposedOn < '2021-05-31').toBe(true);
    expect(proposal.nominees).toHaveLength(2);
    expect(proposal.outcome?.approvedNominationIds).toHaveLength(1);
    const statusOf = new Map(history.map((dossier) => [dossier.id, dossier.status]));
    for (const awardee of decision.awardees)
      expect(statusOf.get(awardee.nominationId)).toBe('awarded');
    for (const nominee of proposal.nominees)
      expect(statusOf.get(nominee.nominationId)).toBe(
        proposal.outcome?.approvedNominationIds.includes(nominee.nominationId)
          ? 'awarded'
          : 'not-approved',
      );
    // The register of 2021: the plan, then the decision, then the proposal.
    expect(await register(baseUrl, bacKanToken, bacKan[0]?.agencyId ?? '', 2021)).toEqual([
      '27/KH-SKHCN',
      '28/QĐ-SKHCN',
      '29/TTr-SKHCN',
    ]);
    // One dossier was returned for supplement and resubmitted before the deadline.
    const returned = await Promise.all(
      history.map(async (dossier) => {
        const response = await request(baseUrl)
          .get(`/api/v1/nominations/${dossier.id}/history`)
          .set('Authorization', `Bearer ${bacKanToken}`)
          .expect(200);
        return (response.body as { items: Array<{ type: string }> }).items.map((item) => item.type);
      }),
    );
    expect(returned.filter((types) => types.includes('NominationReturned'))).toHaveLength(1);

    // Thái Nguyên: the same plan issued today, the register's next number, deadlines ahead.
    const year = currentYear();
    const thaiNguyenToken = await signIn(baseUrl, 'tn.xem', password);
    const thaiNguyen = await campaigns(baseUrl, thaiNguyenToken);
    expect(thaiNguyen).toHaveLength(1);
    const current = thaiNguyen[0] as Campaign;
    expect(current).toMatchObject({ status: 'issued', planNumber: '01/KH-SKHCN' });
    expect(current.issuedOn?.startsWith(String(year))).toBe(true);
    for (const form of current.awardForms)
      expect(form.unitStage.before > (current.issuedOn ?? '')).toBe(true);
    expect(current.title).not.toContain('2021');
    expect(await register(baseUrl, thaiNguyenToken, current.agencyId, year)).toEqual([
      current.planNumber,
    ]);
    // Its dossiers: drafts and submitted ones from two units, individuals and a collective, every
    // one with its unit-stage documents; the submitted ones submitted now.
    const currentDossiers = await dossiers(baseUrl, thaiNguyenToken, current.id);
    expect(byStatus(currentDossiers)).toEqual({ draft: 2, submitted: 3 });
    expect(new Set(currentDossiers.map((dossier) => dossier.nominatingUnitId)).size).toBe(2);
    expect(currentDossiers.some((dossier) => dossier.nominee.kind === 'collective')).toBe(true);
    for (const dossier of currentDossiers) {
      expect(dossier.documents.map((document) => document.documentTypeCode).sort()).toEqual(
        UNIT_STAGE_DOCUMENTS,
      );
      if (dossier.status === 'draft') expect(dossier.submittedAt).toBeNull();
      else expect(Date.now() - Date.parse(dossier.submittedAt ?? '')).toBeLessThan(10 * 60_000);
    }
    // Each unit head sees its own unit's dossiers.
    const unitHeadToken = await signIn(baseUrl, 'tn.trungtam', password);
    const ofTheCentre = await dossiers(baseUrl, unitHeadToken, current.id);
    expect(ofTheCentre.length).toBeGreaterThan(0);
    expect(ofTheCentre.length).toBeLessThan(currentDossiers.length);

    const adminToken = await signIn(baseUrl, 'admin', 'Admin@12345');
    const tenants = await request(baseUrl)
      .get('/api/v1/tenants')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    const demoTenants = (tenants.body as { items: Array<{ id: string; name: string }> }).items;
    expect(demoTenants).toEqual([expect.objectContaining({ name: 'Tỉnh Thái Nguyên' })]);
    const tenantId = demoTenants[0]?.id ?? '';
    expect(
      (await campaigns(baseUrl, adminToken, tenantId)).map((c) => c.planNumber).sort(),
    ).toEqual(['01/KH-SKHCN', '27/KH-SKHCN'].sort());

    expect(await stop(running.child)).toBe(0);
    running = await startAllInOne(dataDir);
    const again = running.output();
    expect(again).toContain('Demo data:  bac-kan (loaded on an earlier start)');
    const tenantsAgain = await request(running.baseUrl)
      .get('/api/v1/tenants')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect((tenantsAgain.body as { items: unknown[] }).items).toHaveLength(1);
    // The signing key is kept in DATA_DIR: tokens from before the restart still work.
    const afterRestart = await campaigns(running.baseUrl, adminToken, tenantId);
    expect(afterRestart.map((c) => c.id).sort()).toEqual([bacKan[0]?.id ?? '', current.id].sort());
    expect(await register(running.baseUrl, bacKanToken, bacKan[0]?.agencyId ?? '', 2021)).toContain(
      '27/KH-SKHCN',
    );
    // The dossiers are there once: the restart did not record them again.
    expect(again).toContain(
      'Demo data:  bac-kan (loaded on an earlier start): 2 plans, 11 dossiers',
    );
    const historyAgain = await dossiers(running.baseUrl, bacKanToken, bacKan[0]?.id ?? '');
    expect(historyAgain.map((dossier) => dossier.id).sort()).toEqual(
      history.map((dossier) => dossier.id).sort(),
    );
    expect(byStatus(historyAgain)).toEqual({ awarded: 4, 'not-approved': 2 });
    // Nor the review: one session, one decision, one proposal.
    for (const path of ['council-sessions', 'decisions', 'proposals'])
      expect(
        await items(running.baseUrl, bacKanToken, `/campaigns/${bacKanId}/${path}`),
      ).toHaveLength(1);
    const currentAgain = await dossiers(running.baseUrl, thaiNguyenToken, current.id);
    expect(currentAgain.map((dossier) => dossier.id).sort()).toEqual(
      currentDossiers.map((dossier) => dossier.id).sort(),
    );
    expect(byStatus(currentAgain)).toEqual({ draft: 2, submitted: 3 });
    // Two starts on a fresh cluster (initdb) and the demo with its 2021 review: ~45 s alone, more
    // beside other test workers.
  }, 180_000);
});
