import { describe, expect, it } from 'vitest';
import { createFailpoints, defaultAckWaitMs, parseFailpoints } from '../src/index.ts';

describe('failpoints', () => {
  it('do nothing when ONEGO_FAILPOINTS is unset', () => {
    const reach = createFailpoints(undefined, { kill: () => expect.unreachable() });
    expect(reach('relay.before-publish')).toBeUndefined();
  });

  it('kill at the n-th time a point is reached, and only then', () => {
    // Given a crash at the third hit of the relay's point
    const kills: string[] = [];
    const reach = createFailpoints('relay.before-publish=crash@3', { kill: () => kills.push('kill') });
    // When the point is reached four times, and another point once
    for (let i = 0; i < 4; i++) void reach('relay.before-publish');
    void reach('consumer.after-commit-before-ack');
    // Then the process was killed once
    expect(kills).toEqual(['kill']);
  });

  it('delay with a seeded probability, the same way on every run', async () => {
    const fired = (seed: number) => {
      const reach = createFailpoints('consumer.after-commit-before-ack=delay:1%0.5', { seed });
      return Array.from({ length: 40 }, () => reach('consumer.after-commit-before-ack') !== undefined);
    };
    const first = fired(7);
    expect(fired(7)).toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(5);
    expect(first.filter(Boolean).length).toBeLessThan(35);
  });

  it('refuse a misspelt point or action instead of silently doing nothing', () => {
    expect(() => parseFailpoints('relay.befor-publish=crash')).toThrow(
      /unknown failpoint "relay.befor-publish"/,
    );
    expect(() => parseFailpoints('relay.before-publish=explode')).toThrow(/expected crash\|delay/);
    expect(
      parseFailpoints('relay.before-publish=crash, dispatcher.after-call-before-record=delay:50@2'),
    ).toEqual(
      new Map([
        ['relay.before-publish', { action: { kind: 'crash' } }],
        ['dispatcher.after-call-before-record', { action: { kind: 'delay', ms: 50 }, at: 2 }],
      ]),
    );
  });
});

describe('the consumers’ ack wait', () => {
  it('is 30 s unless ONEGO_CONSUMER_ACK_WAIT_MS says otherwise, and a bad value is refused', () => {
    expect(defaultAckWaitMs({})).toBe(30_000);
    expect(defaultAckWaitMs({ ONEGO_CONSUMER_ACK_WAIT_MS: '4000' })).toBe(4000);
    expect(() => defaultAckWaitMs({ ONEGO_CONSUMER_ACK_WAIT_MS: '10' })).toThrow(
      /ONEGO_CONSUMER_ACK_WAIT_MS/,
    );
  });
});
