import { z } from 'zod';
import { defineMessage } from '../contract.ts';
import {
  attachments,
  cancellationOf,
  decisionType,
  documentTypeCode,
  materialsAsked,
  ref,
  refusal,
  requestType,
  systemOf,
  when,
} from './common.ts';

// 卫生健康委 birth medical certificate system (出生医学证明管理系统).

const person = z.strictObject({
  name: z.string().min(1).max(64),
  docType: documentTypeCode,
  docNo: z.string().min(1).max(32),
  nationality: z.string().length(3),
  ethnicity: z.string().max(16).optional(),
});

export const healthRequest = defineMessage({
  type: requestType('health'),
  summary: 'Application for a birth medical certificate (出生医学证明), in the health system’s vocabulary.',
  producer: 'department-adapters',
  consumers: [systemOf('health')],
  schema: z.strictObject({
    caseRef: ref,
    receivedAt: when,
    newborn: z.strictObject({
      name: z.string().min(1).max(64),
      gender: z.enum(['M', 'F']),
      bornAt: when,
      birthplace: z.strictObject({ province: z.string(), city: z.string(), county: z.string() }),
      institution: z.string().min(1).max(100),
      gestationWeeks: z.int(),
      weightG: z.int(),
      lengthCm: z.number(),
      condition: z.enum(['GOOD', 'FAIR', 'POOR']),
    }),
    mother: person.optional(),
    father: person.optional(),
    maritalStatus: z.enum(['MARRIED', 'UNMARRIED', 'DIVORCED', 'WIDOWED']),
    marriageCertNo: z.string().max(40).optional(),
    attachments,
  }),
});

export const healthDecision = defineMessage({
  type: decisionType('health'),
  summary: 'The health system issued or refused a birth medical certificate.',
  producer: systemOf('health'),
  consumers: ['department-adapters'],
  schema: z.discriminatedUnion('result', [
    z.strictObject({
      caseRef: ref,
      decidedAt: when,
      result: z.literal('ISSUED'),
      certificateNo: z.string().regex(/^[A-Z]\d{9}$/),
    }),
    z.strictObject({ caseRef: ref, decidedAt: when, result: z.literal('REFUSED'), refusal }),
    z.strictObject({
      caseRef: ref,
      decidedAt: when,
      result: z.literal('MATERIALS_REQUIRED'),
      materials: materialsAsked,
    }),
  ]),
});

export const healthCancellation = cancellationOf('health');
