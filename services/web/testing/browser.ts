import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export type { Browser, BrowserContext, Page };

// The browser tests' harness: Debian's Chromium driven by playwright-core (which cannot
// download a browser here), an accessibility scan with axe-core, and screenshots of each page
// at a phone's and a desk's size, kept as test artifacts (tests/browser/artifacts/).

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function chromiumPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      "Debian's chromium is not installed: `apt-get install chromium fonts-noto-cjk` (./onego does it)",
    );
  }
}

/** Playwright gives each launch a fresh temporary profile (its own --user-data-dir). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: FLAGS });
}

export async function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  // axe-core is injected as a script tag, which the pages' Content-Security-Policy would refuse.
  return browser.newContext({ viewport: PHONE, bypassCSP: true, acceptDownloads: true, locale: 'zh-CN' });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is: the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/** Full-page screenshots at phone and desktop sizes, named after the page; the view is restored. */
export async function screenshots(page: Page, folder: string, name: string) {
  mkdirSync(folder, { recursive: true });
  const before = page.viewportSize() ?? PHONE;
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(folder, `${name}.${size}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}

/** Waits until the page's web fonts are in, so that screenshots show the text. */
export async function fontsReady(page: Page) {
  await page.evaluate(() =>
    (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(
      () => true,
    ),
  );
}
