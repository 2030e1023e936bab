import type { MATERIAL_MEDIA_TYPES } from '@onego/contracts';

// Uploaded materials are accepted only when their bytes are what they claim: a PDF, JPEG or PNG
// recognised by its signature, not by the client's Content-Type or file name.

export const MAX_MATERIAL_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { mediaType: (typeof MATERIAL_MEDIA_TYPES)[number]; magic: number[] }[] = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function sniffMediaType(bytes: Uint8Array): (typeof MATERIAL_MEDIA_TYPES)[number] | null {
  const match = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  return match?.mediaType ?? null;
}
