import { z } from 'zod';
import { defineMessage } from '../contract.ts';
import {
  attachments,
  cancellationOf,
  decisionType,
  materialsAsked,
  ref,
  refusal,
  requestType,
  systemOf,
  when,
} from './common.ts';

// 妇幼保健院 maternal and child health system (儿童保健手册).

export const maternalChildHealthRequest = defineMessage({
  type: requestType('maternal-child-health'),
  summary: 'Child healthcare handbook (儿童保健手册) request for a newborn.',
  producer: 'department-adapters',
  consumers: [systemOf('maternal-child-health')],
  schema: z.strictObject({
    ref,
    requestedAt: when,
    infant: z.strictObject({
      name: z.string().min(1).max(64),
      sex: z.enum(['male', 'female']),
      bornAt: when,
      birthplace: z.strictObject({ province: z.string(), city: z.string(), county: z.string() }),
      hospital: z.string().max(100),
      gestationalWeeks: z.int(),
      weightGrams: z.int(),
      lengthCm: z.number(),
      healthStatus: z.string().max(16),
      birthCertNo: z.string().regex(/^[A-Z]\d{9}$/),
    }),
    mother: z.strictObject({ name: z.string().max(64) }).optional(),
    phone: z.string().max(16).optional(),
    address: z.string().max(200),
    attachments,
  }),
});

export const maternalChildHealthDecision = defineMessage({
  type: decisionType('maternal-child-health'),
  summary:
    'The maternal and child health system issued a handbook (and a community health centre) or refused.',
  producer: systemOf('maternal-child-health'),
  consumers: ['department-adapters'],
  schema: z.discriminatedUnion('outcome', [
    z.strictObject({
      ref,
      decidedAt: when,
      outcome: z.literal('APPROVED'),
      handbookNo: z.string().min(1).max(32),
      communityHealthCentre: z.string().min(1).max(100),
    }),
    z.strictObject({ ref, decidedAt: when, outcome: z.literal('REJECTED'), rejection: refusal }),
    z.strictObject({
      ref,
      decidedAt: when,
      outcome: z.literal('MATERIALS_REQUIRED'),
      materials: materialsAsked,
    }),
  ]),
});

export const maternalChildHealthCancellation = cancellationOf('maternal-child-health');
