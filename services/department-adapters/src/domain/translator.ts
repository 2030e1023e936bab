import type {
  Attachment,
  DataOf,
  Department,
  DepartmentContracts,
  DepartmentPayloads,
  ITEM_DEPARTMENT,
  ItemKey,
  ItemOutputs,
  MaterialRequest,
} from '@onego/contracts';

// The shape every department's translator has: canonical request in, the department's own
// request out; the department's own decision in, the canonical decision out. Pure functions:
// the adapter's handlers do the I/O around them.

export interface RequestRefs {
  /** The reference the department knows the case by (its 业务流水号 / case number). */
  caseRef: string;
  /** When the platform asked, ISO 8601 with offset. */
  requestedAt: string;
  /** Materials the applicant supplied for this attempt (by reference and digest). */
  attachments?: readonly Attachment[] | undefined;
}

export type CanonicalDecision<K extends ItemKey> =
  | { outcome: 'approved'; outputs: ItemOutputs[K] }
  | { outcome: 'rejected'; reason: { code: string; message: string } }
  | { outcome: 'materials-required'; materials: MaterialRequest[] };

export interface TranslatedDecision<K extends ItemKey = ItemKey> {
  caseRef: string;
  decidedAt: string;
  decision: CanonicalDecision<K>;
}

/** The item a department decides (each department decides exactly one item of the bundle). */
export type ItemOf<D extends Department> = {
  [K in ItemKey]: (typeof ITEM_DEPARTMENT)[K] extends D ? K : never;
}[ItemKey];

export type DepartmentRequest<D extends Department> = DataOf<DepartmentContracts[D]['request']>;
export type DepartmentDecision<D extends Department> = DataOf<DepartmentContracts[D]['decision']>;

export interface Translator<D extends Department, K extends ItemKey> {
  readonly itemKey: K;
  request(payload: DepartmentPayloads[D], refs: RequestRefs): DepartmentRequest<D>;
  decision(data: DepartmentDecision<D>): TranslatedDecision<K>;
}

/** Sex as the health, social-security and cdc systems write it. */
export const sexLetter = (sex: 'male' | 'female') => (sex === 'male' ? 'M' : 'F');

/** The supplied materials under the field name a department's vocabulary gives them. */
export const attached = <K extends string>(key: K, attachments: readonly Attachment[] | undefined) =>
  optional(key, attachments && attachments.length > 0 ? attachments.map((a) => ({ ...a })) : undefined);

/** A department asked for materials: kept as asked, in canonical words. */
export const materialsRequired = (materials: readonly MaterialRequest[]) => ({
  outcome: 'materials-required' as const,
  materials: materials.map(({ code, note }) => ({ code, note })),
});

/** A department refused: its reason code and text, in canonical words. */
export const rejected = (refusal: { code: string; text: string }) => ({
  outcome: 'rejected' as const,
  reason: { code: refusal.code, message: refusal.text },
});

/** Drops a key whose value is undefined: the departments' schemas are strict about optional fields. */
export const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
