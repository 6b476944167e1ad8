import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { serverDb, signIn, waitForOfflineReady, test } from './helpers';

/**
 * The phone's sync machinery in Chromium: the service worker's Background Sync handler pushes the outbox with no
 * page of the app open, a new version waits until the person says so, and an action the server refuses stays
 * listed under 我的 with its reason.
 */
test.describe.configure({ mode: 'serial' });

const SW_FILE = path.resolve('public/sw.js');

/** The outbox as the phone holds it (Dexie's `pufa` database, read with plain IndexedDB). */
function outbox(page: Page): Promise<{ id: string; type: string; status: string; reason?: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('pufa');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => (open.result.close(), resolve(all.result as never));
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** A lesson this person has never opened (the demo year opened some): opening it records an action. */
function aLesson(phone: string): { id: string; title: string } {
  const db = serverDb();
  try {
    return db
      .prepare(
        `select id, title from lesson where id not in (select lessonId from lessonProgress p join user u on u.id = p.userId where u.username = ?)
           order by moduleId, sortOrder limit 1`,
      )
      .get(phone) as { id: string; title: string };
  } finally {
    db.close();
  }
}

/** The ids among `ids` the server applied (a receipt is kept for each applied op, none for a refused one). */
function receipts(ids: string[]): string[] {
  const db = serverDb();
  try {
    return (
      db.prepare(`select opId from opReceipt where opId in (${ids.map(() => '?').join(',')}) order by opId`).all(...ids) as {
        opId: string;
      }[]
    ).map((r) => r.opId);
  } finally {
    db.close();
  }
}

test('the service worker pushes the waiting actions on Background Sync, with no page of the app open', async ({ page, context }) => {
  await signIn(page, '13800000004');
  await waitForOfflineReady(page);
  const origin = new URL(page.url()).origin;

  // Offline, the villager opens a lesson: the action waits in the outbox.
  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveText('离线');
  const lesson = aLesson('13800000004');
  await page.goto(`/zh/study/lesson?id=${lesson.id}`);
  await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveText(/项待同步/);
  const waiting = (await outbox(page)).filter((o) => o.status === 'pending').map((o) => o.id);
  expect(waiting.length).toBeGreaterThan(0);

  // No page of the app runs any more (its own sync loop would push as soon as it is online): only the worker can.
  await page.goto('about:blank');
  // Chromium itself fires the `sync` the app registered when the network returns; that first push is made to fail,
  // so the test decides when the event comes (Chromium retries a failed sync only minutes later).
  let pushes = { refused: 0, let: 0 };
  let allow = false;
  await context.route('**/api/sync/push', (route) =>
    allow ? (pushes.let++, route.continue()) : (pushes.refused++, route.abort('internetdisconnected')),
  );
  await context.setOffline(false);
  await page.waitForTimeout(3_000);
  expect(receipts(waiting)).toEqual([]);
  allow = true;
  pushes = { refused: 0, let: 0 };

  // Chromium fires the `sync` event the browser would fire when connectivity returns (DevTools protocol).
  const cdp = await context.newCDPSession(page);
  const registration = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registration;
  // A tag the handler does not own pushes nothing.
  await cdp.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId, tag: 'someone-else', lastChance: false });
  await page.waitForTimeout(2_000);
  expect(receipts(waiting)).toEqual([]);
  expect(pushes).toEqual({ refused: 0, let: 0 });
  await cdp.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId, tag: 'pufa-push', lastChance: false });
  await expect.poll(() => receipts(waiting), { timeout: 30_000 }).toEqual([...waiting].sort());
  expect(pushes.let).toBeGreaterThan(0);
  await cdp.detach();
  await context.unroute('**/api/sync/push');

  // Back in the app, the outbox is empty: nothing is pushed twice.
  await page.goto('/zh/me');
  await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });
  expect((await outbox(page)).filter((o) => waiting.includes(o.id))).toEqual([]);
  expect(receipts(waiting)).toHaveLength(waiting.length);
});

