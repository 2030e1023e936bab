import { z } from 'zod';
import { defineMessage } from '../contract.ts';
import {
  CERTIFICATE_TYPES,
  type CertificateType,
  DEPARTMENTS,
  type Department,
  ITEM_CERTIFICATE,
  ITEM_DEPARTMENT,
  ITEM_KEYS,
  type ItemKey,
} from '../newborn/bundle.ts';
import { departmentPayloadSchemas } from '../newborn/department-payloads.ts';
import { attachmentSchema, materialRequestSchema } from '../newborn/materials.ts';
import { certificateFactSchemas, itemOutputSchemas } from '../newborn/outputs.ts';
import { isoDate, text } from '../newborn/primitives.ts';

// Events and commands between OneGo's own services, on the ONEGO stream. Names follow
// `onego.<entity>.<past-tense>.v<version>`; item-level ones are routed by department.

const id = z.uuid();
const itemRef = { applicationId: id, itemId: id, childIndex: z.int().min(0).max(7) };
/** Which request of the item this concerns: 1, then one more after each correction or supplied material. */
const attempt = z.int().min(1).max(100).optional();
const byDepartment = <D extends { department: Department }>() => ({
  name: 'department',
  values: DEPARTMENTS,
  of: (data: D) => data.department,
});

export const applicationSubmitted = defineMessage({
  type: 'onego.application.submitted.v1',
  summary: 'An application was accepted at intake (no personal data).',
  producer: 'applications',
  consumers: [],
  schema: z.object({
    applicationId: id,
    bundle: z.literal('newborn'),
    items: z.array(z.enum(ITEM_KEYS)),
    childCount: z.int().min(1),
    submittedAt: z.iso.datetime({ offset: true }),
    dueDate: isoDate,
    late: z.boolean(),
  }),
});

const requestVariants = DEPARTMENTS.map((department) =>
  z.object({
    ...itemRef,
    department: z.literal(department),
    itemKey: z.enum(ITEM_KEYS.filter((k) => ITEM_DEPARTMENT[k] === department) as [ItemKey, ...ItemKey[]]),
    dueDate: isoDate,
    attempt,
    payload: departmentPayloadSchemas[department],
    attachments: z.array(attachmentSchema).max(10).optional(),
  }),
);

export const itemRequested = defineMessage({
  type: 'onego.item.requested.v1',
  summary: 'The platform asks a department to decide one child’s item, with only that department’s fields.',
  producer: 'applications',
  consumers: ['department-adapters'],
  schema: z.discriminatedUnion('department', requestVariants as [(typeof requestVariants)[number]]),
  route: byDepartment(),
});

const rejection = z.object({ code: z.string().regex(/^[A-Z0-9_]{2,40}$/), message: text(500) });
const decisionVariants = ITEM_KEYS.map((itemKey) =>
  z.object({
    ...itemRef,
    itemKey: z.literal(itemKey),
    department: z.literal(ITEM_DEPARTMENT[itemKey]),
    decidedAt: z.iso.datetime({ offset: true }),
    attempt,
    decision: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('approved'), outputs: itemOutputSchemas[itemKey] }),
      z.object({ outcome: z.literal('rejected'), reason: rejection }),
      z.object({
        outcome: z.literal('materials-required'),
        materials: z.array(materialRequestSchema).min(1).max(10),
      }),
    ]),
  }),
);

export const itemDecided = defineMessage({
  type: 'onego.item.decided.v1',
  summary:
    'A department approved (with outputs), rejected (with a reason) or asked for materials for one child’s item.',
  producer: 'department-adapters',
  consumers: ['applications'],
  schema: z.discriminatedUnion('itemKey', decisionVariants as [(typeof decisionVariants)[number]]),
  route: byDepartment(),
});

const certificateVariants = CERTIFICATE_TYPES.map((certificateType) =>
  z.object({
    ...itemRef,
    /** The applicant's account: the only citizen who may fetch the certificate. */
    ownerId: id,
    itemKey: z.enum(ITEM_KEYS),
    department: z.enum(DEPARTMENTS),
    certificateType: z.literal(certificateType),
    facts: certificateFactSchemas[certificateType],
  }),
);

export const certificateRequested = defineMessage({
  type: 'onego.certificate.requested.v1',
  summary: 'An approved item’s e-certificate is to be issued, signed by its department, stating these facts.',
  producer: 'applications',
  consumers: ['certificates'],
  schema: z.discriminatedUnion(
    'certificateType',
    certificateVariants as [(typeof certificateVariants)[number]],
  ),
  route: byDepartment(),
});

export const certificateIssued = defineMessage({
  type: 'onego.certificate.issued.v1',
  summary: 'An e-certificate (W3C Verifiable Credential, vc+jwt) was issued for an item.',
  producer: 'certificates',
  consumers: ['applications'],
  schema: z.object({
    ...itemRef,
    itemKey: z.enum(ITEM_KEYS),
    department: z.enum(DEPARTMENTS),
    certificateType: z.enum(CERTIFICATE_TYPES),
    certificateId: z.string().min(1).max(128),
    issuedAt: z.iso.datetime({ offset: true }),
  }),
  route: byDepartment(),
});

export const itemCancelled = defineMessage({
  type: 'onego.item.cancelled.v1',
  summary: 'An item in progress at a department is cancelled (the applicant withdrew).',
  producer: 'applications',
  consumers: ['department-adapters'],
  schema: z.object({
    ...itemRef,
    itemKey: z.enum(ITEM_KEYS),
    department: z.enum(DEPARTMENTS),
    attempt,
    reason: z.enum(['withdrawn']),
    cancelledAt: z.iso.datetime({ offset: true }),
  }),
  route: byDepartment(),
});

export const certificateRevocationRequested = defineMessage({
  type: 'onego.certificate.revocation-requested.v1',
  summary: 'An item’s e-certificate is to be revoked (withdrawal rule, or a corrected reissue).',
  producer: 'applications',
  consumers: ['certificates'],
  schema: z.object({
    ...itemRef,
    itemKey: z.enum(ITEM_KEYS),
    department: z.enum(DEPARTMENTS),
    reason: rejection,
  }),
  route: byDepartment(),
});

export const itemDeadlineWarning = defineMessage({
  type: 'onego.item.deadline-warning.v1',
  summary: 'Electronic supervision (电子监察): an item is on its last working day (yellow) or overdue (red).',
  producer: 'applications',
  consumers: [],
  schema: z.object({
    ...itemRef,
    itemKey: z.enum(ITEM_KEYS),
    department: z.enum(DEPARTMENTS),
    level: z.enum(['yellow', 'red']),
    dueDate: isoDate,
    raisedAt: z.iso.datetime({ offset: true }),
  }),
  route: byDepartment(),
});

export const applicationWithdrawn = defineMessage({
  type: 'onego.application.withdrawn.v1',
  summary: 'The applicant withdrew the application; items in progress are cancelled.',
  producer: 'applications',
  consumers: [],
  schema: z.object({ applicationId: id, withdrawnAt: z.iso.datetime({ offset: true }) }),
});

export const applicationCompleted = defineMessage({
  type: 'onego.application.completed.v1',
  summary: 'Every item of an application is done and every certificate issued.',
  producer: 'applications',
  consumers: [],
  schema: z.object({
    applicationId: id,
    completedAt: z.iso.datetime({ offset: true }),
    dueDate: isoDate,
    onTime: z.boolean(),
  }),
});

/** The certificate type an item yields, if any. */
export const certificateTypeOf = (itemKey: ItemKey): CertificateType | null => ITEM_CERTIFICATE[itemKey];
