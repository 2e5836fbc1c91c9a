import type { LoggerService } from '@nestjs/common';
import { ControllableClock, expectStatus, testDatabaseUrl, type ApiResponse } from '@ttkt/testing';
import type { CouncilSessionList, CouncilSessionView } from '@ttkt/contracts';
import { Client } from 'pg';
import {
  expectProblem,
  GIAY_KHEN,
  ReviewScenario,
  type BallotPlan,
} from './support/review-scenario';
import { TestPlatform } from './support/test-platform';

/** Every line the platform logs, at every level, kept in memory (nothing printed). */
class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown, ...rest: unknown[]): void {
    this.record('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.record('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.record('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.record('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.record('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.record('fatal', message, rest);
  }
  private record(level: string, message: unknown, rest: unknown[]): void {
    const text = [message, ...rest]
      .map((part) => (typeof part === 'string' ? part : safeJson(part)))
      .join(' ');
    this.lines.push(`${level} ${text}`);
  }
}

function safeJson(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The paths (`a.b[2].c`) of every key named `key` in a JSON value. */
function pathsOfKey(value: unknown, key: string, path = '$'): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => pathsOfKey(item, key, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([name, child]) => [
      ...(name === key ? [`${path}.${name}`] : []),
      ...pathsOfKey(child, key, `${path}.${name}`),
    ]);
  }
  return [];
}

/** Every boolean in a JSON value, with its path. */
function booleansIn(value: unknown, path = '$'): string[] {
  if (typeof value === 'boolean') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => booleansIn(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([name, child]) =>
      booleansIn(child, `${path}.${name}`),
    );
  }
  return [];
}

