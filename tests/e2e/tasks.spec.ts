import { expect, type Page } from '@playwright/test';
import { addDays, weekStartOf } from '../../lib/study/week';
import { serverDb, signIn, test } from './helpers';

const ADMIN = '13800000001';
const CADRE = '13800000003';

/** The report's weekly-task row for cadres, for this week and one village: "rate% (completed/assigned)". */
async function cadreTaskFigure(page: Page, villageId: string): Promise<{ completed: number; assigned: number }> {
  const week = weekStartOf(new Date());
  await page.goto(`/zh/report?from=${week}&to=${addDays(week, 6)}&org=${villageId}`);
  const row = page.locator('dl > div').filter({ has: page.getByRole('term').filter({ hasText: '每周学习任务完成率（镇村干部）' }) });
  const value = row.getByRole('definition');
  await expect(value).toHaveText(/^\d+% \(\d+\/\d+\)$/);
  const [, completed, assigned] = /\((\d+)\/(\d+)\)/.exec((await value.textContent())!)!;
  return { completed: Number(completed), assigned: Number(assigned) };
}

/**
 * 每周学法 end to end: an administrator assigns a lesson to the cadres of one village for this week; a cadre there
 * finds it on 首页, opens it with one tap, reads it for the time 完成本课 asks and completes it; 首页 marks it done,
 * and the administrator's report for that village and week counts the completion.
 */
test('a task assigned to a village reaches its cadre, who completes it, and the administrator sees it counted', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const db = serverDb();
  const { village, villageName, cadres, lesson } = (() => {
    try {
      const me = db
        .prepare(`select u.id, o.id as village, o.name from user u join orgUnit o on o.id = u.orgUnitId where u.username = ?`)
        .get(CADRE) as { id: string; village: string; name: string };
      // the task reaches every cadre in the village and its natural villages (the report counts the same people)
      const count = db
        .prepare(
          `select count(*) as n from user u join orgUnit o on o.id = u.orgUnitId
             where o.path like (select path from orgUnit where id = ?) || '%' and u.role = 'cadre' and (u.banned is null or u.banned = 0)`,
        )
        .get(me.village) as { n: number };
      // a lesson this cadre has not completed (the demo year completed some) and that no task names yet
      const l = db
        .prepare(
          `select id, title, minutes from lesson where id not in (select lessonId from lessonProgress where userId = ? and completedAt is not null)
             and id not in (select lessonId from studyTask where lessonId is not null) order by moduleId desc, sortOrder limit 1`,
        )
        .get(me.id) as { id: string; title: string; minutes: number };
      return { village: me.village, villageName: me.name, cadres: count.n, lesson: l };
    } finally {
      db.close();
    }
  })();
  expect(cadres).toBeGreaterThan(0);
  const note = `第${Date.now() % 100000}号任务`;

  // The administrator reads the figure, then assigns the lesson to this village's cadres.
  await signIn(page, ADMIN);
  const before = await cadreTaskFigure(page, village).catch(() => ({ completed: 0, assigned: 0 }));
  await page.goto('/zh/admin/tasks');
  const form = page.getByRole('region', { name: '每周学法任务' });
  // 学习内容 is one label around two selects: what kind (a lesson or a whole module), then which
  const target = form.locator('label').filter({ hasText: '学习内容' });
  await target.getByRole('combobox').first().selectOption({ label: '课程' });
  await target.getByRole('combobox').nth(1).selectOption({ label: lesson.title });
  await expect(form.getByRole('checkbox', { name: '镇村干部' })).toBeChecked();
  await form.getByRole('searchbox', { name: '搜索村名' }).fill(villageName);
  await form.getByRole('checkbox', { name: villageName, exact: true }).check();
  await expect(form.getByText('已选 1 个单位')).toBeVisible();
  await form.getByRole('textbox', { name: '说明' }).fill(note);
  await form.getByRole('button', { name: '布置任务' }).click();
  await expect(form.getByRole('status')).toHaveText('已布置任务');
  await expect(page.getByRole('list', { name: '已布置的任务' })).toContainText(note);
  const assigned = await cadreTaskFigure(page, village);
  expect(assigned).toEqual({ completed: before.completed, assigned: before.assigned + cadres });

  // The cadre, on a phone whose clock the test moves on over the reading time.
  const phone = await browser.newContext();
  const cadre = await phone.newPage();
  try {
    await cadre.clock.install();
    await signIn(cadre, CADRE);
    const row = cadre.getByRole('region', { name: '本周学法任务' }).getByRole('link').filter({ hasText: note });
    await expect(row).toBeVisible({ timeout: 30_000 });
    await expect(row).toContainText(lesson.title);
    await expect(row).toContainText('未完成');
    await expect(row).toContainText('已完成 0/1');
    await row.click();
    await expect(cadre.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    const complete = cadre.getByRole('button', { name: '完成本课' });
    await expect(complete).toBeDisabled();
    await cadre.clock.fastForward(lesson.minutes * 60_000);
    await complete.click();
    await expect(cadre.getByText(/已于 .* 学完/)).toBeVisible();
    await expect(cadre.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });

    await cadre.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
    const done = cadre.getByRole('region', { name: '本周学法任务' }).getByRole('link').filter({ hasText: note });
    await expect(done).toContainText('已完成 1/1');
    await expect(done).not.toContainText('未完成');
  } finally {
    await phone.close();
  }

  // The administrator's report counts the completion against the task.
  expect(await cadreTaskFigure(page, village)).toEqual({ completed: assigned.completed + 1, assigned: assigned.assigned });
});
