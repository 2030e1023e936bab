import type { CertificateType, ItemKey, MaterialCode } from '@onego/contracts';
import type { ForwardedOutputs } from './split.ts';

// The orchestration as pure decisions: given the items of one application and what just
// happened, which items change, which are requested next (dependencies met: 并联审批 for the
// rest), whether a certificate is to be issued or revoked, and where the application stands.

export type ItemStatus =
  | 'waiting'
  | 'awaiting-materials'
  | 'requested'
  | 'approved'
  | 'completed'
  | 'rejected'
  | 'cancelled';
export type ApplicationStatus = 'in-progress' | 'action-required' | 'completed' | 'withdrawn';

/** A material an item needs before its department can decide: asked for, or declared missing at intake. */
export interface MaterialNeed {
  code: MaterialCode;
  note: string;
  /** The last day (China Standard Time) to supply it; after that the item is rejected. */
  dueDate: string;
  suppliedMaterialId: string | null;
}

export interface ItemState {
  id: string;
  childIndex: number;
  itemKey: ItemKey;
  status: ItemStatus;
  dependsOn: readonly ItemKey[];
  certificateType: CertificateType | null;
  outputs: Record<string, unknown> | null;
  /** 1 for the first request; one more after each correction or supplied material. */
  attempt: number;
  materials: readonly MaterialNeed[];
}

export type Effect =
  | { kind: 'request-item'; itemId: string }
  | { kind: 'request-certificate'; itemId: string; certificateType: CertificateType }
  | { kind: 'cancel-item'; itemId: string }
  | { kind: 'revoke-certificate'; itemId: string }
  | { kind: 'complete-application' };

export interface Transition {
  items: ItemState[];
  changed: ItemState[];
  effects: Effect[];
  status: ApplicationStatus;
}

const DONE: ReadonlySet<ItemStatus> = new Set(['approved', 'completed']);

/** Waiting items whose dependencies, for the same child, are all decided in favour. */
export function startableItems(items: readonly ItemState[]): ItemState[] {
  const done = new Set(items.filter((i) => DONE.has(i.status)).map((i) => `${i.childIndex}/${i.itemKey}`));
  return items.filter(
    (i) => i.status === 'waiting' && i.dependsOn.every((d) => done.has(`${i.childIndex}/${d}`)),
  );
}

export function applicationStatus(items: readonly ItemState[], withdrawn = false): ApplicationStatus {
  if (withdrawn) return 'withdrawn';
  if (items.every((i) => i.status === 'completed')) return 'completed';
  if (items.some((i) => i.status === 'rejected' || i.status === 'awaiting-materials'))
    return 'action-required';
  return 'in-progress';
}

/** Outputs of a child's earlier items that later items need (信息多跑路). */
export function forwardedOutputs(items: readonly ItemState[], childIndex: number): ForwardedOutputs {
  const output = (key: ItemKey, field: string) => {
    const item = items.find((i) => i.childIndex === childIndex && i.itemKey === key && DONE.has(i.status));
    const value = item?.outputs?.[field];
    return typeof value === 'string' ? value : undefined;
  };
  const birthCertificateNumber = output('birth-certificate', 'birthCertificateNumber');
  const childIdNumber = output('household-registration', 'citizenIdNumber');
  return {
    ...(birthCertificateNumber && { birthCertificateNumber }),
    ...(childIdNumber && { childIdNumber }),
  };
}

/** Requests what has become startable (unless withdrawn), and works out the application's status. */
export function transition(
  before: readonly ItemState[],
  after: ItemState[],
  effects: Effect[],
  withdrawn = false,
): Transition {
  const next = withdrawn ? [] : startableItems(after);
  const items = after.map((i) => (next.includes(i) ? { ...i, status: 'requested' as const } : i));
  effects.push(...next.map((i) => ({ kind: 'request-item' as const, itemId: i.id })));
  const status = applicationStatus(items, withdrawn);
  if (status === 'completed' && applicationStatus(before) !== 'completed')
    effects.push({ kind: 'complete-application' });
  const changed = items.filter((i, n) => i !== before[n]);
  return { items, changed, effects, status };
}

export const replace = (items: readonly ItemState[], updated: ItemState) =>
  items.map((i) => (i.id === updated.id ? updated : i));

/** At intake: items needing a declared-missing material wait for it; the rest start when they can. */
export function planIntake(items: readonly ItemState[]): Transition {
  const initial = items.map((i) =>
    i.materials.length > 0 ? { ...i, status: 'awaiting-materials' as const } : i,
  );
  return transition(items, initial, []);
}
