import { randomUUID } from 'node:crypto';
import {
  handleCommand,
  VersionConflict,
  type CommandStore,
  type Decider,
  type StreamRef,
} from '../src';
import { createTestStore, type TestStore } from './support/test-database';

type TallyEvent = { type: 'Counted'; data: { n: number } };
const tally: Decider<{ n: number }, number, TallyEvent> = {
  initialState: () => 0,
  evolve: (sum, event) => sum + event.data.n,
  decide: (command) => [{ type: 'Counted', data: { n: command.n } }],
};

let db: TestStore;

beforeAll(async () => {
  db = await createTestStore('command');
});

afterAll(async () => {
  await db.dispose();
});

/** The real store, except that another writer appends right after each of the first `times` reads. */
function raced(times: number): CommandStore & { reads: number } {
  let left = times;
  const racing = {
    reads: 0,
    readStream: async (...args: Parameters<CommandStore['readStream']>) => {
      racing.reads += 1;
      const events = await db.store.readStream(...args);
      if (left > 0) {
        left -= 1;
        await db.store.append(args[0], 'any', [{ type: 'Counted', data: { n: 100 } }]);
      }
      return events;
    },
    append: (...args: Parameters<CommandStore['append']>) => db.store.append(...args),
  };
  return racing;
}

function newRef(): StreamRef {
  return { tenantId: 'tenant-a', streamId: `tally-${randomUUID()}` };
}

describe('handleCommand against PostgreSQL', () => {
  it('retries after a real VersionConflict and stores the re-decided events once', async () => {
    const ref = newRef();
    const store = raced(2);
    const outcome = await handleCommand(
      store,
      tally,
      ref,
      { n: 1 },
      { metadata: { correlationId: 'c-1' } },
    );
    expect(store.reads).toBe(3);
    expect(outcome.state).toBe(201);
    expect(outcome.result?.nextVersion).toBe(3);
    const events = await db.store.readStream(ref);
    expect(events.map((event) => event.data)).toEqual([{ n: 100 }, { n: 100 }, { n: 1 }]);
    expect(events[2]!.metadata.correlationId).toBe('c-1');
  });

  it('gives up after maxAttempts with the last VersionConflict', async () => {
    const ref = newRef();
    const store = raced(5);
    const error = await handleCommand(store, tally, ref, { n: 1 }, { maxAttempts: 3 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VersionConflict);
    expect(store.reads).toBe(3);
    expect((await db.store.readStream(ref)).map((event) => event.data)).toEqual([
      { n: 100 },
      { n: 100 },
      { n: 100 },
    ]);
  });

  it('retries inside a caller transaction, which stays usable', async () => {
    const ref = newRef();
    const store = raced(1);
    const outcome = await db.store.transaction((client) =>
      handleCommand(store, tally, ref, { n: 7 }, { client }),
    );
    expect(outcome.result?.nextVersion).toBe(2);
    expect((await db.store.readStream(ref)).map((event) => event.data)).toEqual([
      { n: 100 },
      { n: 7 },
    ]);
  });
});
