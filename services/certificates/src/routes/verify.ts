import type { OneGoApp } from '@onego/http';
import { HttpError } from '@onego/http';
import { z } from 'zod';
import { envelopedCredential } from '../domain/presentation.ts';
import { CHECKS } from '../domain/verification.ts';
import type { Verifier } from '../verifier.ts';
import { errorSchema } from './shared.ts';

// Public verification. The body is small on purpose (a credential is about 2 KB; 16 KB leaves
// room for wrapping, not for abuse); requests are rate-limited per client address (behind the
// gateway, the address it forwards). Anything that is not a credential gets a 200 saying which
// check failed and why; only a body that is not even one of the accepted shapes is a 400.

const MAX_BODY = 16 * 1024;
const compact = z.string().min(1).max(MAX_BODY).describe('A compact JWS (application/vc+jwt)');

const body = z.union([
  compact,
  z.object({ credential: compact }),
  z
    .looseObject({ type: z.union([z.string(), z.array(z.string())]), id: z.string().max(MAX_BODY) })
    .describe('An EnvelopedVerifiableCredential (data:application/vc+jwt,… URL), as in a presentation'),
]);

const check = z.object({
  check: z.enum(CHECKS),
  outcome: z.enum(['passed', 'failed', 'skipped']),
  reason: z.string().optional(),
});

const verification = z.object({
  verified: z.boolean().describe('true only when every check passed'),
  credentialId: z.string().nullable(),
  issuer: z.string().nullable(),
  checks: z.array(check),
  status: z.array(
    z.object({
      purpose: z.string(),
      statusListCredential: z.string(),
      statusListIndex: z.string(),
      set: z.boolean().describe('the bit in the published list: set means revoked or suspended'),
    }),
  ),
});

function credentialIn(payload: z.infer<typeof body>): string {
  if (typeof payload === 'string') return payload;
  if ('credential' in payload && typeof payload.credential === 'string') return payload.credential;
  const enveloped = envelopedCredential(payload);
  if (enveloped === null) {
    const types = 'type' in payload ? [payload.type].flat() : [];
    throw new HttpError(400, 'expected a vc+jwt, { "credential": … } or an EnvelopedVerifiableCredential', [
      {
        path: types.includes('EnvelopedVerifiableCredential') ? 'id' : 'type',
        message:
          'an EnvelopedVerifiableCredential has type "EnvelopedVerifiableCredential" and id "data:application/vc+jwt,<credential>"',
      },
    ]);
  }
  return enveloped;
}

export function verifyRoutes(app: OneGoApp, deps: { verifier: Verifier; ratePerMinute: number }) {
  app.addContentTypeParser(
    ['application/vc+jwt', 'application/jwt'],
    { parseAs: 'string' },
    (_request, text, done) => done(null, text),
  );
  app.post(
    '/api/certificates/verify',
    {
      bodyLimit: MAX_BODY,
      config: { rateLimit: { max: deps.ratePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['verification'],
        summary: 'Verify an e-certificate: signature, issuer, validity, status and schema',
        description:
          'Public. Send the credential as application/vc+jwt or text/plain (what its QR code holds), as JSON { "credential": "…" }, or as an EnvelopedVerifiableCredential. Each check says passed, failed (with the reason) or skipped. The status is read from the issuer’s signed Bitstring Status Lists, as any verifier would. Rate-limited per client address.',
        body,
        response: { 200: verification, 400: errorSchema, 413: errorSchema, 429: errorSchema },
      },
    },
    async (request) => deps.verifier.verify(credentialIn(request.body)),
  );
}
