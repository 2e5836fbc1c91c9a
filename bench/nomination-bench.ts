/**
 * Issue #5: many units submitting dossiers at once, through the public HTTP API of the whole
 * platform started in this process (all-in-one with the in-process transport, or with RabbitMQ).
 *
 * Set-up (not measured): one tenant and agency (Sở KH&CN Bắc Kạn with its units) plus `units`
 * bench units, each with one person and one unit-head user; plan 27/KH-SKHCN drafted and issued
 * with the clock before its unit-stage deadline. Measured: every unit at once signs in, nominates
 * its person for the plan's first award form, uploads each document the unit stage requires (two
 * of them 1 MiB PDFs of random bytes, streamed; the others small PDFs) and submits.
 */
import { randomBytes, randomFillSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ReadableStream } from 'node:stream/web';
import {
  bacKanDraft,
  bacKanUnits,
  ControllableClock,
  createTestSchemaPrefix,
  createTestVhost,
  type JsonObject,
} from '@ttkt/testing';
import { startPlatform, type RunningPlatform } from '../services/all-in-one/src/platform';
import { CpuMeter } from './machine';

export const MIB = 1024 * 1024;
const PASSWORD = 'Bench-thi-dua-2021!';
const ADMIN = { username: 'quantri.bench', password: 'Quan-tri-bench-2021!' };
/** Before the plan's unit-stage deadline ("trước 12/5/2021"). */
const CLOCK_AT = '2021-04-20T09:00:00+07:00';

/** Registers undo steps; the caller runs them in reverse order at the end, also on failure. */
export interface CleanupRegistry {
  add(name: string, run: () => Promise<void> | void): void;
}

export interface NominationBenchOptions {
  mode: 'in-process' | 'rabbitmq';
  units: number;
  databaseUrl: string;
  /** Size of each large document (default 1 MiB). */
  largeBytes?: number;
  /** How many large documents per dossier (default 2): the first required codes but one. */
  largeDocuments?: number;
  log: (line: string) => void;
  /** Told of each throw-away resource as it is made (a parent process drops them if this one dies). */
  onResource?: (resource: BenchResource) => void;
}

/** A throw-away resource of a run: schemas by prefix, a vhost, a blob directory. */
export type BenchResource =
  | { kind: 'schemas'; prefix: string }
  | { kind: 'vhost'; name: string }
  | { kind: 'directory'; path: string };

/** Latency percentiles of one kind of request, in ms. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface NominationBenchResult {
  mode: NominationBenchOptions['mode'];
  units: number;
  /** Dossiers that reached `submitted`. */
  submitted: number;
  seconds: number;
  dossiersPerSecond: number;
  uploadedBytes: number;
  mibPerSecond: number;
  /** Per step (`login`, `nominate`, `upload 1 MiB`, `upload small`, `submit`) and `unit` (end to end). */
  latencies: Record<string, LatencySummary>;
  /**
   * The gateway's RPCs during the phase (the platform's command sender, wrapped), by
   * `service pattern`: latency and failures (`RpcTimeoutError` → the 504s).
   */
  rpc: Record<string, LatencySummary & { failures: Record<string, number> }>;
  /** Non-2xx answers and failed requests, as `step status type` → count. */
  errors: Record<string, number>;
  errorCount: number;
  /** Resident memory of this process (platform and client), sampled every 100 ms. */
  rssBeforeBytes: number;
  rssPeakBytes: number;
  nodeCores: number;
  machineBusy: number | undefined;
  loadAtStart: number[];
  loadAtEnd: number[];
  setupSeconds: number;
  requiredCodes: string[];
}

interface Answer {
  status: number;
  text: string;
  body: unknown;
}

/** A tiny client of the public API over fetch. */
class Http {
  constructor(private readonly base: string) {}

  async json(
    method: string,
    route: string,
    token: string | undefined,
    body?: unknown,
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${route}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return read(response);
  }

  async upload(
    route: string,
    token: string,
    documentTypeCode: string,
    fileName: string,
    pdf: PdfSource,
  ): Promise<Answer> {
    const boundary = `----ttkt-bench-${randomUUID()}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="documentTypeCode"\r\n\r\n${documentTypeCode}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const parts = pdf.parts();
    let stage: 'head' | 'file' | 'tail' | 'done' = 'head';
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (stage === 'head') {
          controller.enqueue(head);
          stage = 'file';
          return;
        }
        if (stage === 'file') {
          const next = parts.next();
          if (!next.done) {
            controller.enqueue(next.value);
            return;
          }
          stage = 'tail';
        }
        if (stage === 'tail') {
          controller.enqueue(tail);
          stage = 'done';
          return;
        }
        controller.close();
      },
    });
    const response = await fetch(`${this.base}${route}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body: stream,
      duplex: 'half',
    });
    return read(response);
  }
}

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body };
}

