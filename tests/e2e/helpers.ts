import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';

export const PASSWORD = 'Pufa-demo-2026';

export async function signIn(page: Page, phone: string, locale: 'zh' | 'en' = 'zh'): Promise<void> {
  await page.goto(`/${locale}/login`);
  await page.getByLabel(locale === 'zh' ? '手机号' : 'Mobile number').fill(phone);
  await page.getByLabel(locale === 'zh' ? '密码' : 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: locale === 'zh' ? '登录' : 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: locale === 'zh' ? '主导航' : 'Main navigation' })).toBeVisible();
}

/** Waits until the service worker controls the page and its precache is complete, so the app can go offline. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) return false;
      const keys = await caches.keys();
      const precache = keys.find((k) => k.includes('precache'));
      if (!precache) return false;
      return (await (await caches.open(precache)).keys()).length >= 40;
    },
    undefined,
    { timeout: 60_000, polling: 500 },
  );
}

/** Reads the e2e server's SQLite database directly, to check what the server holds. */
export function serverDb(): BetterSqlite3.Database {
  return new BetterSqlite3(path.resolve('test-results/e2e-data/pufa.sqlite'), { readonly: true, fileMustExist: true });
}

/**
 * axe on the screen shown, in normal mode and in 长者版: no serious or critical violations. Called inside tests that
 * sign a role in anyway: sign-ins from one address are rate-limited (30 without a minute's pause), and the suite is
 * near that.
 */
export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const elder = page.getByRole('button', { name: '长者版' });
  for (const on of [false, true]) {
    if ((await elder.getAttribute('aria-pressed')) !== String(on)) await elder.click();
    await expect(elder).toHaveAttribute('aria-pressed', String(on));
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, `${what}${on ? ' in 长者版' : ''}`).toEqual([]);
  }
  await elder.click();
  await expect(elder).toHaveAttribute('aria-pressed', 'false');
}
