import { ID_DOCUMENT_TYPES, type IdDocumentType, validateIdDocument } from '@onego/codes';
import { z } from 'zod';
import { DEFAULT_ID_TYPE } from '../domain/id-documents.ts';

// Field rules shared by the identity routes. Every 400 names the field and the reason.

export const idType = z
  .enum(ID_DOCUMENT_TYPES, { error: `must be one of ${ID_DOCUMENT_TYPES.join(', ')}` })
  .default(DEFAULT_ID_TYPE)
  .describe('The identity document; a mainland resident ID when absent');

export const idNumber = z
  .string()
  .max(32, 'is too long')
  .describe('The number as printed on the document, uppercase letters and digits');

/** The fields of a body that names an identity document. */
export const idDocument = { idType, idNumber };

/**
 * The superRefine arguments for a body with `idDocument`'s fields: the number checked by its
 * type's rule (validateIdDocument), the reason from @onego/codes verbatim under `idNumber`. The
 * check is skipped while either field is itself wrong, so that each is named alone.
 */
export const checkIdDocument = [
  (body: { idType: IdDocumentType; idNumber: string }, ctx: z.RefinementCtx) => {
    const verdict = validateIdDocument(body.idType, body.idNumber);
    if (!verdict.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: verdict.reason });
  },
  {
    when: ({ value, issues }: z.core.ParsePayload) =>
      typeof value === 'object' &&
      value !== null &&
      !issues.some((i) => i.path?.[0] === 'idType' || i.path?.[0] === 'idNumber'),
  },
] as const;

/** A person's name, by the same rule as everywhere on the platform. */
export { personName } from '@onego/contracts';

/** A mainland mobile number: 11 digits, 13x to 19x. (The form also takes +E.164; accounts do not.) */
export const mainlandMobile = z.string().regex(/^1[3-9]\d{9}$/, 'must be a mainland mobile number');

const codePoints = (value: string) => [...value].length;

export const newPassword = z
  .string()
  .refine((v) => codePoints(v) >= 10 && codePoints(v) <= 128, 'must be 10 to 128 characters');

/** At login any password is only right or wrong; the cap bounds the hashing input. */
export const givenPassword = z.string().min(1, 'must not be empty').max(512, 'is too long');

export const errorBody = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/**
 * Sign-in, registration and the token endpoint are the ones worth guessing against: each client
 * address gets 20 attempts a minute per endpoint, a human never needs more (department systems
 * keep their tokens for their lifetime). The address is the client's as forwarded by the
 * loopback gateway (trustProxy 'loopback' in createHttpApp). Every other route has the service's
 * default limit (RATE_LIMIT_PER_MINUTE).
 */
export const attemptsPerClient = { max: 20, timeWindow: '1 minute' } as const;

/** What verifiers poll (keys, discovery, revoked sessions): several services share one address. */
export const pollsPerClient = { max: 1200, timeWindow: '1 minute' } as const;

export const bearer = [{ bearer: [] }];
