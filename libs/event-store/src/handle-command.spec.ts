import type { Decider } from './decider';
import { handleCommand, type CommandStore } from './handle-command';
import type { AppendResult, ExpectedVersion, NewEvent, StoredEvent, StreamRef } from './types';
import { VersionConflict } from './version-conflict.error';

type CounterEvent = { type: 'Incremented'; data: { by: number } };
type Increment = { by: number; limit: number };

class LimitReached extends Error {}

const counter: Decider<Increment, number, CounterEvent> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command, total) => {
    if (command.by === 0) return [];
    if (total + command.by > command.limit) throw new LimitReached(`limit ${command.limit}`);
    return [{ type: 'Incremented', data: { by: command.by } }];
  },
};

const ref: StreamRef = { tenantId: 't', streamId: 'counter-1' };

/** An in-memory stream whose "other writers" append between our read and our append. */
class RacyStore implements CommandStore {
  readonly stream: StoredEvent[] = [];
  readonly appendCalls: ExpectedVersion[] = [];

  constructor(private interferences: number) {}

  async readStream(): Promise<StoredEvent[]> {
    const snapshot = [...this.stream];
    if (this.interferences > 0) {
      this.interferences -= 1;
      this.push({ type: 'Incremented', data: { by: 100 } });
    }
    return Promise.resolve(snapshot);
  }

  async append(
    _ref: StreamRef,
    expected: ExpectedVersion,
    events: NewEvent[],
  ): Promise<AppendResult> {
    this.appendCalls.push(expected);
    if (expected !== this.stream.length) {
      throw new VersionConflict(ref.tenantId, ref.streamId, expected, this.stream.length);
    }
    const positions = events.map((event) => this.push(event));
    return Promise.resolve({
      nextVersion: this.stream.length,
      lastPosition: { transactionId: 1n, globalPosition: positions[positions.length - 1]! },
      globalPositions: positions,
    });
  }

  private push(event: NewEvent): bigint {
    const globalPosition = BigInt(this.stream.length + 1);
    this.stream.push({
      tenantId: ref.tenantId,
      streamId: ref.streamId,
      streamPosition: this.stream.length + 1,
      globalPosition,
      transactionId: 1n,
      eventId: `e-${globalPosition}`,
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: { tenantId: ref.tenantId, occurredAt: '2026-01-01T00:00:00.000Z' },
      recordedAt: new Date(0),
    });
    return globalPosition;
  }
}

describe('handleCommand', () => {
  it('appends the decided events at the version it read and returns the new state', async () => {
    const store = new RacyStore(0);
    const outcome = await handleCommand(store, counter, ref, { by: 2, limit: 10 });
    expect(outcome.events).toEqual([{ type: 'Incremented', data: { by: 2 } }]);
    expect(outcome.state).toBe(2);
    expect(outcome.result?.nextVersion).toBe(1);
    expect(store.appendCalls).toEqual([0]);
  });

  it('re-reads and re-decides after a conflict, then succeeds', async () => {
    const store = new RacyStore(2);
    const outcome = await handleCommand(
      store,
      counter,
      ref,
      { by: 1, limit: 1000 },
      { retryJitterMs: 0 },
    );
    expect(store.appendCalls).toEqual([0, 1, 2]);
    expect(outcome.state).toBe(201);
    expect(outcome.result?.nextVersion).toBe(3);
  });

  it('gives up after maxAttempts and rethrows the conflict', async () => {
    const store = new RacyStore(10);
    await expect(
      handleCommand(
        store,
        counter,
        ref,
        { by: 1, limit: 1000 },
        { maxAttempts: 4, retryJitterMs: 0 },
      ),
    ).rejects.toBeInstanceOf(VersionConflict);
    expect(store.appendCalls).toHaveLength(4);
  });

  it('lets the re-decision refuse the command when the other writer changed the state', async () => {
    const store = new RacyStore(1);
    await expect(
      handleCommand(store, counter, ref, { by: 5, limit: 50 }, { retryJitterMs: 0 }),
    ).rejects.toBeInstanceOf(LimitReached);
    expect(store.appendCalls).toEqual([0]);
  });

  it('writes nothing and returns a null result when the decision is empty', async () => {
    const store = new RacyStore(0);
    const outcome = await handleCommand(store, counter, ref, { by: 0, limit: 10 });
    expect(outcome).toEqual({ events: [], state: 0, result: null });
    expect(store.appendCalls).toEqual([]);
  });

  it('refuses a non-positive maxAttempts', async () => {
    await expect(
      handleCommand(new RacyStore(0), counter, ref, { by: 1, limit: 1 }, { maxAttempts: 0 }),
    ).rejects.toThrow(RangeError);
  });
});
