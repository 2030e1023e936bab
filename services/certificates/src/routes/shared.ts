import { CERTIFICATE_TYPES, DEPARTMENTS, ITEM_KEYS } from '@onego/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { statusOf } from '../render/certificate-view.ts';
import type { CertificateRow } from '../store.ts';

export const errorSchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const certificateIdParam = z.string().min(20).max(128).describe('GB/T 36904 e-certificate identifier');

export const certificateSummary = z.object({
  id: z.string().describe('GB/T 36904 e-certificate identifier'),
  applicationId: z.uuid(),
  itemId: z.uuid(),
  itemKey: z.enum(ITEM_KEYS),
  childIndex: z.int(),
  department: z.enum(DEPARTMENTS),
  certificateType: z.enum(CERTIFICATE_TYPES),
  version: z.int().describe('GB/T 36904 version: 2 and up are corrected reissues'),
  status: z.enum(['valid', 'revoked', 'suspended']),
  issuedAt: z.iso.datetime({ offset: true }),
  credential: z
    .string()
    .describe('W3C Verifiable Credential 2.0 secured as a compact JWS (application/vc+jwt)'),
});

export const summaryOf = (row: CertificateRow): z.infer<typeof certificateSummary> => ({
  id: row.id,
  applicationId: row.applicationId,
  itemId: row.itemId,
  itemKey: row.itemKey,
  childIndex: row.childIndex,
  department: row.department,
  certificateType: row.certificateType,
  version: row.version,
  status: statusOf(row),
  issuedAt: row.issuedAt.toISOString(),
  credential: row.credential,
});

export type Authenticate = (request: FastifyRequest) => Promise<void>;

/** Authentication plus the operator role (a token whose scope includes `operator`); 403 otherwise. */
