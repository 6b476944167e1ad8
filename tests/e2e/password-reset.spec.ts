import { expect } from '@playwright/test';
import { signIn, test } from './helpers';

const PHONE = '13900012201';
const TEMPORARY = 'Lin-Shi-Mi-2026';

test('a person whose password an admin reset must choose a new one before the app opens, then reaches home', async ({ page, browser }) => {
  await signIn(page, '13800000001');
  await page.goto('/zh/admin/users');
  await page.getByRole('searchbox', { name: '搜索姓名或手机号' }).fill(PHONE);
  const row = page.getByRole('listitem').filter({ hasText: PHONE });
  await row.getByRole('button', { name: '重置密码' }).click();
  await row.getByRole('textbox', { name: /设置临时密码/ }).fill('abc');
  await row.getByRole('button', { name: '保存临时密码' }).click();
  await expect(row.getByRole('alert')).toContainText('至少');
  await row.getByRole('textbox', { name: /设置临时密码/ }).fill(TEMPORARY);
  await row.getByRole('button', { name: '保存临时密码' }).click();
  await expect(page.getByRole('status').filter({ hasText: '本人下次登录时必须修改' })).toBeVisible();
  await expect(row).toContainText('待改密码');

  // The villager, on their own phone in 长者版.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  await phone.addInitScript(() => localStorage.setItem('pufa.elder', 'true'));
  const villager = await phone.newPage();
  await villager.goto('/zh/login');
  await villager.getByLabel('手机号').fill(PHONE);
  await villager.getByLabel('密码').fill(TEMPORARY);
  await villager.getByRole('button', { name: '登录' }).click();
  await expect(villager.getByRole('heading', { level: 1, name: '设置新密码' })).toBeVisible();
  await expect(villager).toHaveURL(/\/zh\/change-password$/);
  expect(await villager.evaluate(() => document.documentElement.dataset.elder)).toBe('true');
  expect(await villager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Nothing else opens, on the screen or through the API.
  await villager.goto('/zh/study');
  await expect(villager.getByRole('heading', { level: 1, name: '设置新密码' })).toBeVisible();
  const pull = await villager.request.get('/api/sync/pull?cursor=0');
  expect(pull.status()).toBe(403);
  expect(await pull.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });

  await villager.goto('/en/change-password');
  await expect(villager.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  expect(await villager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await villager.goto('/zh/change-password');
  await villager.getByLabel('管理员告诉你的密码').fill(TEMPORARY);
  await villager.getByLabel(/^新密码/).fill('Zi-Ji-De-Mi-2026');
  await villager.getByLabel('再输一遍新密码').fill('Zi-Ji-De-Mi-2027');
  await villager.getByRole('button', { name: '保存新密码并继续' }).click();
  await expect(villager.getByText('两次输入的新密码不一样。')).toBeVisible();
  await villager.getByLabel('再输一遍新密码').fill('Zi-Ji-De-Mi-2026');
  await villager.getByRole('button', { name: '保存新密码并继续' }).click();
  await expect(villager.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(villager).toHaveURL(/\/zh$/);
  expect((await villager.request.get('/api/sync/pull?cursor=0')).status()).toBe(200);
  await phone.close();

  await page.reload();
  await page.getByRole('searchbox', { name: '搜索姓名或手机号' }).fill(PHONE);
  await expect(row).not.toContainText('待改密码');
});
