// Jest globalSetup of the integration project (see jest.config.js). Runs once per `jest` run,
// before any integration test file: checks that PostgreSQL and RabbitMQ answer, then drops the
// test schemas and vhosts that aborted runs left behind (names from test-names.js, older than
// LEFTOVER_MAX_AGE_MS), so they do not pile up on a developer's or CI's machine.
'use strict';
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const { Client } = require('pg');
const { infraProblems, describeProblems, databaseUrl } = require('../../../scripts/infra');
const { TEST_NAME_PREFIX, isStaleTestResource } = require('./test-names');

const run = promisify(execFile);

/** Leftovers younger than this may belong to a run still going on (another checkout, CI). */
const LEFTOVER_MAX_AGE_MS = 3 * 60 * 60 * 1000;

module.exports = async function globalSetup() {
  const problems = await infraProblems();
  if (problems.length > 0) {
    throw new Error(describeProblems(problems));
  }
  const now = Date.now();
  await warnOnFailure('dropping leftover test schemas', () => dropStaleSchemas(now));
  await warnOnFailure('deleting leftover test vhosts', () => dropStaleVhosts(now));
};

async function dropStaleSchemas(now) {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1) ORDER BY nspname`,
      [TEST_NAME_PREFIX],
    );
    for (const { nspname } of rows) {
      if (isStaleTestResource(nspname, now, LEFTOVER_MAX_AGE_MS)) {
        // Another run's global setup may be dropping it too: IF EXISTS, and go on regardless.
        await warnOnFailure(`dropping schema ${nspname}`, () =>
          client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`),
        );
      }
    }
  } finally {
    await client.end();
  }
}

async function dropStaleVhosts(now) {
  let listed;
  try {
    listed = await run('rabbitmqctl', ['-q', '--no-table-headers', 'list_vhosts', 'name'], {
      timeout: 60_000,
    });
  } catch (error) {
    if (error && error.code === 'ENOENT') return; // a remote broker: not ours to clean
    throw error;
  }
  const stale = listed.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((name) => isStaleTestResource(name, now, LEFTOVER_MAX_AGE_MS));
  for (const name of stale) {
    try {
      await run('rabbitmqctl', ['-q', 'delete_vhost', name], { timeout: 60_000 });
    } catch (error) {
      // Another run's global setup may have deleted it first.
      if (!/does not exist|no_such_vhost/i.test(`${error && error.stderr} ${error}`)) throw error;
    }
  }
}

async function warnOnFailure(what, work) {
  try {
    await work();
  } catch (error) {
    process.stderr.write(`global-setup: ${what} failed (tests go on): ${String(error)}\n`);
  }
}
