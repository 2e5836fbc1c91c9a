#!/usr/bin/env node
// Before `npm test`: checks that the PostgreSQL and RabbitMQ the integration tests need answer,
// and says how to start whichever does not.
'use strict';
const { infraProblems, describeProblems } = require('./infra');

async function main() {
  const problems = await infraProblems();
  if (problems.length > 0) {
    process.stderr.write(describeProblems(problems));
    process.exit(1);
  }
}

void main();