/**
 * A PDF of exactly `size` bytes, produced in 64 KiB chunks: the `%PDF-1.4` header, one stream
 * object of fresh random bytes, a trailer and `%%EOF` (file-type sniffs the header: PDF).
 */
class PdfSource {
  private static readonly CHUNK = 64 * 1024;

  constructor(
    readonly size: number,
    private readonly label: string,
  ) {}

  *parts(): Generator<Buffer> {
    const prologue = (length: number): Buffer =>
      Buffer.from(
        `%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3 ${this.label}\n1 0 obj\n<< /Length ${length} >>\nstream\n`,
        'latin1',
      );
    const epilogue = Buffer.from('\nendstream\nendobj\ntrailer\n<< /Size 2 >>\n%%EOF\n', 'latin1');
    // The /Length digits depend on the length: settle it in two passes.
    let length = this.size - prologue(0).length - epilogue.length;
    length = this.size - prologue(length).length - epilogue.length;
    const start = prologue(length);
    if (length < 0) throw new Error(`a PDF of ${this.size} bytes is too small`);
    yield start;
    for (let left = length; left > 0;) {
      const chunk = Buffer.allocUnsafe(Math.min(PdfSource.CHUNK, left));
      randomFillSync(chunk);
      left -= chunk.length;
      yield chunk;
    }
    yield epilogue;
  }
}

/** Runs `work` over `items` with at most `limit` at a time, in order of start. */
async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function expect2xx(answer: Answer, what: string): Answer {
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${what} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
  }
  return answer;
}

