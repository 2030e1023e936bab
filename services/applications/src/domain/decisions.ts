import type { MaterialRequest } from '@onego/contracts';
import { type ItemState, replace, type Transition, transition } from './orchestration.ts';

// What happens when a department answers, and when an e-certificate is issued.

export type Decision =
  | { outcome: 'approved'; outputs: Record<string, unknown> }
  | { outcome: 'rejected' }
  | { outcome: 'materials-required'; materials: readonly MaterialRequest[] };

/**
 * A department decided an item. A decision for an item not awaiting one, or for an earlier
 * attempt than the one outstanding (it crossed a correction in flight), changes nothing.
 */
export function applyDecision(
  items: readonly ItemState[],
  itemId: string,
  attempt: number,
  decision: Decision,
  materialsDueDate: string,
): Transition | null {
  const item = items.find((i) => i.id === itemId);
  if (item?.status !== 'requested' || item.attempt !== attempt) return null;
  if (decision.outcome === 'rejected')
    return transition(items, replace(items, { ...item, status: 'rejected' }), []);
  if (decision.outcome === 'materials-required') {
    const materials = decision.materials.map((m) => ({
      ...m,
      dueDate: materialsDueDate,
      suppliedMaterialId: null,
    }));
    return transition(items, replace(items, { ...item, status: 'awaiting-materials', materials }), []);
  }
  if (item.certificateType) {
    const approved = { ...item, status: 'approved' as const, outputs: decision.outputs };
    return transition(items, replace(items, approved), [
      { kind: 'request-certificate', itemId, certificateType: item.certificateType },
    ]);
  }
  return transition(items, replace(items, { ...item, status: 'completed', outputs: decision.outputs }), []);
}

/** The item's e-certificate was issued: the item is complete (after a withdrawal too: it is a fact). */
export function applyCertificateIssued(
  items: readonly ItemState[],
  itemId: string,
  withdrawn: boolean,
  revokeOnWithdrawal: boolean,
): Transition | null {
  const item = items.find((i) => i.id === itemId);
  if (item?.status !== 'approved') return null;
  const effects = withdrawn && revokeOnWithdrawal ? [{ kind: 'revoke-certificate' as const, itemId }] : [];
  return transition(items, replace(items, { ...item, status: 'completed' }), effects, withdrawn);
}
