import { TransportUnavailableError, type InboundMessage } from '../transport';
import { InProcessTransport } from './in-process-transport';

function message(n: number) {
  return { messageId: `m-${n}`, routingKey: 'campaign.drafted.v1', body: JSON.stringify({ n }) };
}

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('InProcessTransport', () => {
  let transport: InProcessTransport;

  beforeEach(() => {
    transport = new InProcessTransport({ retryDelaysMs: [10] });
  });

  afterEach(async () => {
    await transport.close();
  });

  it('never runs a handler inside publish', async () => {
    let calls = 0;
    await transport.subscribe({
      service: 'svc-a',
      routingKeys: ['#'],
      handler: () => Promise.resolve(void calls++),
    });
    const publishing = transport.publish([message(1)]);
    expect(calls).toBe(0);
    await publishing;
    expect(calls).toBe(0);
    await until(() => calls === 1);
  });

  it('keeps at most prefetch messages in flight per subscription', async () => {
    const inFlight: Array<() => void> = [];
    let maxInFlight = 0;
    let done = 0;
    await transport.subscribe({
      service: 'svc-a',
      routingKeys: ['#'],
      prefetch: 2,
      handler: () =>
        new Promise<void>((resolve) => {
          inFlight.push(() => {
            done++;
            resolve();
          });
          maxInFlight = Math.max(maxInFlight, inFlight.length - done);
        }),
    });
    await transport.publish([1, 2, 3, 4, 5].map(message));
    await until(() => inFlight.length === 2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight).toHaveLength(2);
    for (let i = 0; i < 5; i++) {
      await until(() => inFlight.length > i);
      inFlight[i]?.();
    }
    await until(() => done === 5);
    expect(maxInFlight).toBe(2);
  });

  it('treats a handler that throws synchronously like one that rejects', async () => {
    const attempts: number[] = [];
    await transport.subscribe({
      service: 'svc-a',
      routingKeys: ['#'],
      handler: (inbound: InboundMessage) => {
        attempts.push(inbound.attempt);
        if (inbound.attempt === 0) throw new Error('sync');
        return Promise.resolve();
      },
    });
    await transport.publish([message(1)]);
    await until(() => attempts.length === 2);
    expect(attempts).toEqual([0, 1]);
  });

  it('refuses to work once closed, and drops pending retries', async () => {
    let calls = 0;
    await transport.subscribe({
      service: 'svc-a',
      routingKeys: ['#'],
      handler: () => {
        calls++;
        return Promise.reject(new Error('retry me'));
      },
    });
    await transport.publish([message(1)]);
    await until(() => calls === 1);
    await transport.close();
    await expect(transport.publish([message(2)])).rejects.toBeInstanceOf(TransportUnavailableError);
    await new Promise((resolve) => setTimeout(resolve, 30)); // longer than the 10 ms tier: nothing may fire
    expect(calls).toBe(1);
  });

  it('rejects service names that could not be queue names on RabbitMQ either', async () => {
    await expect(transport.declareService('svc.a', ['#'])).rejects.toThrow(/service name/);
  });
});
