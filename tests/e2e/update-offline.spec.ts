import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { serverDb, signIn, waitForOfflineReady, test } from './helpers';

/**
 * A new service worker is deployed while actions wait offline on the phone: the person is asked before the page
 * reloads into the new version, and after the update every waiting action reaches the server exactly once.
 * (A Dexie schema upgrade needs a second build with a new db.version(); this test covers the worker update.)
 */
const SW_FILE = path.resolve('public/sw.js');

test('ten actions waiting offline reach the server once after a new version is installed, and the person is asked first', async ({
  page,
  context,
}) => {
  const original = readFileSync(SW_FILE);
  // A fake clock that runs on, so the test can skip ahead over the reading time 完成本课 waits for.
  await page.clock.install();
  try {
    await signIn(page, '13800000003');
    await waitForOfflineReady(page);

    // Ten actions offline: five lessons opened and completed.
    const db0 = serverDb();
    // five lessons this cadre has not completed yet (the demo year completed some)
    const lessons = db0
      .prepare(
        `select id, title, minutes from lesson where id not in (select "lessonId" from "lessonProgress" p join "user" u on u.id = p."userId"
           where u.username = '13800000003' and p."completedAt" is not null) order by "moduleId", "sortOrder" limit 5`,
      )
      .all() as { id: string; title: string; minutes: number }[];
    db0.close();
    await context.setOffline(true);
    await expect(page.getByTestId('online-status')).toHaveText('离线');
    expect(lessons).toHaveLength(5);
    for (const lesson of lessons) {
      await page.goto(`/zh/study/lesson?id=${lesson.id}`);
      // The reading clock starts when the lesson is on screen: skip ahead only once it shows (a jump taken while the
      // page is still loading is not reading time, and 完成本课 stays closed).
      await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
      const complete = page.getByRole('button', { name: '完成本课' });
      await expect(complete).toBeDisabled();
      await page.clock.fastForward(lesson.minutes * 60_000);
      await complete.click();
      await expect(page.getByText(/已于 .* 学完/)).toBeVisible();
    }
    const waiting = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('pufa');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () =>
              resolve((all.result as { id: string; type: string }[]).filter((o) => o.type !== 'study.read').map((o) => o.id));
            all.onerror = () => reject(all.error);
          };
        }),
    );
    expect(waiting.length).toBe(10);

    // The network comes back but pushes still fail while the new version is deployed: the session is away (the
    // server refuses them with 401, and the phone keeps them). No request interception: Playwright's routes also
    // catch the service workers' requests, and a new worker attached while a route was set was seen to hang.
    const session = await context.cookies();
    await context.clearCookies();
    await context.setOffline(false);
    writeFileSync(SW_FILE, Buffer.concat([original, Buffer.from(`\n// deployed ${Date.now()}\n`)]));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    // Asked before anything reloads.
    const prompt = page.getByRole('status').filter({ hasText: '新版本已就绪。' });
    await expect(prompt).toBeVisible({ timeout: 60_000 });
    const held = serverDb();
    try {
      const placeholders = waiting.map(() => '?').join(',');
      const early = held.prepare(`select count(*) as n from opReceipt where opId in (${placeholders})`).get(...waiting) as { n: number };
      expect(early.n).toBe(0); // still waiting on the phone when the update is offered
    } finally {
      held.close();
    }
    const before = page.url();
    await context.addCookies(session);
    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: '立即更新' }).click();
    await reloaded;
    expect(page.url()).toBe(before);

    await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });
    // The header says 已全部同步 only once the outbox is read and empty, so every action has its receipt by now.
    const db = serverDb();
    try {
      const placeholders = waiting.map(() => '?').join(',');
      const receipts = db.prepare(`select count(*) as n from opReceipt where opId in (${placeholders})`).get(...waiting) as { n: number };
      const events = db.prepare(`select count(*) as n from studyEvent where id in (${placeholders})`).get(...waiting) as { n: number };
      expect(receipts.n).toBe(10);
      expect(events.n).toBe(10);
    } finally {
      db.close();
    }
  } finally {
    writeFileSync(SW_FILE, original);
  }
});
