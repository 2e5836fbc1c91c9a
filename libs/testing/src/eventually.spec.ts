import { eventually } from './eventually';

describe('eventually', () => {
  it('returns the first result once the assertion passes', async () => {
    let calls = 0;
    const result = await eventually(
      () => {
        calls += 1;
        if (calls < 3) throw new Error(`not yet (${calls})`);
        return 'done';
      },
      { intervalMs: 1 },
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('awaits asynchronous assertions and retries rejections', async () => {
    let calls = 0;
    const result = await eventually(
      async () => {
        calls += 1;
        await Promise.resolve();
        expect(calls).toBeGreaterThanOrEqual(2);
        return calls;
      },
      { intervalMs: 1 },
    );
    expect(result).toBe(2);
  });

  it('does not wait when the assertion passes at once', async () => {
    const started = Date.now();
    await eventually(() => undefined, { intervalMs: 5_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('throws the last failure after the timeout, saying how long it waited', async () => {
    let calls = 0;
    const failure = eventually(
      () => {
        calls += 1;
        expect(calls).toBe(-1);
      },
      { timeoutMs: 60, intervalMs: 10 },
    );
    await expect(failure).rejects.toThrow(/still failing after \d+ attempt\(s\) in \d+ ms/);
    expect(calls).toBeGreaterThan(1);
  });

  it('wraps a thrown non-error in an Error', async () => {
    const failure = eventually(
      () => {
        throw 'plain string'; // eslint-disable-line @typescript-eslint/only-throw-error
      },
      { timeoutMs: 0 },
    );
    await expect(failure).rejects.toThrow(/plain string/);
  });

  it('refuses negative timings', async () => {
    await expect(eventually(() => 1, { timeoutMs: -1 })).rejects.toThrow(RangeError);
  });
});
