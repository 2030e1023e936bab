import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { setBehaviour } from '../support/simulators.ts';
import { readZip } from '../support/zip.ts';
import {
  type Browser,
  type BrowserContext,
  checkPage,
  launchBrowser,
  newPhoneContext,
  type Page,
} from './page-check.ts';
import { fillTwinsForm, newMother, signUp } from './parent-form.ts';

// A parent on a phone: from the catalogue and sign-up to twins' certificates downloaded at
// once, watching the progress live; and a rejected item corrected in the browser.

let p: TestPlatform;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  p = await startTestPlatform();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await p?.stop();
});

describe('the parent’s pages', () => {
  it('take a parent from sign-up to the twins’ certificates, downloaded at once, and a rating', async () => {
    context = await newPhoneContext(browser);
    page = await context.newPage();
    // Given the catalogue with its one-time notice
    await page.goto(p.origin);
    await page.getByRole('heading', { name: '一次性告知' }).waitFor();
    await checkPage(page, 'parent-catalogue');
    // When a mother signs up and fills the form once for twins
    await signUp(page, p.origin, newMother(), true);
    await page.getByRole('group', { name: '第 1 个孩子', exact: true }).waitFor();
    await checkPage(page, 'form-1-children-empty');
    await page.getByRole('button', { name: '下一步' }).click();
    // (inline validation says what the API would, before anything is sent)
    await page.getByRole('alert').filter({ hasText: '请先更正以下问题' }).waitFor();
    await checkPage(page, 'form-1-children-errors');
    await page
      .getByRole('group', { name: '第 1 个孩子', exact: true })
      .getByLabel('出生体重（克）')
      .fill('120');
    await page.getByRole('group', { name: '第 1 个孩子', exact: true }).getByLabel('出生体重（克）').blur();
    await page.getByText('must be at least 300 grams').first().waitFor();
    await fillTwinsForm(page, { check: true, socialSecurityCard: true });
    await checkPage(page, 'progress-live');
    // Then the page follows the flow live to the end, with every certificate of both children
    await page.getByText('全部办结。请下载证照').waitFor({ timeout: 90_000 });
    await page.getByRole('heading', { name: '电子证照' }).waitFor();
    await expect
      .poll(() => page.getByRole('link', { name: '查看打印版' }).count(), { timeout: 30_000 })
      .toBe(10);
    await checkPage(page, 'progress-completed');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /一次下载全部证照/ }).click(),
    ]);
    const files = readZip(
      await download.createReadStream().then(async (s) => Buffer.concat(await s.toArray())),
    );
    expect([...files.keys()].filter((f) => f.endsWith('.vc.jwt'))).toHaveLength(10);
    // And each is viewable as its printable page with the QR code
    await page.getByRole('link', { name: '查看打印版' }).first().click();
    const printable = page.frameLocator('iframe.printable');
    await printable.getByRole('img', { name: /QR/ }).waitFor();
    await checkPage(page, 'certificate-printable');
    await page.getByRole('link', { name: '返回办理进度' }).click();
    // And the parent rates the service
    await page.getByRole('radio', { name: '5 非常满意' }).check();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('感谢您的评价！').waitFor();
    await context.close();
  });

  it('lets a parent correct a rejected item in the browser, and the flow completes', async () => {
    // Given the CDC refuses the vaccination certificate
    await setBehaviour(p.simulatorsUrl, 'cdc', {
      mode: 'reject',
      rejectCode: 'WEIGHT_MISMATCH',
      rejectReason: '出生体重与接种登记不符',
    });
    context = await newPhoneContext(browser);
    page = await context.newPage();
    await signUp(page, p.origin, newMother());
    await fillTwinsForm(page);
    // When the parent sees why and corrects only that item's data
    await page.getByText('出生体重与接种登记不符').first().waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: /更正「预防接种证」（王小满）/ }).waitFor();
    await checkPage(page, 'progress-rejected');
    await setBehaviour(p.simulatorsUrl, 'cdc', { mode: 'approve' });
    const item = page.locator('li.item', { hasText: '出生体重与接种登记不符' }).first();
    await item.getByRole('button', { name: '更正并重新提交' }).click();
    await item.getByLabel(/出生体重（克）/).fill('2700');
    await checkPage(page, 'correction-form');
    await item.getByRole('button', { name: '提交更正' }).click();
    // Then the item goes to the CDC again and, once the other child's is corrected, all complete
    const other = page.locator('li.item', { hasText: '出生体重与接种登记不符' }).first();
    await other.getByRole('button', { name: '更正并重新提交' }).click();
    await other.getByLabel(/出生体重（克）/).fill('2500');
    await other.getByRole('button', { name: '提交更正' }).click();
    await page.getByText('全部办结。请下载证照').waitFor({ timeout: 90_000 });
    await context.close();
  });
});
