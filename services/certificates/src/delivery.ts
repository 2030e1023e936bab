import { strToU8, zipSync } from 'fflate';
import { presentationOf } from './domain/presentation.ts';
import { type CertificateRecord, certificateView } from './render/certificate-view.ts';
import { renderPdf } from './render/pdf.ts';

// 一次性领证: one download with every certificate of an application. A zip holds, per
// certificate, the credential as signed (`.vc.jwt`, application/vc+jwt) and its printable PDF,
// and once for all, the unsigned presentation that lists them (presentation.json).

export interface DeliveredCertificate extends CertificateRecord {
  childIndex: number;
}

const fileStem = (c: DeliveredCertificate) => `child-${c.childIndex + 1}-${c.certificateType}-v${c.version}`;

export async function certificatesZip(certificates: DeliveredCertificate[], origin: string): Promise<Buffer> {
  const files: Record<string, Uint8Array> = {
    'presentation.json': strToU8(
      `${JSON.stringify(presentationOf(certificates.map((c) => c.credential)), null, 2)}\n`,
    ),
  };
  for (const certificate of certificates) {
    const stem = fileStem(certificate);
    files[`${stem}.vc.jwt`] = strToU8(certificate.credential);
    files[`${stem}.pdf`] = await renderPdf(await certificateView(certificate, origin));
  }
  // PDFs are already compressed; level 6 still shrinks the JSON and the credentials.
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }));
}
