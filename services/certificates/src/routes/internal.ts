import { CERTIFICATE_TYPES, DEPARTMENTS, ITEM_KEYS } from '@onego/contracts';
import { HttpError, type OneGoApp } from '@onego/http';
import { z } from 'zod';
import { statusOf } from '../render/certificate-view.ts';
import type { CertificateStore } from '../store.ts';
import type { Verifier } from '../verifier.ts';
import { certificateIdParam, errorSchema } from './shared.ts';

// 无证明 (proof-free): other services use an issued certificate's facts instead of a re-typed
// value. This route is internal: not under /api, so the gateway never exposes it; services
// reach it on the private network. The facts come from the credential itself, verified as any
// verifier would (signature, issuer, validity, status, schema), never from a table a bug could
// have changed; a revoked or suspended certificate yields no facts.

export function internalRoutes(app: OneGoApp, deps: { store: CertificateStore; verifier: Verifier }) {
  app.get(
    '/internal/certificates/:id',
    {
      schema: {
        hide: true,
        params: z.object({ id: certificateIdParam }),
        querystring: z.object({
          ownerId: z.uuid().optional().describe('When given, the certificate must belong to this account'),
        }),
        response: {
          200: z.object({
            id: z.string(),
            certificateType: z.enum(CERTIFICATE_TYPES),
            department: z.enum(DEPARTMENTS),
            itemKey: z.enum(ITEM_KEYS),
            applicationId: z.uuid(),
            childIndex: z.int(),
            version: z.int(),
            status: z.enum(['valid', 'revoked', 'suspended']),
            verified: z.boolean(),
            facts: z.record(z.string(), z.unknown()).nullable().describe('the verified credentialSubject'),
          }),
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const row = await deps.store.byId(request.params.id);
      const { ownerId } = request.query;
      if (!row || (ownerId && row.ownerId !== ownerId))
        throw new HttpError(404, `no certificate ${request.params.id}`);
      const verification = await deps.verifier.verify(row.credential);
      const subject = verification.verified
        ? (
            JSON.parse(Buffer.from(row.credential.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
              credentialSubject: Record<string, unknown>;
            }
          ).credentialSubject
        : null;
      return {
        id: row.id,
        certificateType: row.certificateType,
        department: row.department,
        itemKey: row.itemKey,
        applicationId: row.applicationId,
        childIndex: row.childIndex,
        version: row.version,
        status: statusOf(row),
        verified: verification.verified,
        facts: subject,
      };
    },
  );
}
