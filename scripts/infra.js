// The local servers the tests need: where they are, whether they answer, and how to start them.
// Shared by scripts/check-infra.js (before `npm test`) and the integration tests' Jest globalSetup.
'use strict';
const net = require('node:net');

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

function databaseUrl(env = process.env) {
  return env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

function amqpUrl(env = process.env) {
  return env.AMQP_URL || DEFAULT_AMQP_URL;
}

/** Resolves true when a TCP connection to the URL's host and port succeeds within 3 s. */
function reachable(url, defaultPort) {
  const u = new URL(url);
  const port = Number(u.port || defaultPort);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port, timeout: 3000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

/** Lists what does not answer, each with how to start it; an empty list when all is well. */
async function infraProblems(env = process.env) {
  const problems = [];
  if (!(await reachable(databaseUrl(env), 5432))) {
    problems.push(
      `PostgreSQL does not answer at ${redact(databaseUrl(env))}.\n` +
        `  Start the local one:  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
        `  or point DATABASE_URL at a PostgreSQL (>= 13) you may create schemas in.`,
    );
  }
  if (!(await reachable(amqpUrl(env), 5672))) {
    problems.push(
      `RabbitMQ does not answer at ${redact(amqpUrl(env))}.\n` +
        `  Start the local one:  rabbitmq-server -detached   (then wait for: rabbitmqctl await_startup)\n` +
        `  or point AMQP_URL at a RabbitMQ (>= 3.10) on this machine.`,
    );
  }
  return problems;
}

/** The message to print for a non-empty list of problems. */
function describeProblems(problems) {
  return `\nThe tests need real servers.\n\n${problems.join('\n\n')}\n\n`;
}

function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

module.exports = {
  DEFAULT_DATABASE_URL,
  DEFAULT_AMQP_URL,
  databaseUrl,
  amqpUrl,
  reachable,
  infraProblems,
  describeProblems,
  redact,
};
