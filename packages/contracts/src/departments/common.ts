import { z } from 'zod';
import { defineMessage } from '../contract.ts';
import type { Department } from '../newborn/bundle.ts';
import { attachmentSchema, materialRequestSchema } from '../newborn/materials.ts';

// Shared pieces of the departments' own vocabularies. Each department system speaks its own
// message format on its own subjects; the department adapters translate to and from OneGo's
// canonical events. Codes follow the standards those systems use, where one exists.

/** Identity document type codes as household-registration systems write them (证件类型代码). */
export const DOCUMENT_TYPE_CODES = {
  'resident-id': '111',
  'hmt-residence-permit': '554',
  'foreign-permanent-resident-id': '553',
  passport: '414',
  'hk-macao-home-return-permit': '516',
  'taiwan-compatriot-permit': '511',
} as const;
export const documentTypeCode = z.enum(Object.values(DOCUMENT_TYPE_CODES) as [string, ...string[]]);

export const ref = z.string().min(8).max(64);
export const when = z.iso.datetime({ offset: true });
export const refusal = z.strictObject({
  code: z.string().regex(/^[A-Z0-9_]{2,40}$/),
  text: z.string().min(1).max(500),
});

export const requestType = <D extends Department>(d: D) => `dept.${d}.request.v1` as const;
export const decisionType = <D extends Department>(d: D) => `dept.${d}.decision.v1` as const;
export const systemOf = (d: Department) => `${d} department system`;

/** Supplied materials sent with a request (a later attempt), by reference and digest. */
export const attachments = z.array(attachmentSchema).max(10).optional();
/** What a department asks the applicant to supply before it can decide. */
export const materialsAsked = z.array(materialRequestSchema).min(1).max(10);

/** The platform withdraws a request it sent earlier (the applicant withdrew the application). */
export const cancellationOf = <D extends Department>(d: D) =>
  defineMessage({
    type: `dept.${d}.cancellation.v1` as const,
    summary: `A request sent to the ${d} department is withdrawn; the department stops work on it.`,
    producer: 'department-adapters',
    consumers: [systemOf(d)],
    schema: z.strictObject({ ref, cancelledAt: when, reason: z.string().min(1).max(200) }),
  });
