#!/usr/bin/env node
// Deletes the all-in-one mode's data: DATA_DIR (default ./.data) and, when the embedded cluster
// lives outside it (as root, see services/all-in-one/src/embedded-database.ts), that cluster too.
// `npm run start:clean` runs it before `npm start`, for a first start on an empty platform (the
// demo loads again). Refuses while the embedded PostgreSQL of that DATA_DIR is running.
'use strict';
const { existsSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

/** Where the embedded cluster of `dataDir` is. */
function clusterDirectory(dataDir) {
  const location = path.join(dataDir, 'postgres.location');
  if (existsSync(location)) return readFileSync(location, 'utf8').trim();
  return path.join(dataDir, 'postgres');
}

/** The pid of the cluster's running postmaster, or undefined. */
function runningPostmaster(cluster) {
  const pidFile = path.join(cluster, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return error.code === 'EPERM' ? pid : undefined;
  }
}

/** Deletes `dataDir` and its cluster; returns what it deleted. */
function cleanData(dataDir) {
  const resolved = path.resolve(dataDir);
  if (!existsSync(resolved)) return [];
  const cluster = clusterDirectory(resolved);
  const pid = runningPostmaster(cluster);
  if (pid !== undefined) {
    throw new Error(
      `the embedded PostgreSQL of ${resolved} is running (pid ${pid}): stop npm start first`,
    );
  }
  const removed = [];
  if (!cluster.startsWith(resolved + path.sep)) {
    // Outside DATA_DIR: delete the hash directory that holds it (/var/lib/ttkt/<hash>).
    rmSync(path.dirname(cluster), { recursive: true, force: true });
    removed.push(path.dirname(cluster));
  }
  rmSync(resolved, { recursive: true, force: true });
  removed.push(resolved);
  return removed;
}

if (require.main === module) {
  try {
    const removed = cleanData(process.env.DATA_DIR || './.data');
    process.stdout.write(
      removed.length > 0 ? `removed ${removed.join(' and ')}\n` : 'no data to remove\n',
    );
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

module.exports = { cleanData, clusterDirectory };
