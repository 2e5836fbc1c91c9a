import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * Issue #5: the deadline boundary holds "with the process time zone set to UTC and to another
 * zone". CI runs in the machine's zone (UTC here); Node reads `TZ` only at start, so the API tests
 * of the deadline run again in child processes started in other zones, end to end.
 */
describe('the unit-stage deadline in other process time zones', () => {
  const root = path.resolve(__dirname, '..');

  it.each(['America/New_York', 'Pacific/Kiritimati'])(
    'accepts 23:59:59.999+07:00 and refuses 00:00+07:00 when the process runs in %s',
    (zone) => {
      const run = spawnSync(
        process.execPath,
        [
          path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
          'tests/slice-nomination-rules.e2e-spec.ts',
          '-t',
          'the deadline',
          '--ci',
          '--colors=false',
        ],
        { cwd: root, env: { ...process.env, TZ: zone }, encoding: 'utf8', timeout: 240_000 },
      );
      const output = `${run.stdout}\n${run.stderr}`;
      expect({ status: run.status, tail: output.slice(-2_000) }).toMatchObject({ status: 0 });
      expect(output).toContain(`process time zone: ${zone}`);
      expect(output).toMatch(/accepts a submission at 2021-05-11T23:59:59\.999\+07:00/);
      expect(output).toMatch(/Tests:\s+\d+ skipped, [1-9]\d* passed/);
    },
    250_000,
  );
});
