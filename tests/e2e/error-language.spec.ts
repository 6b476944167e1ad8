import { expect, type Page } from '@playwright/test';
import { signIn, test } from './helpers';

/**
 * The server answers refusals with a code, and each screen shows it in its reader's language only (issue 11): no
 * "中文 / English" text on a Chinese screen, no Chinese on an English one.
 */
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{3,}/;

const cases = [
  {
    locale: 'zh' as const,
    labels: { name: '姓名', phone: '手机号', password: '初始密码', orgUnit: '所属单位', create: '创建' },
    taken: '该手机号已注册',
    lessonGone: '课程不存在',
    me: '我的',
    person: '13900012201',
    syncNow: '立即同步',
    otherLanguage: LATIN_WORD,
  },
  {
    locale: 'en' as const,
    labels: { name: 'Name', phone: 'Mobile number', password: 'Initial password', orgUnit: 'Org unit', create: 'Create' },
    taken: 'This phone number already has an account',
    lessonGone: 'Lesson not found',
    me: 'Me',
    person: '13900011201',
    syncNow: 'Sync now',
    otherLanguage: HAN,
  },
];

/** Queues an op the server must refuse (a lesson that does not exist) in the phone's outbox, as the app would. */
async function queueRefusedOp(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('pufa');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['outbox', 'settings'], 'readwrite');
          const settings = tx.objectStore('settings');
          const last = settings.get('lastSeq');
          last.onsuccess = () => {
            const seq = (((last.result as { value?: number } | undefined)?.value ?? 0) as number) + 1;
            settings.put({ key: 'lastSeq', value: seq });
            tx.objectStore('outbox').put({
              id: crypto.randomUUID(),
              seq,
              type: 'study.complete',
              payload: { lessonId: 'no-such-lesson', at: new Date().toISOString() },
              createdAt: new Date().toISOString(),
              status: 'pending',
              label: 'no-such-lesson',
            });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

for (const c of cases) {
  test(`an admin reading ${c.locale} sees a refused new user in ${c.locale} only`, async ({ page }) => {
    await signIn(page, '13800000001', c.locale);
    await page.goto(`/${c.locale}/admin/users`);
    const form = page.locator('form').filter({ has: page.getByLabel(c.labels.password) });
    await form.getByLabel(c.labels.name).fill('马海军');
    // The cadre's phone: the demo already has an account for it, which only the server knows.
    await form.getByLabel(c.labels.phone).fill('13800000003');
    await form.getByLabel(c.labels.password).fill('Qi-Ying-Niu-2026');
    await form.getByLabel(c.labels.orgUnit).selectOption({ index: 1 });
    await form.getByRole('button', { name: c.labels.create }).click();
    const status = form.getByRole('status');
    await expect(status).toHaveText(c.taken);
    await expect(status).not.toHaveText(c.otherLanguage);
  });

  test(`a person reading ${c.locale} sees why the server refused an action in ${c.locale} only`, async ({ page }) => {
    await signIn(page, c.person, c.locale);
    await queueRefusedOp(page);
    await page.getByRole('navigation').getByRole('link', { name: c.me, exact: true }).click();
    await page.getByRole('button', { name: c.syncNow }).click();
    const reason = page.getByTestId('rejected-ops').getByRole('listitem').filter({ hasText: 'no-such-lesson' });
    const text = reason.getByText(c.lessonGone);
    await expect(text).toBeVisible();
    await expect(text).not.toHaveText(c.otherLanguage);
  });
}
