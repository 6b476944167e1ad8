import { test as base, expect, type Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { networkInterfaces } from 'node:os';
import path from 'node:path';

/** This machine's own addresses: 127.0.0.1, and the LAN addresses a phone would use (lan-sign-in.spec.ts). */
const OWN_HOSTS = new Set(['127.0.0.1', ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address))]);

/** A URL that stays on this machine (or never reaches the network at all: data:, blob:, about:). */
export function staysLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'ws:' && u.protocol !== 'wss:') return true;
  return OWN_HOSTS.has(u.hostname.replace(/^\[|\]$/g, ''));
}

/**
 * Every spec imports `test` from here: an automatic fixture records every request of every page, popup and service
 * worker of the test's browser context, and fails the test if any of them was bound for another machine (the app
 * promises to work with no internet: no CDN, font, analytics or map tile).
 */
export const test = base.extend<{ offlineOnly: void }>({
  offlineOnly: [
    async ({ context }, use) => {
      const leaving: string[] = [];
      const record = (url: string) => {
        if (!staysLocal(url)) leaving.push(url);
      };
      context.on('request', (request) => record(request.url()));
      await use();
      expect(leaving, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

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
      // complete: every URL of the service worker's precache manifest is cached
      const script = await (await fetch('/sw.js')).text();
      const expected = new Set([...script.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]));
      return (await (await caches.open(precache)).keys()).length >= expected.size;
    },
    undefined,
    { timeout: 60_000, polling: 500 },
  );
}

/** Reads the e2e server's SQLite database directly, to check what the server holds. */
export function serverDb(): BetterSqlite3.Database {
  return new BetterSqlite3(path.resolve('test-results/e2e-data/pufa.sqlite'), { readonly: true, fileMustExist: true });
}
