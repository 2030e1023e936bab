import { ID_DOCUMENT_TYPES, validateIdDocument } from '@onego/codes';
import { z } from 'zod';

// Field-level building blocks of the newborn form. Every limit here is deliberate: it is what
// a department system accepts, and what keeps one request's size bounded.

/** Length in user-perceived characters: a rare character outside the BMP (生僻字) counts once. */
const codePoints = (value: string) => [...value].length;

/**
 * A person's name in any script, stored exactly as given: Han characters (including CJK
 * Extension B and beyond), minority names with the middle dot, foreign names in Latin letters.
 */
export const personName = z
  .string()
  .refine((v) => codePoints(v) >= 1 && codePoints(v) <= 64, 'must be 1 to 64 characters')
  .refine(
    (v) => /^[\p{L}\p{M}](?:[\p{L}\p{M}·・•'’ .-]*[\p{L}\p{M}.])?$/u.test(v),
    'must be letters of any script, optionally joined by a middle dot, space, hyphen or apostrophe',
  );

export const text = (max: number) =>
  z
    .string()
    .refine((v) => v.trim().length > 0, 'must not be empty')
    .refine((v) => codePoints(v) <= max, `must be at most ${max} characters`)
    .refine((v) => !/\p{Cc}/u.test(v), 'must not contain control characters');

export const sex = z.enum(['male', 'female']);

/** Mainland mobile number, or an international number in E.164 form for parents abroad. */
export const phone = z
  .string()
  .regex(/^(?:1[3-9]\d{9}|\+[1-9]\d{6,14})$/, 'must be a mainland mobile number or +E.164');

export const nationality = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code');

export const idDocumentType = z.enum(ID_DOCUMENT_TYPES);

/** An identity document: the number is checked against its type's format and checksum. */
export const idDocument = {
  idType: idDocumentType,
  idNumber: z.string().min(1).max(32),
};

export const checkIdDocument = (
  doc: { idType: (typeof ID_DOCUMENT_TYPES)[number]; idNumber: string },
  ctx: z.RefinementCtx,
) => {
  const result = validateIdDocument(doc.idType, doc.idNumber);
  if (!result.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: result.reason });
};

export const dateTimeWithOffset = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with offset',
});
export const isoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
