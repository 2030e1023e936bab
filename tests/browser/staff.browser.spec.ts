import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, canonicalSubmission, signIn } from '../support/client.ts';
import { DEVELOPMENT_ACCOUNTS } from '../support/identity.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { untilSettled } from '../support/settle.ts';
import { freshBirthDate } from '../support/views.ts';
import { type Browser, checkPage, launchBrowser, newPhoneContext, type Page } from './page-check.ts';
import { fillTwinsForm, newMother } from './parent-form.ts';

// Staff at their desks: an operator finds a parent's flow and sees each child's graph and the
// timeline across departments, the dashboard, the follow-up of a bad rating, dead letters and
// a certificate revoked; a clerk applies at the window for a parent who consents.

let p: TestPlatform;
let browser: Browser;
let parent: Client;
let applicationId: string;

/** A parent's twins application, done and rated badly, through the API (the parent's pages have their own test). */
async function completedTwins() {
  const submission = canonicalSubmission();
  const first = submission.form.children[0] as Record<string, unknown>;
  submission.form.children.push({
    ...first,
    name: '王小圆',
    sex: 'male',
    relationshipToHead: 'son',
  } as never);
  freshBirthDate(submission, new Date());
  parent = await signIn(p.origin, {
    ...newMother(),
    idNumber: submission.form.mother.idNumber,
    name: submission.form.mother.name,
  });
  const created = await parent.post<{ id: string }>('/api/applications', submission);
  expect(created.status).toBe(202);
  expect((await untilSettled(parent, created.body.id, 90_000)).status).toBe('completed');
  expect(
    (await parent.post(`/api/applications/${created.body.id}/rating`, { score: 1, comment: '等太久' }))
      .status,
  ).toBe(201);
  return created.body.id;
}

async function staffSignIn(page: Page, username: keyof typeof DEVELOPMENT_ACCOUNTS.staff, check: string) {
  await page.goto(`${p.origin}/staff/signin`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEVELOPMENT_ACCOUNTS.staff[username].password);
  await checkPage(page, check);
  await page.getByRole('button', { name: '登录' }).click();
}

beforeAll(async () => {
  p = await startTestPlatform();
  browser = await launchBrowser();
  applicationId = await completedTwins();
});
afterAll(async () => {
  await browser?.close();
  await p?.stop();
});

describe('the staff pages', () => {
  it('let an operator find a flow and see each child’s graph and the timeline across departments', async () => {
    const page = await (await newPhoneContext(browser)).newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await staffSignIn(page, 'operator.miluo', 'operator-sign-in');
    // When the operator searches the completed flows
    await page.getByRole('heading', { level: 1, name: '办件监控' }).waitFor();
    await page.getByLabel('状态').selectOption({ label: '已办结' });
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row').filter({ hasText: applicationId.slice(0, 8) });
    await row.waitFor();
    await checkPage(page, 'operator-search');
    await row.getByRole('link').first().click();
    // Then the flow shows both children's graphs, the timeline, and the trace link
    await page
      .getByRole('img', { name: /的事项依赖图/ })
      .first()
      .waitFor();
    expect(await page.getByRole('img', { name: /的事项依赖图/ }).count()).toBe(2);
    await page.getByRole('img', { name: /各部门办理用时/ }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: /查看链路/ }).count()).toBe(1);
    await checkPage(page, 'operator-flow');
    // And the dashboard, the follow-up of the bad rating, the dead letters
    await page.getByRole('link', { name: '统计看板' }).click();
    await page.getByRole('img', { name: /^办结率/ }).waitFor();
    await checkPage(page, 'operator-dashboard');
    await page.getByRole('link', { name: '差评回访' }).click();
    await page.getByText('rated 1/5').waitFor();
    await checkPage(page, 'operator-follow-ups');
    await page.getByLabel('回访情况与处理结果').fill('已电话回访，解释办理时限');
    await page.getByRole('button', { name: '完成回访' }).click();
    await page.getByText('已完成回访').waitFor();
    await page.getByRole('link', { name: '异常消息' }).click();
    await page.getByRole('heading', { level: 1, name: '异常消息' }).waitFor();
    await page
      .getByText(/没有异常消息|重放次数/)
      .first()
      .waitFor();
    await checkPage(page, 'operator-dead-letters');
    // And a certificate revoked with a reason, after a confirmation
    const { body } = await parent.get<{ certificates: { id: string }[] }>(
      `/api/applications/${applicationId}/certificates`,
    );
    await page.getByRole('link', { name: '证照管理' }).click();
    await page.getByLabel('证照标识').fill(body.certificates[0]?.id ?? '');
    await page.getByLabel('原因').fill('出生医学证明信息有误，已更正补发');
    await page.getByRole('button', { name: '注销证照' }).click();
    await checkPage(page, 'operator-revoke-confirm');
    await page.getByRole('dialog').getByRole('button', { name: '注销证照' }).click();
    await page.getByText(/已注销/).waitFor();
    await checkPage(page, 'operator-revoke');
    await page.context().close();
  });

  it('let a clerk apply at the window for a parent, with the consent recorded', async () => {
    // Given a mother with an account at the window
    const mother = newMother();
    await signIn(p.origin, mother);
    const page = await (await newPhoneContext(browser)).newPage();
    await staffSignIn(page, 'clerk.miluo', 'clerk-sign-in');
    // When the clerk finds her account and fills the form for her twins
    await page.getByLabel('证件号码').fill(mother.idNumber);
    await checkPage(page, 'clerk-find');
    await page.getByRole('button', { name: '查找账号' }).click();
    await page.getByRole('heading', { level: 1, name: '帮代办：新生儿出生一件事' }).waitFor();
    await fillTwinsForm(page, { clerk: true, check: true, prefix: 'clerk-' });
    // Then the application is listed with the consent recorded
    await page.getByText('已记录母亲的同意：签署书面授权书').waitFor();
    await checkPage(page, 'clerk-applications');
    await page.context().close();
  });
});
