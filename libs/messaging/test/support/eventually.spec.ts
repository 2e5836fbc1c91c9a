import { deferred, eventually } from './eventually';

describe('eventually', () => {
  it('resolves with the value once the probe stops throwing', async () => {
    let calls = 0;
    const value = await eventually(() => {
      calls++;
      if (calls < 3) throw new Error('not yet');
      return calls;
    });
    expect(value).toBe(3);
  });

  it('rejects with the last failure after the deadline', async () => {
    await expect(
      eventually(
        () => {
          throw new Error('never');
        },
        { timeoutMs: 50 },
      ),
    ).rejects.toThrow(/still failing after 50 ms: never/);
  });

  it('hands out a promise the test settles', async () => {
    const gate = deferred<number>();
    gate.resolve(7);
    await expect(gate.promise).resolves.toBe(7);
  });
});
