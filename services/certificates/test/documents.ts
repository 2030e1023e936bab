import jsQRModule from 'jsqr';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';

// Reading the human-readable copies as a person's tools would: the PDF's text and its QR image
// through pdf.js (Mozilla's PDF reader), the HTML page's QR image through a PNG decoder, and
// every QR code through jsQR, a scanner no one here wrote.

// jsqr is a CommonJS bundle whose types declare an ES default export: depending on the loader,
// the scanner is the import itself or its `default`.
type Scan = typeof jsQRModule.default;
const jsQR: Scan = (jsQRModule as unknown as { default?: Scan }).default ?? (jsQRModule as unknown as Scan);

export async function readPdf(pdf: Buffer): Promise<{ text: string; qrCodes: string[] }> {
  const task = getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false });
  const document = await task.promise;
  const page = await document.getPage(1);
  const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('\n');
  const operators = await page.getOperatorList();
  const qrCodes: string[] = [];
  for (let i = 0; i < operators.fnArray.length; i++) {
    if (operators.fnArray[i] !== OPS.paintImageXObject) continue;
    const name = operators.argsArray[i][0] as string;
    const image = await new Promise<{ width: number; height: number; data: Uint8ClampedArray; kind: number }>(
      (resolve) => page.objs.get(name, resolve),
    );
    const rgba = image.kind === 3 ? image.data : toRgba(image.data, image.kind);
    const code = jsQR(new Uint8ClampedArray(rgba), image.width, image.height);
    if (code) qrCodes.push(code.data);
  }
  await task.destroy();
  return { text, qrCodes };
}

/** pdf.js image kinds: 1 = 1 bit gray, 2 = RGB 24 bit, 3 = RGBA 32 bit. */
function toRgba(data: Uint8ClampedArray, kind: number): Uint8ClampedArray {
  if (kind !== 2) throw new Error(`unexpected image kind ${kind}`);
  const out = new Uint8ClampedArray((data.length / 3) * 4);
  for (let i = 0, j = 0; i < data.length; i += 3, j += 4) {
    out[j] = data[i] ?? 0;
    out[j + 1] = data[i + 1] ?? 0;
    out[j + 2] = data[i + 2] ?? 0;
    out[j + 3] = 255;
  }
  return out;
}

/** The QR codes in an HTML page's inline PNG images. */
export function qrCodesInHtml(html: string): string[] {
  return [...html.matchAll(/src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/g)].flatMap((match) => {
    const png = PNG.sync.read(Buffer.from(match[1] ?? '', 'base64'));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    return code ? [code.data] : [];
  });
}
