import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { fontsReady, type Page, screenshots, seriousViolations } from '../../services/web/testing/browser.ts';

export {
  type Browser,
  type BrowserContext,
  launchBrowser,
  newPhoneContext,
  type Page,
} from '../../services/web/testing/browser.ts';

const artifacts = fileURLToPath(new URL('./artifacts', import.meta.url));

/**
 * Every page the tests visit: screenshots at phone and desktop sizes (kept in
 * tests/browser/artifacts/), and no serious or critical accessibility violation.
 */
export async function checkPage(page: Page, name: string) {
  await fontsReady(page);
  await screenshots(page, artifacts, name);
  const violations = await seriousViolations(page);
  expect(violations, `accessibility of ${name}`).toEqual([]);
}
