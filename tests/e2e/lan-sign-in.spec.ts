import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';
import { PASSWORD } from './helpers';

/**
 * A phone on the township's Wi-Fi opens the plain-http LAN address the demo prints. That origin is not a secure
 * context, so a `Secure` cookie would be dropped and the sign-in lost. Chromium resolves pufa.lan to this machine,
 * so the page's origin is http://pufa.lan:PORT, as on such a phone.
 */
test('signs in over plain http from a LAN address that is not localhost, and stays signed in', async ({ playwright }) => {
  const browser = await playwright.chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--host-resolver-rules=MAP pufa.lan 127.0.0.1',
    ],
  });
  try {
    const context = await browser.newContext({
      baseURL: `http://pufa.lan:${E2E_PORT}`,
      viewport: { width: 360, height: 740 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto('/zh/login');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await page.getByLabel('手机号').fill('13900013001');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    const session = (await context.cookies()).find((c) => c.name.endsWith('session_token'));
    expect(session).toMatchObject({ name: 'better-auth.session_token', secure: false, httpOnly: true });
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await expect(page.getByRole('heading', { name: '账号' })).toBeVisible();
    await context.close();
  } finally {
    await browser.close();
  }
});
