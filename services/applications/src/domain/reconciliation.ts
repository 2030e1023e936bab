import type { Effect, ItemState } from './orchestration.ts';

// Which items to chase: an item at a department with no decision, or approved with its
// certificate not issued, for longer than the platform ever waits on a healthy path, and not
// chased within that time either. Chasing repeats the request under a new event id; everything
// downstream is idempotent (the adapters' exchange per item and attempt, the certificates' one
// issue per item and facts), so a chase that was not needed changes nothing.

export interface ChaseCandidate extends Pick<ItemState, 'id' | 'status' | 'certificateType'> {
  requestedAt: Date | null;
  decidedAt: Date | null;
}

export function chaseEffects(
  items: readonly ChaseCandidate[],
  chasedSince: ReadonlySet<string>,
  cutoff: Date,
): Effect[] {
  const before = (at: Date | null) => at !== null && at.getTime() < cutoff.getTime();
  return items.flatMap((item): Effect[] => {
    if (chasedSince.has(item.id)) return [];
    if (item.status === 'requested' && before(item.requestedAt))
      return [{ kind: 'request-item', itemId: item.id }];
    if (item.status === 'approved' && item.certificateType && before(item.decidedAt)) {
      return [{ kind: 'request-certificate', itemId: item.id, certificateType: item.certificateType }];
    }
    return [];
  });
}
