import { expect } from '@playwright/test';
import { serverDb, signIn, waitForOfflineReady, test } from './helpers';

test('a cadre completes an assigned lesson offline; after a reload it is still there, and online it counts once', async ({
  page,
  context,
}) => {
  // A fake clock that runs on, so the test can skip ahead over the reading time 完成本课 waits for.
  await page.clock.install();
  await signIn(page, '13800000003');
  const tasks = page.getByRole('region', { name: '本周学法任务' });
  const assigned = tasks.getByRole('link').first();
  await expect(assigned).toBeVisible();
  await waitForOfflineReady(page);
  const lessonTitle = (await assigned.getByTestId('task-title').textContent())!.trim();

  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveText('离线');
  await assigned.click();
  await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
  await expect(page.getByRole('blockquote').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '完成本课' })).toBeDisabled();
  await expect(page.getByText(/读满约 33% 的时间后可以点“完成本课”/)).toBeVisible();
  await page.clock.fastForward('10:00');
  await page.getByRole('button', { name: '完成本课' }).click();
  await expect(page.getByRole('link', { name: '做本专题的练习题' })).toBeVisible();
  await expect(page.getByText(/已于 .* 学完/)).toBeVisible();
  // opened, read and completed: three operations, one action
  await expect(page.getByTestId('sync-status')).toHaveText('1 项待同步');
  const lessonUrl = page.url();
  const lessonId = new URL(lessonUrl).searchParams.get('id')!;

  await page.reload();
  await expect(page.getByText(/已于 .* 学完/)).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('项待同步');

  await context.setOffline(false);
  await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });

  const db = serverDb();
  try {
    const user = db.prepare('select id from user where username = ?').get('13800000003') as { id: string };
    const completions = db
      .prepare("select count(*) as n from studyEvent where userId = ? and lessonId = ? and kind = 'complete'")
      .get(user.id, lessonId) as { n: number };
    expect(completions.n).toBe(1);
    const progress = db.prepare('select completedAt from lessonProgress where userId = ? and lessonId = ?').get(user.id, lessonId) as {
      completedAt: string | null;
    };
    expect(progress.completedAt).not.toBeNull();
  } finally {
    db.close();
  }

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
  await expect(page.getByRole('region', { name: '学习记录' }).getByRole('link', { name: lessonTitle })).toBeVisible();
});