test('a new version is announced and waits: 稍后 keeps the page, 立即更新 reloads into the new worker', async ({ page }) => {
  const original = readFileSync(SW_FILE);
  try {
    // Through the form: the page that installs the first worker is the one that must hear of the next version.
    await signIn(page, '13800000002', 'zh', { fresh: true });
    await waitForOfflineReady(page);
    const first = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(first).toBeTruthy();
    // A mark on this page's window: it survives as long as the page is not reloaded.
    await page.evaluate(() => ((window as unknown as { mark: string }).mark = 'still here'));
    const mark = () => page.evaluate(() => (window as unknown as { mark?: string }).mark ?? null);

    const deployed = `// deployed ${Date.now()}`;
    writeFileSync(SW_FILE, Buffer.concat([original, Buffer.from(`\n${deployed}\n`)]));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByRole('status').filter({ hasText: '新版本已就绪。' });
    await expect(prompt).toBeVisible({ timeout: 60_000 });
    // Nothing happens on its own: the new worker waits and the page stays.
    await page.waitForTimeout(3_000);
    expect(await mark()).toBe('still here');
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true);

    await prompt.getByRole('button', { name: '稍后' }).click();
    await expect(prompt).toBeHidden();
    await page.waitForTimeout(2_000);
    expect(await mark()).toBe('still here');
    const stillOld = async () => {
      const reg = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return { waiting: Boolean(r?.waiting), active: r?.active?.state ?? null };
      });
      return reg;
    };
    expect(await stillOld()).toEqual({ waiting: true, active: 'activated' });

    // Later, on another screen, the waiting version is offered again; now the person accepts.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await page.reload();
    await expect(prompt).toBeVisible({ timeout: 30_000 });
    await page.evaluate(() => ((window as unknown as { mark: string }).mark = 'before update'));
    const url = page.url();
    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: '立即更新' }).click();
    await reloaded;
    expect(page.url()).toBe(url);
    expect(await mark()).toBeNull();
    await expect(prompt).toBeHidden();
    // The page now runs under the new worker, and none waits.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const r = await navigator.serviceWorker.getRegistration();
          const script = await (await fetch(r!.active!.scriptURL, { cache: 'no-store' })).text();
          return {
            waiting: Boolean(r?.waiting),
            controlled: Boolean(navigator.serviceWorker.controller),
            tail: script.trim().split('\n').at(-1),
          };
        }),
      )
      .toEqual({ waiting: false, controlled: true, tail: deployed });
  } finally {
    writeFileSync(SW_FILE, original);
  }
});

test('an action the server refuses stays under 我的 with its reason, after a reload too', async ({ page }) => {
  await signIn(page, '13800000004');
  // The phone's clock runs three days fast: what it records is dated ahead of the server, which refuses it.
  await page.clock.install({ time: Date.now() + 3 * 24 * 3600_000 });
  const lesson = aLesson('13800000004');
  await page.goto(`/zh/study/lesson?id=${lesson.id}`);
  await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
  const title = lesson.title;
  await expect
    .poll(async () => (await outbox(page)).filter((o) => o.type === 'study.open' && o.status === 'rejected').length, { timeout: 30_000 })
    .toBe(1);
  const refused = (await outbox(page)).filter((o) => o.type === 'study.open' && o.status === 'rejected');
  expect(refused).toHaveLength(1);
  expect(receipts([refused[0]!.id])).toEqual([]);

  for (const reload of [false, true]) {
    if (reload) await page.reload();
    else await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    const list = page.getByTestId('rejected-ops');
    const item = list.getByRole('listitem').filter({ hasText: `打开课程：${title}` });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(/原因：at 的时间 \S+ 比服务器时间晚一天以上，请检查手机时间/);
    await expect(item).not.toContainText(/[A-Za-z]{3,} [a-z]{3,}/); // Chinese only: no English half
    await expect(item.getByRole('button', { name: '重试' })).toBeVisible();
    await expect(item.getByRole('button', { name: '放弃' })).toBeVisible();
  }
});
