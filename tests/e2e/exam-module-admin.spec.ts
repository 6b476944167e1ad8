import { expect } from '@playwright/test';
import { signIn, test } from './helpers';

test('an admin edits an upcoming exam in full, and an open one only in its window and audience', async ({ page }) => {
  await signIn(page, '13800000001');
  const hour = 3600_000;
  const created = await page.request.post('/api/exams', {
    data: {
      title: '冬季学法考试',
      roles: ['cadre'],
      orgUnitIds: ['org-town'],
      opensAt: new Date(Date.now() + 24 * hour).toISOString(),
      closesAt: new Date(Date.now() + 48 * hour).toISOString(),
      timeLimitMinutes: 30,
      passMark: 60,
      maxAttempts: 1,
      countingRule: 'last',
      review: 'full',
      paper: { mode: 'random', rules: [{ tag: null, type: 'truefalse', count: 2 }] },
    },
  });
  expect(created.status()).toBe(201);

  await page.goto('/zh/admin/exam-manage');
  const upcoming = page.getByRole('region', { name: '冬季学法考试' });
  await upcoming.getByRole('button', { name: '编辑考试' }).click();
  await upcoming.getByLabel('考试名称').fill('冬季学法考试（补考）');
  await upcoming.getByLabel('及格分（满分 100）').fill('70');
  await upcoming.getByRole('button', { name: '保存修改' }).click();
  const renamed = page.getByRole('region', { name: '冬季学法考试（补考）' });
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: '编辑考试' }).click();
  await expect(renamed.getByLabel('及格分（满分 100）')).toHaveValue('70');

  const open = page.getByRole('region', { name: /年度镇村干部学法考试$/ });
  await open.getByRole('button', { name: '编辑考试' }).click();
  await expect(open.getByText('考试已开始：只能修改开放和结束时间、参考人员；试卷、及格分和其他规则不再改动。')).toBeVisible();
  await expect(open.getByLabel('考试名称')).toBeDisabled();
  await expect(open.getByLabel('及格分（满分 100）')).toBeDisabled();
  await expect(open.getByLabel('结束时间')).toBeEnabled();
  await expect(open.getByRole('checkbox', { name: '镇村干部' })).toBeEnabled();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('an admin deletes a draft module nobody used, after confirming', async ({ page }) => {
  await signIn(page, '13800000001');
  await page.goto('/zh/admin/content');
  await page.getByLabel('专题名称（中文）').fill('试用专题');
  await page.getByLabel('专题名称（英文）').fill('Trial module');
  await page.getByLabel('主题').fill('试用');
  await page.getByLabel('简介（中文）').fill('试用');
  await page.getByLabel('简介（英文）').fill('Trial');
  await page.getByRole('button', { name: '新建专题' }).click();
  const trial = page.getByRole('region', { name: '试用专题' });
  await trial.getByRole('button', { name: '删除专题' }).click();
  await trial.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('status')).toHaveText('已删除“试用专题”。');
  await expect(trial).toHaveCount(0);
});
