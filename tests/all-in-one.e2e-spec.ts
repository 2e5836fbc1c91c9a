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

/** Starts `npm start`'s program as a newcomer would: no DATABASE_URL, no AMQP_URL. */
function startAllInOne(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.AMQP_URL;
  const child = spawn(process.execPath, [path.join(root, 'dist/services/all-in-one/src/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /API:\s+(http:\/\/localhost:\d+)\/api\/v1/.exec(output);
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

/**
 * `npm start` on a clean data directory: the embedded PostgreSQL on a port of its own and the
 * in-process transport carry the walking skeleton end to end, and a restart keeps the data.
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

  it('serves the skeleton on the embedded database and in-process transport, and keeps data across a restart', async () => {
    running = await startAllInOne(dataDir);
    expect(running.output()).toMatch(/embedded PostgreSQL on port (\d+)/);
    const port = Number(/embedded PostgreSQL on port (\d+)/.exec(running.output())?.[1]);
    expect(port).not.toBe(5432);
    expect(running.output()).toContain('in-process transport');
    expect(running.output()).toMatch(/API docs:\s+http:\/\/localhost:\d+\/api\/docs/);

    const created = await request(running.baseUrl)
      .post('/api/v1/campaigns')
      .send({ agencyId: 'skhcn-bac-kan', title: 'Tổ chức đợt thi đua năm 2021' })
      .expect(201);
    const { id, position } = created.body as { id: string; position: string };
    const status = await request(running.baseUrl)
      .get(`/api/v1/campaigns/${id}/status`)
      .query({ minPosition: position })
      .expect(200);
    expect(status.body).toMatchObject({
      campaign: { id, status: 'draft', title: 'Tổ chức đợt thi đua năm 2021' },
    });

    expect(await stop(running.child)).toBe(0);
    running = await startAllInOne(dataDir);
    const again = await request(running.baseUrl).get(`/api/v1/campaigns/${id}/status`).expect(200);
    expect(again.body).toMatchObject({ campaign: { id, status: 'draft' } });
  });
});
