import { z } from 'zod';
import { defineMessage } from '../contract.ts';
import {
  attachments,
  cancellationOf,
  decisionType,
  documentTypeCode,
  materialsAsked,
  ref,
  requestType,
  systemOf,
  when,
} from './common.ts';

// 医疗保障局 national medical-insurance information platform. insutype 390 is 城乡居民基本医疗保险.

export const medicalInsuranceRequest = defineMessage({
  type: requestType('medical-insurance'),
  summary: 'Resident medical insurance enrolment (城乡居民医保参保登记) for a newborn.',
  producer: 'department-adapters',
  consumers: [systemOf('medical-insurance')],
  schema: z.strictObject({
    requestId: ref,
    submittedAt: when,
    insured: z.strictObject({
      name: z.string().min(1).max(64),
      gender: z.enum(['1', '2']),
      birthDate: z.iso.date(),
      certNo: z.string().regex(/^\d{17}[\dX]$/),
      birthCertNo: z.string().regex(/^[A-Z]\d{9}$/),
    }),
    guardian: z.strictObject({
      name: z.string().min(1).max(64),
      certType: documentTypeCode,
      certNo: z.string().min(1).max(32),
      mobile: z.string().max(16).optional(),
    }),
    residenceAddress: z.string().max(200),
    insutype: z.literal('390'),
    contributionYear: z.int(),
    attachments,
  }),
});

export const medicalInsuranceDecision = defineMessage({
  type: decisionType('medical-insurance'),
  summary:
    'The medical-insurance platform enrolled the newborn (insured person number, cover start) or declined.',
  producer: systemOf('medical-insurance'),
  consumers: ['department-adapters'],
  schema: z.discriminatedUnion('status', [
    z.strictObject({
      requestId: ref,
      decidedAt: when,
      status: z.literal('ENROLLED'),
      psnNo: z.string().min(1).max(32),
      coverageStart: z.iso.date(),
    }),
    z.strictObject({
      requestId: ref,
      decidedAt: when,
      status: z.literal('DECLINED'),
      declineCode: z.string().regex(/^[A-Z0-9_]{2,40}$/),
      declineReason: z.string().min(1).max(500),
    }),
    z.strictObject({
      requestId: ref,
      decidedAt: when,
      status: z.literal('PENDING_DOCUMENTS'),
      documents: materialsAsked,
    }),
  ]),
});

export const medicalInsuranceCancellation = cancellationOf('medical-insurance');