interface StoredEvent {
  schema: string;
  streamId: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

interface StoredRow {
  schema: string;
  table: string;
  row: unknown;
}

/**
 * Issue #6, the secrecy of a secret ballot (threshold `secretBallot: true`), looked for
 * everywhere the platform leaves traces: every answer of the session's routes, every line any
 * service or the gateway logs (at every level, and whatever reaches stdout/stderr), every stored
 * event of every schema, every row of every table. Who voted is on record; how a member voted is
 * nowhere — only the session's closing tally counts the choices.
 */
describe('slice #6: a secret ballot leaves no link between a member and a choice', () => {
  const clock = new ControllableClock('2021-04-01T09:00:00+07:00');
  const logger = new RecordingLogger();
  const test = new TestPlatform({
    label: 'slice_review_ballots',
    jwtSecret: 'slice-review-ballots-secret-0123456789',
    clock,
    logger,
  });
  /** What reached stdout/stderr (outside Nest's logger) while the platform ran. */
  const written: string[] = [];
  const originalWrites = { out: process.stdout.write, err: process.stderr.write };
  /** Every answer of the session's routes. */
  const answers: { route: string; response: ApiResponse<unknown> }[] = [];
  let s: ReviewScenario;
  let campaignId: string;
  let sessionId: string;
  let dossiers: string[] = [];

  const record = <T>(route: string, response: ApiResponse<T>): ApiResponse<T> => {
    answers.push({ route, response });
    return response;
  };

  // choices[j][i]: member i's choice on dossier j (null: no ballot). S1: 4 yes of 5 ballots;
  // S2: 1 yes of 4; S3: 3 yes of 5.
  const choices: (boolean | null)[][] = [
    [true, true, true, false, true],
    [true, false, false, false, null],
    [false, false, true, true, true],
  ];

  beforeAll(async () => {
    const tap =
      (stream: 'out' | 'err') =>
      (chunk: unknown, ...rest: unknown[]): boolean => {
        written.push(
          typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'),
        );
        const original = originalWrites[stream] as (...args: unknown[]) => boolean;
        return original.call(stream === 'out' ? process.stdout : process.stderr, chunk, ...rest);
      };
    process.stdout.write = tap('out');
    process.stderr.write = tap('err');

    await test.start();
    s = await ReviewScenario.build(test, clock, { councilSize: 5 });
    const people = await s.registerPeople(3, 'Cán bộ');
    ({ campaignId } = await s.issuePlan({ issuedOn: '2021-03-30' }));
    await s.moveClock('2021-04-20T09:00:00+07:00');
    dossiers = await s.acceptedForPeople(campaignId, people, GIAY_KHEN, 3);
    await s.moveClock('2021-05-13T09:00:00+07:00');
    expectStatus(
      await s.configureCouncil({
        thresholds: [{ fraction: '1/2', of: 'all-members', secretBallot: true }],
        effectiveFrom: '2021-05-01',
      }),
      200,
    );
    await s.moveClock('2021-05-14T09:00:00+07:00');
  }, 240_000);

  afterAll(async () => {
    process.stdout.write = originalWrites.out;
    process.stderr.write = originalWrites.err;
    await test.stop();
  });

  it('opens a secret-ballot session', async () => {
    const opened = record(
      'open',
      await s.openSession(campaignId, { heldOn: '2021-05-14', awardFormCodes: [GIAY_KHEN] }),
    );
    expect(opened.status).toBe(201);
    sessionId = opened.body.id;
    expect(opened.body.agenda[0]).toMatchObject({ awardFormCode: GIAY_KHEN, secretBallot: true });
  });

  it('takes one ballot per member and dossier; a second → 409, not saying what the first was', async () => {
    const plans: BallotPlan[] = dossiers.map((nominationId, j) => ({
      nominationId,
      choices: choices[j] as (boolean | null)[],
    }));
    for (const plan of plans) {
      for (const [index, choice] of plan.choices.entries()) {
        if (choice === null) continue;
        const answer = record('vote', await s.vote(sessionId, index, plan.nominationId, choice));
        expect([200, 201]).toContain(answer.status);
      }
    }
    for (const [index, choice] of [
      [0, false],
      [3, true],
    ] as const) {
      const again = record('vote', await s.vote(sessionId, index, dossiers[0] as string, choice));
      expectProblem(again, 409, 'invalid-state');
      expect(again.text).not.toMatch(/approve|true|false/i);
    }
  });

  it('shows who has voted while open, never how, to members and the secretariat', async () => {
    for (const client of [s.secretariat, s.member(0), s.member(4)]) {
      const read = record(
        'get',
        await client.get<CouncilSessionView>(`/council-sessions/${sessionId}`),
      );
      expect(read.status).toBe(200);
      expect(read.body.status).toBe('open');
      for (const [j, id] of dossiers.entries()) {
        const votes = read.body.votes.find((item) => item.nominationId === id);
        const voters = s.memberIds.filter((_, i) => choices[j]?.[i] !== null);
        expect(votes?.votes).toEqual([]);
        expect([...(votes?.votedUserIds ?? [])].sort()).toEqual([...voters].sort());
        expect(votes?.voters).toBe(voters.length);
      }
      // No running count either: it would tell the next voter's choice by difference.
      expect(pathsOfKey(read.body, 'yes')).toEqual([]);
      expect(pathsOfKey(read.body, 'no')).toEqual([]);
      const list = record(
        'list',
        await client.get<CouncilSessionList>(`/campaigns/${campaignId}/council-sessions`),
      );
      expect(list.status).toBe(200);
      expect(pathsOfKey(list.body, 'yes')).toEqual([]);
    }
  });

  it('closes with a tally whose ballot counts equal the number of voters', async () => {
    await s.moveClock('2021-05-14T11:00:00+07:00');
    const closed = record('close', await s.closeSession(sessionId));
    expect(closed.status).toBe(200);
    const read = record(
      'get',
      await s.member(2).get<CouncilSessionView>(`/council-sessions/${sessionId}`),
    );
    const form = read.body.result?.forms[0];
    expect(form?.secretBallot).toBe(true);
    for (const [j, id] of dossiers.entries()) {
      const line = form?.tally.find((item) => item.nominationId === id);
      const cast = (choices[j] ?? []).filter((choice) => choice !== null);
      const votedUserIds =
        read.body.votes.find((item) => item.nominationId === id)?.votedUserIds ?? [];
      expect(line).toMatchObject({
        yes: cast.filter((choice) => choice).length,
        no: cast.filter((choice) => !choice).length,
        ballots: votedUserIds.length,
        denominator: 5,
      });
      expect(line?.ballots).toBe(cast.length);
    }
    expect(form?.tally.find((item) => item.nominationId === dossiers[0])).toMatchObject({
      approved: true,
    });
    expect(form?.tally.find((item) => item.nominationId === dossiers[1])).toMatchObject({
      approved: false,
    });
    expect(form?.tally.find((item) => item.nominationId === dossiers[2])).toMatchObject({
      approved: true,
    });
    const late = record('vote', await s.vote(sessionId, 4, dossiers[1] as string, true));
    expectProblem(late, 409, 'session-closed');
  });

  it("shows in each dossier's history that each member voted, not how", async () => {
    for (const [j, id] of dossiers.entries()) {
      const lines = await s.history(id);
      const voters = s.memberIds.filter((_, i) => choices[j]?.[i] !== null);
      const ballots = lines.filter((line) => /Ballot|Vote/.test(line.type));
      expect(ballots.map((line) => line.type)).toEqual(voters.map(() => 'BallotCast'));
      expect(ballots.map((line) => line.actor?.id).sort()).toEqual([...voters].sort());
      for (const line of ballots) expect(booleansIn(line.data)).toEqual([]);
      expect(pathsOfKey(lines, 'approve')).toEqual([]);
    }
  });

  it('answered nothing that links a member to a choice', () => {
    expect(answers.length).toBeGreaterThan(10);
    for (const { route, response } of answers) {
      expect({ route, paths: pathsOfKey(response.body, 'approve') }).toEqual({ route, paths: [] });
      if (route === 'vote') {
        // A vote's answer carries no count of the choices so far (its difference would tell).
        expect({ route, yes: pathsOfKey(response.body, 'yes') }).toEqual({ route, yes: [] });
      }
    }
  });

  it('logged nothing that links a member to a choice', () => {
    // The recorder hears the platform at every level (a control: the gateway maps the routes).
    expect(logger.lines.some((line) => line.includes('/council-sessions/:id/votes'))).toBe(true);
    const lines = [...logger.lines, ...written.flatMap((chunk) => chunk.split('\n'))];
    for (const line of lines) {
      expect(line).not.toMatch(/"?approve"?\s*[:=]/i);
      if (s.memberIds.some((id) => line.includes(id))) {
        expect(line).not.toMatch(/approve|choice|\btrue\b|\bfalse\b|\byes\b/i);
      }
    }
  });

  it('stored no event and no row that links a member to a choice', async () => {
    const events: StoredEvent[] = [];
    const rows: StoredRow[] = [];
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const schemas = await test.schemas.schemas();
      for (const schema of schemas) {
        const tables = await client.query<{ table_name: string }>(
          `SELECT table_name FROM information_schema.tables
            WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
          [schema],
        );
        for (const { table_name: table } of tables.rows) {
          const found = await client.query<{ row: unknown }>(
            `SELECT row_to_json(t) AS row FROM "${schema}"."${table}" t`,
          );
          for (const { row } of found.rows) rows.push({ schema, table, row });
          if (table === 'events') {
            const stored = await client.query<{
              stream_id: string;
              event_type: string;
              data: unknown;
              metadata: unknown;
            }>(
              `SELECT stream_id, event_type, data, metadata FROM "${schema}".events ORDER BY global_position`,
            );
            for (const row of stored.rows) {
              events.push({
                schema,
                streamId: row.stream_id,
                type: row.event_type,
                data: row.data,
                metadata: row.metadata,
              });
            }
          }
        }
      }
    } finally {
      await client.end();
    }
    // Controls: the session's closing tally counts the choices, and rows name the members.
    const closings = events.filter((event) => /SessionClosed/.test(event.type));
    expect(closings.length).toBeGreaterThan(0);
    expect(pathsOfKey(closings[0]?.data, 'yes').length).toBe(dossiers.length);
    expect(rows.some(({ row }) => s.memberIds.some((id) => JSON.stringify(row).includes(id)))).toBe(
      true,
    );
    const ballots = events.filter((event) => event.type === 'BallotCast');
    expect(ballots).toHaveLength(choices.flat().filter((choice) => choice !== null).length);
    for (const event of ballots) {
      expect({ type: event.type, booleans: booleansIn(event.data) }).toEqual({
        type: event.type,
        booleans: [],
      });
    }
    for (const event of events) {
      const approve = [
        ...pathsOfKey(event.data, 'approve'),
        ...pathsOfKey(event.metadata, 'approve'),
      ];
      expect({ type: event.type, approve }).toEqual({ type: event.type, approve: [] });
      // Choices are counted only in the session's closing tally (and in the request of its
      // minutes, which print that tally: a copy of the counts, with no voter).
      if (pathsOfKey(event.data, 'yes').length > 0 || pathsOfKey(event.data, 'no').length > 0) {
        const minutes =
          event.type === 'DocumentRequested' &&
          (event.data as { kind?: string } | null)?.kind === 'minutes';
        if (!minutes) expect(event.type).toMatch(/SessionClosed/);
      }
    }
    // No row of any table (read models, inbox, journal, idempotency records) holds a member's
    // id together with a choice.
    for (const { schema, table, row } of rows) {
      const text = JSON.stringify(row);
      if (!s.memberIds.some((id) => text.includes(id))) continue;
      expect({ schema, table, approve: pathsOfKey(row, 'approve') }).toEqual({
        schema,
        table,
        approve: [],
      });
    }
  });
});