function idOf(answer: Answer, what: string): string {
  const id = (expect2xx(answer, what).body as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string') throw new Error(`${what} answered no id: ${answer.text}`);
  return id;
}

function tokenOf(answer: Answer, who: string): string {
  const token = (expect2xx(answer, `login of ${who}`).body as { accessToken?: unknown } | undefined)
    ?.accessToken;
  if (typeof token !== 'string') throw new Error(`login of ${who} answered no token`);
  return token;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Hà', 'Nông', 'Triệu', 'Ma', 'Lục'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hải', 'Khánh', 'Lan', 'Mai', 'Nam'];

function personName(index: number): string {
  const family = FAMILY[index % FAMILY.length] as string;
  const middle = MIDDLE[Math.floor(index / FAMILY.length) % MIDDLE.length] as string;
  const given = GIVEN[Math.floor(index / (FAMILY.length * MIDDLE.length)) % GIVEN.length] as string;
  return `${family} ${middle} ${given}`;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

function summarize(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

interface BenchUnit {
  index: number;
  unitId: string;
  personId: string;
  username: string;
}

/** Starts the platform for one mode, builds the agency and plan, measures, stops and drops. */
export async function runNominationBench(
  options: NominationBenchOptions,
  cleanup: CleanupRegistry,
): Promise<NominationBenchResult> {
  const { mode, units, databaseUrl, log } = options;
  const largeBytes = options.largeBytes ?? MIB;
  const largeDocuments = options.largeDocuments ?? 2;
  const setupBegan = performance.now();
  const label = mode === 'rabbitmq' ? 'bench_nom_rmq' : 'bench_nom_inproc';

  const schemas = createTestSchemaPrefix(label);
  options.onResource?.({ kind: 'schemas', prefix: schemas.prefix });
  cleanup.add(`${mode}: schemas ${schemas.prefix}*`, () => schemas.drop());
  const blobDir = mkdtempSync(path.join(os.tmpdir(), `ttkt-${label}-`));
  options.onResource?.({ kind: 'directory', path: blobDir });
  cleanup.add(`${mode}: blob directory ${blobDir}`, () =>
    rmSync(blobDir, { recursive: true, force: true }),
  );
  let amqpUrl: string | undefined;
  if (mode === 'rabbitmq') {
    const vhost = await createTestVhost(label);
    options.onResource?.({ kind: 'vhost', name: vhost.name });
    cleanup.add(`${mode}: vhost ${vhost.name}`, () => vhost.drop());
    amqpUrl = vhost.url;
  }

  const clock = new ControllableClock(CLOCK_AT);
  const platform: RunningPlatform = await startPlatform({
    databaseUrl,
    schemaPrefix: schemas.prefix,
    ...(amqpUrl === undefined ? {} : { amqpUrl }),
    bootstrapAdmin: ADMIN,
    jwtSecret: randomBytes(32).toString('base64url'),
    demoData: 'none',
    clock,
    blobStore: `file:${blobDir}`,
    port: 0,
    logger: ['error', 'warn'],
  });
  let stopped = false;
  const stopPlatform = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await platform.stop();
  };
  // Registered after the schemas and vhost, so it runs before they are dropped.
  cleanup.add(`${mode}: platform`, stopPlatform);
  if (platform.url === undefined) throw new Error('the platform is not listening');
  const http = new Http(`${platform.url.replace(/\/$/, '')}/api/v1`);
  log(`  ${mode}: platform on ${platform.url}, schemas ${schemas.prefix}*, blobs ${blobDir}`);

  // --- set-up through the public API (not measured) ---
  const admin = tokenOf(await http.json('POST', '/auth/login', undefined, ADMIN), ADMIN.username);
  const tenantId = idOf(
    await http.json('POST', '/tenants', admin, { code: 'BK', name: 'Tỉnh Bắc Kạn' }),
    'POST /tenants',
  );
  const agencyId = idOf(
    await http.json('POST', '/agencies', admin, {
      tenantId,
      code: 'SKHCN',
      name: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
    }),
    'POST /agencies',
  );
  const createUser = async (
    token: string,
    body: Record<string, unknown>,
    what: string,
  ): Promise<string> =>
    idOf(await http.json('POST', '/users', token, { password: PASSWORD, agencyId, ...body }), what);
  await createUser(
    admin,
    {
      username: 'qt.skhcn',
      fullName: 'Quản trị Sở Khoa học và Công nghệ',
      tenantId,
      roles: ['agency-admin'],
    },
    'POST /users (agency admin)',
  );
  const agencyAdmin = tokenOf(
    await http.json('POST', '/auth/login', undefined, { username: 'qt.skhcn', password: PASSWORD }),
    'qt.skhcn',
  );
  const plannedUnits: Record<string, string> = {};
  for (const unit of bacKanUnits()) {
    plannedUnits[unit.code] = idOf(
      await http.json('POST', `/agencies/${agencyId}/units`, agencyAdmin, unit),
      `POST unit ${unit.code}`,
    );
  }
  await createUser(
    agencyAdmin,
    {
      username: 'vanphong.bench',
      fullName: 'Hoàng Thị Thu',
      roles: ['secretariat'],
      unitId: plannedUnits['VP'],
    },
    'POST /users (secretariat)',
  );
  await createUser(
    agencyAdmin,
    { username: 'giamdoc.bench', fullName: 'Đỗ Thị Hiền', roles: ['agency-head'] },
    'POST /users (agency head)',
  );

  // The bench units, then a probe unit created last (see below).
  const codes = Array.from({ length: units + 1 }, (_, i) =>
    i === units ? 'BENCH-PROBE' : `BENCH-${String(i + 1).padStart(3, '0')}`,
  );
  const unitIds = await inBatches(codes.slice(0, units), 16, (code) =>
    http
      .json('POST', `/agencies/${agencyId}/units`, agencyAdmin, {
        code,
        name: `Đơn vị thi đua ${code}`,
      })
      .then((answer) => idOf(answer, `POST unit ${code}`)),
  );
  const personIds = await inBatches(unitIds, 16, (unitId, i) =>
    http
      .json('POST', `/agencies/${agencyId}/people`, agencyAdmin, {
        fullName: personName(i),
        dateOfBirth: '1985-09-02',
        gender: i % 2 === 0 ? 'male' : 'female',
        unitId,
        position: 'Chuyên viên',
      })
      .then((answer) => idOf(answer, `POST person of unit ${i + 1}`)),
  );
  log(
    `  ${mode}: ${units} units and people created (${((performance.now() - setupBegan) / 1000).toFixed(1)} s)`,
  );
  const benchUnits: BenchUnit[] = unitIds.map((unitId, index) => ({
    index,
    unitId,
    personId: personIds[index] as string,
    username: `truong.dv${String(index + 1).padStart(3, '0')}`,
  }));
  // argon2id per account: a few at a time (the hashing runs on the thread pool).
  await inBatches(benchUnits, 8, (unit) =>
    createUser(
      agencyAdmin,
      {
        username: unit.username,
        fullName: `Trưởng ${personName(unit.index + 7)}`,
        roles: ['unit-head'],
        unitId: unit.unitId,
      },
      `POST /users ${unit.username}`,
    ),
  );
  log(
    `  ${mode}: ${units} unit-head users created (${((performance.now() - setupBegan) / 1000).toFixed(1)} s)`,
  );

  // The plan, drafted by the secretariat and issued by the head.
  const draft = bacKanDraft(agencyId);
  const firstForm = (draft['awardForms'] as JsonObject[])[0] as JsonObject;
  const formCode = firstForm['code'] as string;
  const requiredCodes = (
    ((firstForm['unitStage'] as JsonObject)['requiredDocuments'] as JsonObject[]) ?? []
  ).map((doc) => doc['code'] as string);
  if (requiredCodes.length < largeDocuments) {
    throw new Error(`the plan's first award form requires only ${requiredCodes.join(', ')}`);
  }
  const secretariat = tokenOf(
    await http.json('POST', '/auth/login', undefined, {
      username: 'vanphong.bench',
      password: PASSWORD,
    }),
    'vanphong.bench',
  );
  const head = tokenOf(
    await http.json('POST', '/auth/login', undefined, {
      username: 'giamdoc.bench',
      password: PASSWORD,
    }),
    'giamdoc.bench',
  );
  const campaignId = idOf(
    await http.json('POST', '/campaigns', secretariat, draft),
    'POST /campaigns',
  );
  expect2xx(
    await http.json('POST', `/campaigns/${campaignId}/issue`, head, { issuedOn: '2021-03-30' }),
    'POST /campaigns/{id}/issue',
  );

  const nominationBody = (unit: { unitId: string; personId: string }): Record<string, unknown> => ({
    awardFormCode: formCode,
    nominatingUnitId: unit.unitId,
    nominee: { kind: 'individual', personId: unit.personId },
    achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ; tham gia tích cực các phong trào thi đua.',
    criteria: [
      {
        criterion: 'Có thành tích xuất sắc, tiêu biểu trong công tác chuyên môn được giao.',
        met: true,
        evidence: 'Báo cáo tổng kết 6 tháng đầu năm 2021',
      },
    ],
  });

  // Readiness: the nomination service learns of the plan and of the directory's units and people
  // through events. A probe unit, person and unit-head created after all the others: once the
  // probe person can be nominated, the events before it have arrived too. The probe's dossier is
  // then withdrawn.
  const probeUnitId = idOf(
    await http.json('POST', `/agencies/${agencyId}/units`, agencyAdmin, {
      code: codes[units],
      name: 'Đơn vị thăm dò',
    }),
    'POST probe unit',
  );
  const probePersonId = idOf(
    await http.json('POST', `/agencies/${agencyId}/people`, agencyAdmin, {
      fullName: 'Bế Văn Thăm',
      dateOfBirth: '1980-01-01',
      gender: 'male',
      unitId: probeUnitId,
      position: 'Chuyên viên',
    }),
    'POST probe person',
  );
  await createUser(
    agencyAdmin,
    {
      username: 'truong.probe',
      fullName: 'Bế Văn Dò',
      roles: ['unit-head'],
      unitId: probeUnitId,
    },
    'POST /users truong.probe',
  );
  const probe = tokenOf(
    await http.json('POST', '/auth/login', undefined, {
      username: 'truong.probe',
      password: PASSWORD,
    }),
    'truong.probe',
  );
  const readyBy = Date.now() + 120_000;
  let probeDossier: string | undefined;
  for (;;) {
    const answer = await http.json(
      'POST',
      `/campaigns/${campaignId}/nominations`,
      probe,
      nominationBody({ unitId: probeUnitId, personId: probePersonId }),
    );
    if (answer.status === 201) {
      probeDossier = idOf(answer, 'probe nomination');
      break;
    }
    if (answer.status !== 422 || Date.now() > readyBy) {
      throw new Error(`the probe nomination answered ${answer.status}: ${answer.text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect2xx(
    await http.json('POST', `/nominations/${probeDossier}/withdraw`, probe, {
      reason: 'Thăm dò',
    }),
    'probe withdraw',
  );
  const setupSeconds = (performance.now() - setupBegan) / 1000;
  log(`  ${mode}: set-up done in ${setupSeconds.toFixed(1)} s; measuring ${units} units at once`);

  // --- the measured phase ---
  const latencies: Record<string, number[]> = {};
  const errors: Record<string, number> = {};
  let uploadedBytes = 0;
  let submitted = 0;
  const record = (step: string, ms: number): void => {
    (latencies[step] ??= []).push(ms);
  };
  const fail = (step: string, status: number | string, type: string): void => {
    const key = `${step} ${status} ${type}`;
    errors[key] = (errors[key] ?? 0) + 1;
  };
  /** One request: its latency under `step`; a non-2xx or failure is counted and ends the unit. */
  const timed = async (step: string, call: () => Promise<Answer>): Promise<Answer | undefined> => {
    const began = performance.now();
    let answer: Answer;
    try {
      answer = await call();
    } catch (error) {
      record(step, performance.now() - began);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      fail(step, 'network', cause?.code ?? cause?.message ?? String(error));
      return undefined;
    }
    record(step, performance.now() - began);
    if (answer.status < 200 || answer.status > 299) {
      const type = (answer.body as { type?: unknown } | undefined)?.type;
      fail(step, answer.status, typeof type === 'string' ? type : answer.text.slice(0, 80));
      return undefined;
    }
    return answer;
  };
  const largeCodes = requiredCodes.slice(requiredCodes.length - largeDocuments);

  const runUnit = async (unit: BenchUnit): Promise<void> => {
    const began = performance.now();
    const login = await timed('login', () =>
      http.json('POST', '/auth/login', undefined, { username: unit.username, password: PASSWORD }),
    );
    if (!login) return;
    const token = (login.body as { accessToken: string }).accessToken;
    const nominated = await timed('nominate', () =>
      http.json('POST', `/campaigns/${campaignId}/nominations`, token, nominationBody(unit)),
    );
    if (!nominated) return;
    const dossierId = (nominated.body as { id: string }).id;
    for (const code of requiredCodes) {
      const large = largeCodes.includes(code);
      const pdf = new PdfSource(large ? largeBytes : 2048, `${code} dv${unit.index + 1}`);
      const uploaded = await timed(large ? 'upload 1 MiB' : 'upload small', () =>
        http.upload(`/nominations/${dossierId}/documents`, token, code, `${code}.pdf`, pdf),
      );
      if (!uploaded) return;
      uploadedBytes += pdf.size;
    }
    const done = await timed('submit', () =>
      http.json('POST', `/nominations/${dossierId}/submit`, token),
    );
    if (!done) return;
    if ((done.body as { status?: unknown } | undefined)?.status === 'submitted') submitted += 1;
    else fail('submit', 200, `status ${String((done.body as { status?: unknown }).status)}`);
    record('unit', performance.now() - began);
  };

  // What the gateway asks the services, timed: which call a 504 came from.
  const rpcTimes: Record<string, number[]> = {};
  const rpcFailures: Record<string, Record<string, number>> = {};
  const sender = platform.sender;
  const send = sender.send.bind(sender);
  sender.send = async <TResult>(...args: Parameters<typeof send>): Promise<TResult> => {
    const key = `${args[0]} ${args[1]}`;
    const began = performance.now();
    try {
      return await send<TResult>(...args);
    } catch (error) {
      const name = error instanceof Error ? error.constructor.name : 'error';
      const failures = (rpcFailures[key] ??= {});
      failures[name] = (failures[name] ?? 0) + 1;
      throw error;
    } finally {
      (rpcTimes[key] ??= []).push(performance.now() - began);
    }
  };

  const rssBeforeBytes = process.memoryUsage.rss();
  let rssPeakBytes = rssBeforeBytes;
  const sampler = setInterval(() => {
    rssPeakBytes = Math.max(rssPeakBytes, process.memoryUsage.rss());
  }, 100);
  const loadAtStart = os.loadavg();
  const cpu = new CpuMeter();
  const phaseBegan = performance.now();
  try {
    await Promise.all(benchUnits.map(runUnit));
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - phaseBegan) / 1000;
  const { machineBusy, nodeCores } = cpu.stop();
  rssPeakBytes = Math.max(rssPeakBytes, process.memoryUsage.rss());
  const loadAtEnd = os.loadavg();
  sender.send = send;
  await stopPlatform();

  const summaries: Record<string, LatencySummary> = {};
  for (const [step, values] of Object.entries(latencies)) summaries[step] = summarize(values);
  const rpc: NominationBenchResult['rpc'] = {};
  for (const [key, values] of Object.entries(rpcTimes)) {
    rpc[key] = { ...summarize(values), failures: rpcFailures[key] ?? {} };
  }
  const errorCount = Object.values(errors).reduce((sum, n) => sum + n, 0);
  return {
    mode,
    units,
    submitted,
    seconds,
    dossiersPerSecond: submitted / seconds,
    uploadedBytes,
    mibPerSecond: uploadedBytes / MIB / seconds,
    latencies: summaries,
    rpc,
    errors,
    errorCount,
    rssBeforeBytes,
    rssPeakBytes,
    nodeCores,
    machineBusy,
    loadAtStart,
    loadAtEnd,
    setupSeconds,
    requiredCodes,
  };
}
