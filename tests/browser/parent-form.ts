import { randomInt } from 'node:crypto';
import { makeCitizenId } from '@onego/codes';
import { checkPage, type Page } from './page-check.ts';

// A parent's way through the pages, as a person would go: sign up, then the newborn form for
// twins, filled once. Shared by the browser tests that start from a submitted application.

export const twoDaysAgo = () =>
  new Date(Date.now() + 8 * 3600_000 - 2 * 24 * 3600_000).toISOString().slice(0, 10);

export const newMother = () => ({
  idNumber: makeCitizenId({
    region: '430681',
    birthDate: `199${randomInt(0, 9)}-05-12`,
    sex: 'female',
    sequence: randomInt(0, 499),
  }),
  name: '李芳',
  phone: '13800000001',
  password: 'a-long-test-password',
});

export async function signUp(
  page: Page,
  origin: string,
  mother: ReturnType<typeof newMother>,
  check = false,
) {
  await page.goto(`${origin}/signup?next=%2Fapply`);
  await page.getByLabel('证件号码').fill(mother.idNumber);
  await page.getByLabel('姓名').fill(mother.name);
  await page.getByLabel('手机号码').fill(mother.phone);
  await page.getByLabel('设置密码').fill(mother.password);
  if (check) await checkPage(page, 'parent-sign-up');
  await page.getByRole('button', { name: '注册并登录' }).click();
  await page.getByRole('heading', { level: 1, name: '新生儿出生一件事' }).waitFor();
}

async function fillChild(
  page: Page,
  n: number,
  child: { name: string; sex: string; weight: string; length: string },
) {
  const group = page.getByRole('group', { name: `第 ${n} 个孩子`, exact: true });
  await group.getByLabel('姓名').fill(child.name);
  await group.getByRole('radio', { name: child.sex }).check();
  if (n === 1) {
    await group.getByLabel('出生日期').fill(twoDaysAgo());
    await group.getByLabel('出生时刻').fill('08:30');
    await group.getByLabel('出生地（省）').fill('湖南省');
    await group.getByLabel('出生地（市）').fill('岳阳市');
    await group.getByLabel('出生地（县/区）').fill('汨罗市');
    await group.getByLabel('助产机构').fill('汨罗市人民医院');
    await group.getByLabel('孕周').fill('37');
    await group.getByLabel('民族').fill('汉族');
  }
  await group.getByLabel('出生体重（克）').fill(child.weight);
  await group.getByLabel('出生身长（厘米）').fill(child.length);
  await group.getByLabel('与户主关系').selectOption({ label: child.sex === '女' ? '女' : '子' });
}

/** The whole form for twins, checking each step's page on the way when asked. */
export async function fillTwinsForm(
  page: Page,
  options: { check?: boolean; socialSecurityCard?: boolean; clerk?: boolean; prefix?: string } = {},
) {
  const check = async (name: string) =>
    options.check && (await checkPage(page, `${options.prefix ?? ''}${name}`));
  const next = () => page.getByRole('button', { name: '下一步' }).click();
  await fillChild(page, 1, { name: '王小满', sex: '女', weight: '2650', length: '47' });
  await page.getByRole('button', { name: '添加双胞胎' }).click();
  await fillChild(page, 2, { name: '王小圆', sex: '男', weight: '2480', length: '46.5' });
  await check('form-1-children');
  await next();
  const father = page.getByRole('group', { name: '父亲', exact: true });
  await father.getByLabel('姓名').fill('王强');
  await father
    .getByLabel('证件号码')
    .fill(
      makeCitizenId({ region: '430681', birthDate: '1991-08-23', sex: 'male', sequence: randomInt(0, 499) }),
    );
  await father.getByLabel(/手机号码/).fill('13800000002');
  await page.getByLabel('结婚证字号').fill('J430681-2019-000123');
  await check('form-2-parents');
  await next();
  await page.getByLabel('户籍地址', { exact: true }).fill('湖南省岳阳市汨罗市归义镇建设路18号');
  await page.getByRole('button', { name: '户主是母亲' }).click();
  await page.getByLabel('现居住地址与户籍地址相同').check();
  await check('form-3-household');
  await next();
  if (options.socialSecurityCard) {
    await page.getByRole('checkbox', { name: /社会保障卡申领/ }).check();
    await page.getByLabel('社保卡开户银行').fill('中国建设银行汨罗支行');
    await page.getByLabel('社保卡邮寄地址').fill('湖南省岳阳市汨罗市归义镇建设路18号');
  }
  await check('form-4-items');
  await next();
  await check('form-5-review');
  await next();
  if (options.clerk) {
    await page.getByRole('radio', { name: '签署书面授权书' }).check();
    await page.getByLabel('群众的意愿表述').fill('本人委托窗口工作人员代为办理新生儿出生一件事');
    await page.getByLabel(/授权书编号/).fill('MLZW-2026-0001');
    await check('form-6-consent');
    await page.getByRole('button', { name: '提交代办申请' }).click();
    await page.getByRole('heading', { level: 1, name: '窗口办件' }).waitFor();
    return;
  }
  await page.getByLabel(/我承诺所填信息真实/).check();
  await page.getByLabel(/我单独同意/).check();
  await check('form-6-consent');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('实时更新中').waitFor();
}
