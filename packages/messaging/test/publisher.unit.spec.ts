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
});
