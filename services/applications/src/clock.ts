import type { OneGoApp } from '@onego/http';
import { z } from 'zod';

// Time, as the service sees it. In production the wall clock; in end-to-end tests a clock that
// can be moved forward (so a five-working-day deadline passes in a second), enabled only by
// ONEGO_TEST_CLOCK=1 and reachable only on the service's own port, never through the gateway.

export interface Clock {
  now(): Date;
  advance(ms: number): Date;
}

export function createClock(): Clock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
      return new Date(Date.now() + offset);
    },
  };
}

export function testClockRoutes(app: OneGoApp, clock: Clock) {
  app.post(
    '/internal/test-clock',
    {
      schema: {
        hide: true,
        body: z.strictObject({
          advanceMs: z
            .int()
            .min(0)
            .max(366 * 24 * 3600_000),
        }),
        response: { 200: z.object({ now: z.string() }) },
      },
    },
    async (request) => ({ now: clock.advance(request.body.advanceMs).toISOString() }),
  );
}
