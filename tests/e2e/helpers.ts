import AxeBuilder from '@axe-core/playwright';
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

type Cookies = Awaited<ReturnType<import('@playwright/test').BrowserContext['cookies']>>;
/** Session cookies of each phone number signed in during this run (one worker, so shared by every spec). */
const sessions = new Map<string, Cookies>();

/**
 * Signs a person in. Each phone number goes through the login form once per run; later tests reuse its session
 * cookie and keep the profile on the phone as the app does after a sign-in, because better-auth allows one address
 * 30 sign-ins without a minute's pause and the whole suite signs people in more often than that.
 * `fresh: true` always uses the form (tests of the form itself).
 */
export async function signIn(page: Page, phone: string, locale: 'zh' | 'en' = 'zh', { fresh = false } = {}): Promise<void> {
  const nav = page.getByRole('navigation', { name: locale === 'zh' ? '主导航' : 'Main navigation' });
  const kept = fresh ? undefined : sessions.get(phone);
  if (kept && (await reuseSession(page, kept, locale))) {
    await expect(nav).toBeVisible();
    return;
  }
  await page.goto(`/${locale}/login`);
  await page.getByLabel(locale === 'zh' ? '手机号' : 'Mobile number').fill(phone);
  await page.getByLabel(locale === 'zh' ? '密码' : 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: locale === 'zh' ? '登录' : 'Sign in' }).click();
  await expect(nav).toBeVisible();
  sessions.set(phone, await page.context().cookies());
}

/** Puts a kept session into a fresh browser context; false when it is no longer valid (then the form is used). */
async function reuseSession(page: Page, cookies: Cookies, locale: 'zh' | 'en'): Promise<boolean> {
  await page.context().addCookies(cookies);
  await page.goto(`/${locale}/login`);
  const saved = await page.evaluate(async () => {
    const response = await fetch('/api/me', { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return false;
    const me = (await response.json()) as Record<string, unknown>;
    // The same record refreshProfile (lib/local/session.ts) keeps in Dexie's `profile` store after a sign-in.
    return new Promise<boolean>((resolve) => {
      const open = indexedDB.open('pufa');
      // No database yet: leave its creation to the app (Dexie), and sign in through the form.
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onerror = () => resolve(false);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('profile')) return (db.close(), resolve(false));
        const tx = db.transaction('profile', 'readwrite');
        const store = tx.objectStore('profile');
        const previous = store.get('me');
        let put = false;
        // Someone else's data on this phone: the login form's path clears it, so take that path.
        previous.onsuccess = () => {
          const other = previous.result as { id?: string } | undefined;
          if (other && other.id !== me.id) return tx.abort();
          store.put({ ...me, key: 'me', savedAt: new Date().toISOString() });
          put = true;
        };
        tx.oncomplete = () => (db.close(), resolve(put));
        tx.onerror = tx.onabort = () => (db.close(), resolve(false));
      };
    });
  });
  if (!saved) {
    await page.context().clearCookies();
    return false;
  }
  await page.goto(`/${locale}/`);
  return true;
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
      if ((await (await caches.open(precache)).keys()).length < expected.size) return false;
      // Every caller has signed in: the person's content (lessons, questions, tasks) must be on the phone too,
      // their first pull applied (the profile alone is stored before it).
      if (!(await indexedDB.databases()).some((d) => d.name === 'pufa')) return false;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('pufa');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        if (!db.objectStoreNames.contains('settings')) return false;
        return await new Promise<boolean>((resolve, reject) => {
          const get = db.transaction('settings').objectStore('settings').get('lastSyncAt');
          get.onsuccess = () => resolve(Boolean(get.result));
          get.onerror = () => reject(get.error);
        });
      } finally {
        db.close();
      }
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
