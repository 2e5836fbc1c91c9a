import { deferred } from './deferred';

describe('deferred', () => {
  it('hands out a promise the test settles', async () => {
    const gate = deferred<number>();
    gate.resolve(7);
    await expect(gate.promise).resolves.toBe(7);
  });

  it('stays pending until settled, and can be rejected', async () => {
    const gate = deferred();
    let settled = false;
    void gate.promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    await Promise.resolve();
    expect(settled).toBe(false);
    gate.reject(new Error('refused'));
    await expect(gate.promise).rejects.toThrow('refused');
  });
});
