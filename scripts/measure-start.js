#!/usr/bin/env node
// Start-time measurement of the all-in-one mode: runs `npm start` (build + launch) on a fresh
// temporary DATA_DIR twice — the first start (cluster initialised, migrations, demo loaded) and a
// restart on the same DATA_DIR — each time from spawn to the ready line, then stops it with
// SIGTERM and waits until it has exited. Prints both figures; the goal is at most 10 s each.
//   node scripts/measure-start.js   (add --keep to leave the data directory in place)
'use strict';
const { spawn } = require('node:child_process');
const { mkdtempSync, readdirSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { cleanData } = require('./clean-data');

const root = path.resolve(__dirname, '..');
const GOAL_SECONDS = 10;
const READY = /is ready \(([\d.]+) s\)[\s\S]*API:\s+(http:\/\/\S+)\/api\/v1/;
const MAIN = 'dist/services/all-in-one/src/main.js';

/** The pids below `pid` (children, grandchildren, …), from each process's parent in /proc. */
function descendants(pid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (command) state ppid …"; the command may hold spaces and parens.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const below = [];
  const walk = (parent) => {
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        below.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return below;
}

/** The launcher's own process among those `npm start` started (npm → sh → node main.js). */
function launcherPid(npmPid) {
  for (const pid of descendants(npmPid)) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (command.some((part) => part === MAIN || part.endsWith(`/${MAIN}`))) return pid;
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** Runs `npm start` until ready; resolves with the wall time and the launcher's own figure. */
function startOnce(dataDir) {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.AMQP_URL;
  const started = process.hrtime.bigint();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        resolve({
          child,
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
          launcherSeconds: Number(match[1]),
          output,
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

/** SIGTERM to the launcher; resolves with npm's exit code once npm and the launcher are gone. */
async function stop(child) {
  const pid = launcherPid(child.pid);
  const npmExited =
    child.exitCode !== null
      ? Promise.resolve(child.exitCode)
      : new Promise((resolve) => {
          child.removeAllListeners('exit');
          child.once('exit', (code) => resolve(code));
        });
  if (pid === undefined) {
    if (child.exitCode === null) child.kill('SIGTERM');
  } else {
    process.kill(pid, 'SIGTERM');
  }
  const code = await npmExited;
  while (pid !== undefined && alive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
  return code;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const keep = process.argv.includes('--keep');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ttkt-measure-start-'));
  const results = [];
  try {
    for (const label of ['first start', 'restart']) {
      const run = await startOnce(dataDir);
      results.push({ label, ...run });
      process.stdout.write(
        `${label.padEnd(11)}: ${run.seconds.toFixed(1)} s from spawn to ready ` +
          `(build and npm ${(run.seconds - run.launcherSeconds).toFixed(1)} s, launch ${run.launcherSeconds.toFixed(1)} s)\n`,
      );
      const code = await stop(run.child);
      if (code !== 0) throw new Error(`npm start stopped with exit code ${code}`);
    }
  } catch (error) {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  } finally {
    for (const { child } of results) if (child.exitCode === null) await stop(child);
    if (!keep) cleanData(dataDir);
  }
  if (process.exitCode === 1) return;
  const worst = Math.max(...results.map((result) => result.seconds));
  process.stdout.write(
    `goal ≤ ${GOAL_SECONDS} s each: ${worst <= GOAL_SECONDS ? 'met' : 'NOT met'}` +
      `${keep ? ` (data kept in ${dataDir})` : ''}\n`,
  );
  if (worst > GOAL_SECONDS) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
