import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

// The PDF's Chinese font: Noto Sans S Chinese (Noto Sans CJK SC's region subset, 30,888 glyphs,
// SIL Open Font License) as the npm package @embedpdf/fonts-sc ships it, so `pnpm install`
// brings it to any machine and nothing is downloaded at run time. It covers the national
// standard GB 18030 repertoire used in names and addresses, not CJK Extension B and beyond;
// characters it lacks are named under the facts with their code point (the PDF shows a box).

const require = createRequire(import.meta.url);
const folder = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');

let loaded: { regular: Buffer; bold: Buffer; has: (codePoint: number) => boolean } | undefined;

/** The font files, read once per process (about 17 MB). */
export function certificateFonts() {
  if (!loaded) {
    const regular = readFileSync(join(folder, 'NotoSansHans-Regular.otf'));
    const font = fontkit.create(regular) as fontkit.Font;
    loaded = {
      regular,
      bold: readFileSync(join(folder, 'NotoSansHans-Bold.otf')),
      has: (codePoint) => font.hasGlyphForCodePoint(codePoint),
    };
  }
  return loaded;
}
