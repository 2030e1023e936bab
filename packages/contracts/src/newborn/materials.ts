import { z } from 'zod';

// Materials (材料): documents a department may need beyond the form. An application can be
// accepted with one declared missing (容缺受理) and a department can ask for one; either way the
// applicant supplies it later, as a file or as a reference to an e-certificate already issued.

export const MATERIAL_CODES = [
  'birth-outside-marriage-statement',
  'marriage-certificate',
  'parent-identity-document',
  'power-of-attorney',
  'birth-medical-record',
  'other',
] as const;
export type MaterialCode = (typeof MATERIAL_CODES)[number];
export const materialCode = z.enum(MATERIAL_CODES);

export const MATERIAL_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** What a department asks for: which material, and why (shown to the applicant). */
export const materialRequestSchema = z.strictObject({
  code: materialCode,
  note: z.string().min(1).max(200),
});

/** A supplied material as a department receives it: fetched by reference, checked by digest. */
export const attachmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('file'),
    materialId: z.uuid(),
    code: materialCode,
    mediaType: z.enum(MATERIAL_MEDIA_TYPES),
    size: z.int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** A signed, expiring link under the public origin. */
    href: z.url(),
  }),
  z.strictObject({
    kind: z.literal('certificate'),
    materialId: z.uuid(),
    code: materialCode,
    /** The GB/T 36904 id of an e-certificate the platform issued. */
    certificateId: z.string().min(1).max(128),
  }),
]);

export type MaterialRequest = z.infer<typeof materialRequestSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
