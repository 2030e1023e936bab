// An item's attempts, read from its timeline: each time the platform sent it to its department
// (`item.requested`, numbered by attempt), what ended that attempt, who ended it and how long the
// item was held there. A corrected item shows its rejected attempt and the next one, in order.

export interface TimelineEvent {
  at: Date;
  kind: string;
  itemId: string | null;
  attempt: number | null;
  actor: string;
}

export type AttemptOutcome = 'approved' | 'rejected' | 'materials-required' | 'cancelled';

export interface Attempt {
  attempt: number;
  requestedAt: Date;
  outcome: AttemptOutcome | null;
  endedAt: Date | null;
  endedBy: string | null;
  /** Time at the department: until the outcome, or until `now` while it is still there. */
  heldMs: number;
}

// An item that needs no certificate completes on its department's approval; one that needs a
// certificate completes later, on issuance, which ends no attempt (it was approved before).
const OUTCOMES: Record<string, AttemptOutcome> = {
  'item.approved': 'approved',
  'item.completed': 'approved',
  'item.rejected': 'rejected',
  'item.awaiting-materials': 'materials-required',
  'item.cancelled': 'cancelled',
};

/** The attempts of one item, in order, from the application's events (in the order they happened). */
export function attemptsOf(itemId: string, events: readonly TimelineEvent[], now: Date): Attempt[] {
  const own = events.filter((e) => e.itemId === itemId && e.attempt !== null);
  return own.flatMap((requested, n) => {
    if (requested.kind !== 'item.requested' || requested.attempt === null) return [];
    const ended = own.slice(n + 1).find((e) => e.attempt === requested.attempt && e.kind in OUTCOMES);
    return [
      {
        attempt: requested.attempt,
        requestedAt: requested.at,
        outcome: ended ? (OUTCOMES[ended.kind] ?? null) : null,
        endedAt: ended?.at ?? null,
        endedBy: ended?.actor ?? null,
        heldMs: Math.max(0, (ended?.at ?? now).getTime() - requested.at.getTime()),
      },
    ];
  });
}
