import { ROOT_CONTEXT } from '@opentelemetry/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../src/logger.ts';
import { createPublisher } from '../src/publisher.ts';

// The publisher after commit: events go out at once, and the rows that held them are marked
// sent together, once a second, in one statement (here: one call of `settle`).

const event = (id: string) => ({ id, subject: 'onego.test.v1', payload: '{}', parent: ROOT_CONTEXT });

/** A publisher whose sends succeed, and the ids of each call of its `settle`. */
const succeeding = () => {
  const settled: string[][] = [];
  const publisher = createPublisher({
    send: async () => undefined,
    settle: async (ids) => {
      settled.push(ids);
    },
    logger: silentLogger,
    what: 'test outbox',
  });
  return { publisher, settled };
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('settling published events', () => {
  it('marks what was published within a second in one go', async () => {
    // Given a publisher whose sends succeed
    const { publisher, settled } = succeeding();
    // When two transactions' events are published 300 ms apart
    publisher.committed([event('a'), event('b')]);
    await vi.advanceTimersByTimeAsync(300);
    publisher.committed([event('c')]);
    // Then nothing is settled before the second is up
    await vi.advanceTimersByTimeAsync(600);
    expect(settled).toEqual([]);
    // And then all three are, in one call
    await vi.advanceTimersByTimeAsync(200);
    expect(settled).toEqual([['a', 'b', 'c']]);
    await publisher.stop();
  });

  it('settles what it published at once when it stops, without waiting out the second', async () => {
    // Given events published and not yet settled
    const { publisher, settled } = succeeding();
    publisher.committed([event('a')]);
    await vi.advanceTimersByTimeAsync(10);
    // When it stops, with no time passing on the clock
    await publisher.stop();
    // Then they were settled
    expect(settled).toEqual([['a']]);
    // And events committed after the stop are left to the sweeper
    publisher.committed([event('late')]);
    expect(settled).toEqual([['a']]);
  });

  it('says which events it did not publish: those whose publish failed, and those past the limit in flight', async () => {
    // Given a publisher whose send fails for event 'b', with room for three events in flight
    const settled: string[][] = [];
    const unsent: string[][] = [];
    const publisher = createPublisher({
      send: async (e) => {
        if (e.id === 'b') throw new Error('no answer from JetStream');
      },
      settle: async (ids) => {
        settled.push(ids);
      },
      unsent: (ids) => unsent.push(ids),
      logger: silentLogger,
      what: 'test outbox',
      maxInFlight: 3,
    });
    // When three events are committed, and four more while they are in flight
    publisher.committed([event('a'), event('b'), event('c')]);
    publisher.committed([event('d'), event('e'), event('f'), event('g')]);
    await vi.advanceTimersByTimeAsync(1000);
    // Then the four past the limit and the failed one are reported unsent, the others settled
    expect(unsent).toEqual([['d', 'e', 'f', 'g'], ['b']]);
    expect(settled).toEqual([['a', 'c']]);
    await publisher.stop();
    // And once stopped, what is committed is reported unsent too
    publisher.committed([event('late')]);
    expect(unsent.at(-1)).toEqual(['late']);
  });
});
