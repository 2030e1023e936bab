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

// 疾病预防控制中心 immunisation planning information system (免疫规划信息系统).

export const cdcRequest = defineMessage({
  type: requestType('cdc'),
  summary: 'Vaccination certificate (预防接种证) request for a newborn.',
  producer: 'department-adapters',
  consumers: [systemOf('cdc')],
  schema: z.strictObject({
    ref,
    requestedAt: when,
    child: z.strictObject({
      name: z.string().min(1).max(64),
      sex: z.enum(['M', 'F']),
      birthDateTime: when,
      birthplace: z.string().max(100),
      hospital: z.string().max(100),
      birthWeightG: z.int(),
      birthCertNo: z.string().regex(/^[A-Z]\d{9}$/),
    }),
    motherName: z.string().max(64).optional(),
    contactPhone: z.string().max(16).optional(),
    address: z.string().max(200),
    attachments,
  }),
});

export const cdcDecision = defineMessage({
  type: decisionType('cdc'),
  summary: 'The immunisation system issued a vaccination certificate (and assigned a clinic) or refused.',
  producer: systemOf('cdc'),
  consumers: ['department-adapters'],
  schema: z.discriminatedUnion('accepted', [
    z.strictObject({
      ref,
      decidedAt: when,
      accepted: z.literal(true),
      certificateNo: z.string().min(1).max(32),
      clinic: z.string().min(1).max(100),
    }),
    // Not accepted; when `materials` is present, it will be once they are supplied.
    z.strictObject({
      ref,
      decidedAt: when,
      accepted: z.literal(false),
      reason: refusal,
      materials: materialsAsked.optional(),
    }),
  ]),
});

export const cdcCancellation = cancellationOf('cdc');
