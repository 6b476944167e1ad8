import { expect } from '@playwright/test';
import { PASSWORD, signIn, test } from './helpers';

test('an admin sees an account locked by wrong passwords and unlocks it with one tap', async ({ page, request }) => {
  const attempt = (password: string) => request.post('/api/auth/sign-in/username', { data: { username: '13900014101', password } });
  for (let i = 1; i <= 5; i++) expect((await attempt(`Wrong-pass-${i}`)).status()).toBe(401);
  expect((await attempt(PASSWORD)).status()).toBe(429);

  await signIn(page, '13800000001');
  await page.goto('/zh/admin/users');
  await page.getByRole('searchbox', { name: '搜索姓名或手机号' }).fill('13900014101');
  const row = page.getByRole('listitem').filter({ hasText: '13900014101' });
  await expect(row).toContainText('密码输错次数过多，已锁定');
  await row.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已解锁' })).toBeVisible();
  await expect(row.getByRole('button', { name: '解锁' })).toHaveCount(0);
  expect((await attempt(PASSWORD)).status()).toBe(200);
});

test('a person changes their name and password under 我的; a common password is refused in their language', async ({ page }) => {
  await signIn(page, '13900014102');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
  const account = page.getByRole('region', { name: '账号' });
  await account.getByLabel('姓名').fill('马桂兰');
  await account.getByRole('button', { name: '保存姓名' }).click();
  await expect(account.getByRole('status')).toHaveText('姓名已保存。');
  await expect(page.getByRole('heading', { name: '马桂兰', level: 1 })).toBeVisible();

  await account.getByLabel('当前密码').fill(PASSWORD);
  await account.getByLabel(/^新密码/).fill('P@ssw0rd');
  await account.getByLabel('再输一遍新密码').fill('P@ssw0rd');
  await account.getByRole('button', { name: '修改密码' }).click();
  await expect(account.getByText('这个密码太常见（或是演示密码），请换一个。')).toBeVisible();
  // The new password typed twice must match before anything is sent.
  await account.getByLabel(/^新密码/).fill('Qi-Ying-Niu-2026');
  await account.getByLabel('再输一遍新密码').fill('Qi-Ying-Niu-2025');
  await account.getByRole('button', { name: '修改密码' }).click();
  await expect(account.getByText('两次输入的新密码不一样。')).toBeVisible();
  await account.getByLabel('再输一遍新密码').fill('Qi-Ying-Niu-2026');
  await account.getByRole('button', { name: '修改密码' }).click();
  await expect(account.getByRole('status')).toHaveText('密码已修改，其他设备上的登录已退出。');
});
