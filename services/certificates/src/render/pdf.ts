import PDFDocument from 'pdfkit';
import { missingCharacters } from '../domain/printable.ts';
import { beijingTime, type CertificateView } from './certificate-view.ts';
import { certificateFonts } from './fonts.ts';

// The printable PDF: one A4 page with the facts, the issuer, the status and the QR code that
// holds the signed credential. The font is embedded as a subset, so the PDF reads the same
// anywhere.

const STATUS_TEXT = {
  valid: '有效 Valid',
  revoked: '已撤销 Revoked',
  suspended: '已暂停 Suspended',
} as const;
const LEFT = 56;
const WIDTH = 595.28 - 2 * LEFT;
const LABEL_WIDTH = 170;

export function renderPdf(view: CertificateView): Promise<Buffer> {
  const fonts = certificateFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: LEFT, right: LEFT },
    info: { Title: `${view.title.zh} ${view.id}`, Author: view.issuer.zh, CreationDate: view.issuedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);

  const statusColour = view.status === 'valid' ? '#1b5e20' : '#b00020';
  doc
    .font('bold')
    .fontSize(11)
    .fillColor(statusColour)
    .text(STATUS_TEXT[view.status], LEFT, 56, { width: WIDTH, align: 'right' });
  doc.fillColor('#111').fontSize(24).text(view.title.zh, LEFT, 56);
  doc.font('regular').fontSize(11).fillColor('#444').text(view.title.en);
  doc.moveDown(0.8).fillColor('#111').fontSize(10.5);
  doc.text(`签发机关 Issued by: ${view.issuer.zh} (${view.issuer.en})`);
  doc.text(`签发时间 Issued: ${beijingTime(view.issuedAt)} (UTC+8) · 版本 Version ${view.version}`);
  doc.moveDown(1);

  for (const row of view.rows) {
    const top = doc.y;
    doc.font('bold').fontSize(11).text(row.label.zh, LEFT, top, { width: LABEL_WIDTH });
    doc.font('regular').fontSize(8).fillColor('#555').text(row.label.en, { width: LABEL_WIDTH });
    const labelBottom = doc.y;
    doc
      .fillColor('#111')
      .fontSize(11)
      .text(row.value, LEFT + LABEL_WIDTH, top, { width: WIDTH - LABEL_WIDTH });
    const bottom = Math.max(labelBottom, doc.y) + 5;
    doc
      .moveTo(LEFT, bottom)
      .lineTo(LEFT + WIDTH, bottom)
      .lineWidth(0.5)
      .strokeColor('#cccccc')
      .stroke();
    doc.y = bottom + 6;
  }
  const missing = missingCharacters(
    view.rows.map((r) => r.value),
    fonts.has,
  );
  if (missing.length > 0) {
    doc
      .fontSize(8)
      .fillColor('#555')
      .text(
        `字库未收录的字符 Characters the font lacks (shown as boxes): ${missing.join(', ')}`,
        LEFT,
        doc.y,
        { width: WIDTH },
      );
  }

  const qrTop = Math.max(doc.y + 18, 520);
  const qrSize = 200;
  doc.image(view.qrPng, LEFT, qrTop, { width: qrSize, height: qrSize });
  const textLeft = LEFT + qrSize + 16;
  doc
    .fillColor('#111')
    .font('bold')
    .fontSize(10)
    .text('电子证照标识 Certificate identifier', textLeft, qrTop + 8, { width: WIDTH - qrSize - 16 });
  doc
    .font('regular')
    .fontSize(9)
    .text(view.id, { width: WIDTH - qrSize - 16 });
  doc.moveDown(1).fontSize(9);
  doc.text(`扫描二维码获取已签名的电子证照（W3C 可验证凭证），提交至 ${view.verifyUrl} 验证。`, {
    width: WIDTH - qrSize - 16,
  });
  doc.moveDown(0.5).fillColor('#444');
  doc.text(
    `The QR code holds the signed certificate (a W3C Verifiable Credential); post it to ${view.verifyUrl} to verify it.`,
    { width: WIDTH - qrSize - 16 },
  );
  doc.end();
  return done;
}
