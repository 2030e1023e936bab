import { describe, expect, it } from 'vitest';
import { attemptsOf, type TimelineEvent } from '../src/domain/timeline-attempts.ts';

const ITEM = 'a0000000-0000-4000-8000-000000000001';
const OTHER = 'a0000000-0000-4000-8000-000000000002';
const at = (time: string) => new Date(`2026-11-20T${time}+08:00`);
const event = (time: string, kind: string, attempt: number | null, actor: string, itemId = ITEM) => ({
  at: at(time),
  kind,
  itemId,
  attempt,
  actor,
});

describe('an item’s attempts on the timeline', () => {
  it('shows a rejected attempt and the corrected one after it, in order, with who ended each', () => {
    // Given an item the CDC rejected, corrected by the parent and approved on the second attempt
    const events: TimelineEvent[] = [
      event('09:00:00', 'item.requested', 1, 'citizen:p'),
      event('09:00:05', 'item.requested', 1, 'department:health', OTHER),
      event('09:00:30', 'item.rejected', 1, 'department:cdc'),
      event('09:10:00', 'item.corrected', 1, 'citizen:p'),
      event('09:10:00', 'item.requested', 2, 'citizen:p'),
      event('09:10:45', 'item.approved', 2, 'department:cdc'),
      event('09:11:00', 'item.completed', 2, 'system:certificates'),
    ];
    // When its attempts are read at noon
    const attempts = attemptsOf(ITEM, events, at('12:00:00'));
    // Then both attempts appear, each with its outcome, who ended it and the time it was held
    expect(attempts).toEqual([
      {
        attempt: 1,
        requestedAt: at('09:00:00'),
        outcome: 'rejected',
        endedAt: at('09:00:30'),
        endedBy: 'department:cdc',
        heldMs: 30_000,
      },
      {
        attempt: 2,
        requestedAt: at('09:10:00'),
        outcome: 'approved',
        endedAt: at('09:10:45'),
        endedBy: 'department:cdc',
        heldMs: 45_000,
      },
    ]);
  });

  it('counts an attempt still at its department until now, and one cancelled until its cancellation', () => {
    const open = [event('09:00:00', 'item.requested', 1, 'citizen:p')];
    expect(attemptsOf(ITEM, open, at('09:05:00'))).toMatchObject([{ outcome: null, heldMs: 300_000 }]);
    const cancelled = [...open, event('09:01:00', 'item.cancelled', 1, 'citizen:p')];
    expect(attemptsOf(ITEM, cancelled, at('09:05:00'))).toMatchObject([
      { outcome: 'cancelled', endedBy: 'citizen:p', heldMs: 60_000 },
    ]);
  });

  it('lists no attempt for an item never sent to its department', () => {
    const waiting = [event('09:00:00', 'item.waiting', 1, 'citizen:p')];
    expect(attemptsOf(ITEM, waiting, at('10:00:00'))).toEqual([]);
  });
});
