import { expect } from '@playwright/test';
import { expectNoSeriousViolations, signIn, waitForOfflineReady, test } from './helpers';

const ROLES = [
  {
    phone: '13800000001',
    zh: ['首页', '学习', '活动', '咨询', '管理', '报告', '我的'],
    en: ['Home', 'Study', 'Events', 'Advice', 'Admin', 'Report', 'Me'],
  },
  { phone: '13800000002', zh: ['首页', '学习', '活动', '咨询', '我的'], en: ['Home', 'Study', 'Events', 'Advice', 'Me'] },
  { phone: '13800000003', zh: ['首页', '学习', '答题', '活动', '我的'], en: ['Home', 'Study', 'Quiz', 'Events', 'Me'] },
  { phone: '13800000004', zh: ['首页', '学习', '答题', '活动', '咨询', '我的'], en: ['Home', 'Study', 'Quiz', 'Events', 'Advice', 'Me'] },
  { phone: '13800000005', zh: ['首页', '学习', '咨询', '我的'], en: ['Home', 'Study', 'Advice', 'Me'] },
];

for (const locale of ['zh', 'en'] as const) {
  for (const role of ROLES) {
    test(`${role.phone} signs in and sees exactly their own tabs${locale === 'zh' ? ', on a home without serious accessibility violations' : ''} (${locale})`, async ({
      page,
    }) => {
      await signIn(page, role.phone, locale);
      const nav = page.getByRole('navigation', { name: locale === 'zh' ? '主导航' : 'Main navigation' });
      const links = nav.getByRole('link');
      await expect(links).toHaveCount(role[locale].length);
      for (const [i, name] of role[locale].entries()) await expect(links.nth(i)).toHaveAccessibleName(name);
      if (locale === 'zh') {
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoSeriousViolations(page, `${role.phone}'s home`);
      }
    });
  }
}

test('a wrong password is explained, and the sixth attempt within 30 minutes is refused as locked', async ({ page }) => {
  await page.goto('/zh/login');
  await page.getByLabel('手机号').fill('13900014201');
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('密码').fill(`Wrong-pass-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.locator('form').getByRole('alert')).toContainText('手机号或密码不正确');
  }
  await page.getByLabel('密码').fill('Pufa-demo-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('form').getByRole('alert')).toContainText('输错密码次数过多');
});

test('an 11-digit check stops a short phone number before it is sent', async ({ page }) => {
  await page.goto('/zh/login');
  await page.getByLabel('手机号').fill('1380000');
  await page.getByLabel('密码').fill('whatever');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('请输入 11 位手机号')).toBeVisible();
});

test('elder mode survives a reload', async ({ page }) => {
  await signIn(page, '13800000004');
  const toggle = page.getByRole('button', { name: '长者版' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-elder', 'true');
  const fontSize = await page.evaluate(() => getComputedStyle(document.body).fontSize);
  expect(parseFloat(fontSize)).toBeGreaterThanOrEqual(20);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-elder', 'true');
  await expect(page.getByRole('button', { name: '长者版' })).toHaveAttribute('aria-pressed', 'true');
  const tab = await page.getByRole('navigation', { name: '主导航' }).getByRole('link').first().boundingBox();
  expect(tab!.height).toBeGreaterThanOrEqual(48);
});

test('after one visit the shell opens offline and shows the offline state', async ({ page, context }) => {
  await signIn(page, '13800000003');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByTestId('online-status')).toHaveText('离线');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
  await expect(page.getByRole('heading', { name: '王建国' })).toBeVisible();
  await context.setOffline(false);
});

test('an unknown page shows the not-found page online and the offline page offline', async ({ page, context }) => {
  const res = await page.goto('/zh/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await signIn(page, '13800000003');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.goto('/zh/another-unknown-page');
  await expect(page.getByRole('heading', { name: '暂时无法打开此页' })).toBeVisible();
  await context.setOffline(false);
});

test('the language is chosen under 我的, not in the header, and the page stays', async ({ page }) => {
  await signIn(page, '13800000003');
  await expect(page.getByRole('banner').getByRole('link', { name: 'English' })).toHaveCount(0);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
  await page.getByRole('region', { name: '语言' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/me$/);
  await expect(page.getByRole('region', { name: 'Language' }).getByText('中文')).toBeVisible();
});
