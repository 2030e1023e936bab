// @onego/contracts: every message OneGo sends or receives, as schemas with inferred types,
// the subjects and streams they travel on, and the newborn bundle's form.

export { buildAsyncApiDocument } from './asyncapi.ts';
export type { DataOf, Envelope, EventOf, MessageContract } from './contract.ts';
export { defineMessage, envelopeSchema, envelopeSchemaOf } from './contract.ts';
export {
  type DepartmentContracts,
  DOCUMENT_TYPE_CODES,
  departmentContracts,
  departmentDurables,
  isDepartmentDurable,
} from './departments/index.ts';
export {
  applicationCompleted,
  applicationSubmitted,
  applicationWithdrawn,
  certificateIssued,
  certificateRequested,
  certificateRevocationRequested,
  certificateTypeOf,
  itemCancelled,
  itemDeadlineWarning,
  itemDecided,
  itemRequested,
} from './events/platform.ts';
export { createNamespace, departmentStreamName, type Namespace, type StreamSpec } from './namespace.ts';
export {
  CERTIFICATE_TYPES,
  type CertificateType,
  DEPARTMENTS,
  type Department,
  ITEM_CERTIFICATE,
  ITEM_DEPARTMENT,
  ITEM_KEYS,
  type ItemKey,
  type ItemOf,
} from './newborn/bundle.ts';
export {
  type DepartmentPayload,
  type DepartmentPayloads,
  departmentPayloadSchemas,
} from './newborn/department-payloads.ts';
export { type Child, type NewbornForm, newbornFormSchema, type Parent } from './newborn/form.ts';
export {
  type Attachment,
  attachmentSchema,
  MATERIAL_CODES,
  MATERIAL_MEDIA_TYPES,
  type MaterialCode,
  type MaterialRequest,
  materialRequestSchema,
} from './newborn/materials.ts';
export {
  type CertificateFacts,
  certificateFactSchemas,
  type ItemOutputs,
  itemOutputSchemas,
} from './newborn/outputs.ts';
export { personName, phone } from './newborn/primitives.ts';
export {
  createNewbornSubmissionSchema,
  isLateApplication,
  type NewbornSubmission,
  newbornSubmissionSchema,
} from './newborn/submission.ts';
export { DEPARTMENT_FORM_FIELDS } from './newborn/visibility.ts';
export { allContracts } from './registry.ts';
