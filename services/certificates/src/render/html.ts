import { beijingTime, type CertificateView } from './certificate-view.ts';

// The printable HTML page: one A4 sheet, no scripts, no external resources (the QR code is an
// inline PNG), fonts from the reader's system (the PDF embeds its own).

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STATUS_TEXT = {
  valid: '有效 Valid',
  revoked: '已撤销 Revoked',
  suspended: '已暂停 Suspended',
} as const;

export function renderHtml(view: CertificateView): string {
  const rows = view.rows
    .map(
      (r) =>
        `<tr><th>${escapeHtml(r.label.zh)}<small>${escapeHtml(r.label.en)}</small></th><td>${escapeHtml(r.value)}</td></tr>`,
    )
    .join('\n      ');
  return `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<title>${escapeHtml(view.title.zh)} ${escapeHtml(view.id)}</title>
<style>
  @page { size: A4; margin: 18mm; }
  body { font-family: "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #111; max-width: 174mm; margin: 0 auto; }
  h1 { font-size: 22pt; margin: 0; } h1 small { display: block; font-size: 11pt; color: #444; font-weight: normal; }
  .issuer { margin: 4mm 0 6mm; } .status { float: right; font-weight: bold; }
  .status.revoked, .status.suspended { color: #b00020; }
  table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ccc; padding: 2.5mm 2mm; text-align: left; vertical-align: top; }
  th { width: 38%; font-weight: 600; } th small { display: block; font-weight: normal; color: #555; font-size: 8.5pt; }
  .qr { margin-top: 8mm; display: flex; gap: 6mm; align-items: center; } .qr img { width: 62mm; height: 62mm; image-rendering: pixelated; }
  .id { font-family: monospace; font-size: 9pt; word-break: break-all; }
</style>
</head>
<body>
  <p class="status ${view.status}">${STATUS_TEXT[view.status]}</p>
  <h1>${escapeHtml(view.title.zh)}<small>${escapeHtml(view.title.en)}</small></h1>
  <p class="issuer">签发机关 Issued by: ${escapeHtml(view.issuer.zh)} (${escapeHtml(view.issuer.en)})<br>
  签发时间 Issued: ${beijingTime(view.issuedAt)} (UTC+8) · 版本 Version ${view.version}</p>
  <table>
      ${rows}
  </table>
  <div class="qr">
    <img alt="QR code holding the signed electronic certificate" src="data:image/png;base64,${view.qrPng.toString('base64')}">
    <p>电子证照标识 Certificate identifier<br><span class="id">${escapeHtml(view.id)}</span><br><br>
    扫描二维码获取已签名的电子证照（W3C 可验证凭证），提交至 ${escapeHtml(view.verifyUrl)} 验证。<br>
    The QR code holds the signed certificate (a W3C Verifiable Credential); post it to ${escapeHtml(view.verifyUrl)} to verify it.</p>
  </div>
</body>
</html>
`;
}
