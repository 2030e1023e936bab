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

// 人力资源和社会保障局 social security card system (社会保障卡申领).

export const socialSecurityRequest = defineMessage({
  type: requestType('social-security'),
  summary: 'Social security card application (社会保障卡申领) for a newborn.',
  producer: 'department-adapters',
  consumers: [systemOf('social-security')],
  schema: z.strictObject({
    applicationNo: ref,
    appliedAt: when,
    applicant: z.strictObject({
      name: z.string().min(1).max(64),
      gender: z.enum(['M', 'F']),
      birthDate: z.iso.date(),
      citizenId: z.string().regex(/^\d{17}[\dX]$/),
      birthCertNo: z.string().regex(/^[A-Z]\d{9}$/),
    }),
    guardian: z.strictObject({
      name: z.string().min(1).max(64),
      idType: documentTypeCode,
      idNumber: z.string().min(1).max(32),
      phone: z.string().max(16).optional(),
    }),
    bankName: z.string().max(60),
    mailingAddress: z.string().max(200),
    attachments,
  }),
});

export const socialSecurityDecision = defineMessage({
  type: decisionType('social-security'),
  summary: 'The social security card system accepted the application (with its number) or rejected it.',
  producer: systemOf('social-security'),
  consumers: ['department-adapters'],
  schema: z.discriminatedUnion('result', [
    z.strictObject({
      applicationNo: ref,
      decidedAt: when,
      result: z.literal('ACCEPTED'),
      cardApplicationNo: z.string().min(1).max(32),
      productionStatus: z.enum(['QUEUED', 'IN_PRODUCTION', 'MAILED']),
    }),
    z.strictObject({
      applicationNo: ref,
      decidedAt: when,
      result: z.literal('REJECTED'),
      rejectCode: z.string().regex(/^[A-Z0-9_]{2,40}$/),
      rejectReason: z.string().min(1).max(500),
    }),
    z.strictObject({
      applicationNo: ref,
      decidedAt: when,
      result: z.literal('SUPPLEMENT_REQUIRED'),
      supplements: materialsAsked,
    }),
  ]),
});

export const socialSecurityCancellation = cancellationOf('social-security');
