import type { MaterialCode } from '@onego/contracts';
import { type ItemState, replace, type Transition, transition } from './orchestration.ts';

// The applicant's side of a stalled item: a rejected item corrected and sent again; a missing
// material supplied; a material never supplied in time; the whole application withdrawn.

/** A rejected item, its data corrected, goes to its department again as the next attempt. */
export function resubmitItem(items: readonly ItemState[], itemId: string): Transition | null {
  const item = items.find((i) => i.id === itemId);
  if (item?.status !== 'rejected') return null;
  return transition(items, replace(items, { ...item, status: 'waiting', attempt: item.attempt + 1 }), []);
}

/**
 * A material was supplied: every item of the application awaiting that material (both twins'
 * hukou registrations need the same statement) records it; an item with all its materials
 * goes to its department again, with them attached. Null when no item awaits it.
 */
export function supplyMaterial(
  items: readonly ItemState[],
  code: MaterialCode,
  materialId: string,
  target: (item: ItemState) => boolean = () => true,
): Transition | null {
  const awaiting = items.filter(
    (i) =>
      i.status === 'awaiting-materials' &&
      target(i) &&
      i.materials.some((m) => m.code === code && !m.suppliedMaterialId),
  );
  if (awaiting.length === 0) return null;
  let after = [...items];
  for (const item of awaiting) {
    const materials = item.materials.map((m) =>
      m.code === code && !m.suppliedMaterialId ? { ...m, suppliedMaterialId: materialId } : m,
    );
    const complete = materials.every((m) => m.suppliedMaterialId);
    after = replace(
      after,
      complete
        ? { ...item, materials, status: 'waiting', attempt: item.attempt + 1 }
        : { ...item, materials },
    );
  }
  return transition(items, after, []);
}

/** Items whose materials were due before `today` and are still missing: rejected. */
export function expireMaterials(
  items: readonly ItemState[],
  today: string,
): { transition: Transition; expired: ItemState[] } | null {
  const expired = items.filter(
    (i) =>
      i.status === 'awaiting-materials' &&
      i.materials.some((m) => !m.suppliedMaterialId && m.dueDate < today),
  );
  if (expired.length === 0) return null;
  let after = [...items];
  for (const item of expired) after = replace(after, { ...item, status: 'rejected' });
  return { transition: transition(items, after, []), expired };
}

/**
 * The applicant withdraws. Items not yet at a department are cancelled; those at one are
 * cancelled there too; approved items keep their certificate coming (a decided fact). Issued
 * certificates are kept or revoked by each item's rule (the catalogue's `onWithdrawal`).
 */
export function withdraw(
  items: readonly ItemState[],
  revokeOnWithdrawal: (item: ItemState) => boolean,
): Transition {
  const effects: Transition['effects'] = [];
  const after = items.map((item) => {
    if (item.status === 'waiting' || item.status === 'awaiting-materials')
      return { ...item, status: 'cancelled' as const };
    if (item.status === 'requested') {
      effects.push({ kind: 'cancel-item', itemId: item.id });
      return { ...item, status: 'cancelled' as const };
    }
    if (item.status === 'completed' && item.certificateType && revokeOnWithdrawal(item)) {
      effects.push({ kind: 'revoke-certificate', itemId: item.id });
    }
    return item;
  });
  return transition(items, after, effects, true);
}

export const MATERIALS_NOT_SUPPLIED = {
  code: 'MATERIALS_NOT_SUPPLIED',
  message: '所需材料未在期限内补齐 The required materials were not supplied by the deadline',
};
