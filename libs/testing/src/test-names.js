'use strict';
// Names of the throw-away PostgreSQL schemas and RabbitMQ vhosts that tests create.
// Plain CommonJS so that Jest's globalSetup (which runs outside ts-jest) can use it too;
// test-names.d.ts gives it types for the TypeScript side.

/** Every test resource name starts with this; nothing else may use it. */
const TEST_NAME_PREFIX = 't_';

// t_<label>_<created-at, ms since epoch in base 36>_<random hex>[_<suffix>]: a suffix names one
// of several schemas made from one name (a platform's `<prefix>_campaign`, `<prefix>_directory`).
const TEST_NAME_PATTERN = /^t_(?:[a-z0-9_]+_)?([0-9a-z]{1,11})_([0-9a-f]{8})(?:_[a-z][a-z0-9_]*)?$/;

// Names whose time part lies before this are not ours (e.g. `t_cafe_deadbeef`), so never stale.
const EARLIEST_CREATION = Date.UTC(2024, 0, 1);

// PostgreSQL truncates identifiers at 63 bytes; keep well below so names stay unique.
const MAX_LABEL_LENGTH = 30;

function testResourceName(label, now = Date.now(), random = randomHex()) {
  const cleaned = String(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_LABEL_LENGTH)
    .replace(/_+$/g, '');
  const middle = cleaned === '' ? '' : `${cleaned}_`;
  return `${TEST_NAME_PREFIX}${middle}${Math.floor(now).toString(36)}_${random}`;
}

function testResourceCreatedAt(name) {
  const match = TEST_NAME_PATTERN.exec(name);
  if (!match) return undefined;
  const ms = parseInt(match[1], 36);
  return Number.isSafeInteger(ms) && ms >= EARLIEST_CREATION ? ms : undefined;
}

function isStaleTestResource(name, now, maxAgeMs) {
  const createdAt = testResourceCreatedAt(name);
  return createdAt !== undefined && now - createdAt > maxAgeMs;
}

function randomHex() {
  return require('node:crypto').randomBytes(4).toString('hex');
}

module.exports = {
  TEST_NAME_PREFIX,
  TEST_NAME_PATTERN,
  testResourceName,
  testResourceCreatedAt,
  isStaleTestResource,
};
