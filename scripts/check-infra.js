#!/usr/bin/env node
// Before `npm test`: checks that the PostgreSQL and RabbitMQ the integration tests need answer,
// and says how to start whichever does not.
'use strict';
const net = require('node:net');

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const AMQP_URL = process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672';

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

async function main() {
  const problems = [];
  if (!(await reachable(DATABASE_URL, 5432))) {
    problems.push(
      `PostgreSQL does not answer at ${redact(DATABASE_URL)}.\n` +
        `  Start the local one:  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
        `  or point DATABASE_URL at a PostgreSQL (>= 13) you may create schemas in.`,
    );
  }
  if (!(await reachable(AMQP_URL, 5672))) {
    problems.push(
      `RabbitMQ does not answer at ${redact(AMQP_URL)}.\n` +
        `  Start the local one:  rabbitmq-server -detached   (then wait for: rabbitmqctl await_startup)\n` +
        `  or point AMQP_URL at a RabbitMQ (>= 3.10) on this machine.`,
    );
  }
  if (problems.length > 0) {
    process.stderr.write(`\nThe tests need real servers.\n\n${problems.join('\n\n')}\n\n`);
    process.exit(1);
  }
}

function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

void main();
