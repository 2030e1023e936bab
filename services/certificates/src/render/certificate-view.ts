import type { CertificateFacts, CertificateType, Department } from '@onego/contracts';
import QRCode from 'qrcode';
import { type FactRow, factRows } from '../domain/printable.ts';
import { CERTIFICATE_KINDS, ISSUERS, type LocalisedName } from '../issuers.ts';

// What the human-readable copy of a certificate shows, for both the HTML page and the PDF.
// The QR code carries the credential itself (the compact vc+jwt, about 1.5 KB): scanned, it can
// be posted to POST /api/certificates/verify as it is, or checked offline by anyone with the
// issuer's published keys; no lookup by id, which would let anyone holding an id read a child's
// facts. Error correction M (15%) tolerates a worn or creased print.

export interface CertificateView {
  id: string;
  version: number;
  title: LocalisedName;
  issuer: LocalisedName;
  issuedAt: Date;
  status: 'valid' | 'revoked' | 'suspended';
  rows: FactRow[];
  credential: string;
  qrPng: Buffer;
  verifyUrl: string;
}

export interface CertificateRecord {
  id: string;
  version: number;
  department: Department;
  certificateType: CertificateType;
  facts: CertificateFacts[CertificateType];
  credential: string;
  issuedAt: Date;
  revokedAt: Date | null;
  suspendedAt: Date | null;
}

export type CertificateStatus = 'valid' | 'revoked' | 'suspended';

export const statusOf = (row: Pick<CertificateRecord, 'revokedAt' | 'suspendedAt'>): CertificateStatus =>
  row.revokedAt ? 'revoked' : row.suspendedAt ? 'suspended' : 'valid';

export async function certificateView(row: CertificateRecord, origin: string): Promise<CertificateView> {
  return {
    id: row.id,
    version: row.version,
    title: CERTIFICATE_KINDS[row.certificateType].name,
    issuer: ISSUERS[row.department].name,
    issuedAt: row.issuedAt,
    status: statusOf(row),
    rows: factRows(row.facts),
    credential: row.credential,
    qrPng: await QRCode.toBuffer(row.credential, { errorCorrectionLevel: 'M', margin: 4, scale: 4 }),
    verifyUrl: `${origin}/api/certificates/verify`,
  };
}

/** A date-time as printed in China (UTC+8), e.g. 2026-11-21 10:03. */
export const beijingTime = (at: Date) =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
