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
