import { expect, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { expectNoSeriousViolations, serverDb, signIn, waitForOfflineReady, test } from './helpers';

/**
 * Field usability on a 360-px phone: 长者版 keeps the exam countdown in view, a task row is one tap target, a wrong
 * answer teaches (right option marked, basis readable offline), the WeChat hint, one task however often it is
 * submitted, and no serious accessibility violations on each role's main screen (the publicist's and the lawyer's
 * are checked in shell.spec.ts, where every role signs in). Named to run after the other specs:
 * it takes an exam attempt and assigns a task, which they must not see.
 */
const SHARED_LAWS = existsSync('../shared/laws');
const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

test('a cadre: the home passes axe, a tap anywhere on a task row opens its lesson, and in 长者版 the exam countdown stays visible below the one-row header while scrolling', async ({
  page,
}) => {
  await signIn(page, '13900001001');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: '本周学法任务' }).getByRole('link').first()).toBeVisible();
  await expectNoSeriousViolations(page, "the cadre's home");

  const row = page.getByRole('region', { name: '本周学法任务' }).getByRole('link').first();
  const box = (await row.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  // the far end of the row, where the state badge is, not the title
  await row.click({ position: { x: box.width - 8, y: box.height / 2 } });
  await expect(page).toHaveURL(/\/zh\/study\/lesson\?id=/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const elder = page.getByRole('button', { name: '长者版' });
  await elder.click();
  await expect(elder).toHaveAttribute('aria-pressed', 'true');
  const header = page.getByRole('banner');
  const headerBox = (await header.boundingBox())!;
  expect(headerBox.height).toBeLessThanOrEqual(72);

  await nav(page).getByRole('link', { name: '答题' }).click();
  await page
    .getByRole('region', { name: '考试' })
    .getByRole('link', { name: /年度镇村干部学法考试/ })
    .click();
  await page.getByRole('button', { name: '下载试卷' }).click();
  await page.getByRole('button', { name: /开始考试/ }).click();
  const timer = page.getByRole('timer');
  await expect(timer).toBeVisible();

  await page.getByRole('button', { name: '交卷', exact: true }).scrollIntoViewIfNeeded();
  await expect(timer).toBeInViewport();
  const timerBox = (await timer.boundingBox())!;
  const headerNow = (await header.boundingBox())!;
  expect(timerBox.y).toBeGreaterThanOrEqual(headerNow.y + headerNow.height - 1);
  // what is drawn at the countdown's centre is the countdown, not the header over it
  const onTop = await timer.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  });
  expect(onTop).toBe(true);
});

interface ShippedQuestion {
  id: string;
  type: 'single' | 'multiple' | 'truefalse';
  stem: string;
  options?: string[];
  answer: number[] | boolean;
}

test('a villager: the home passes axe, a wrong answer marks the right option and the wrong pick, its basis opens the article offline, and so does /zh/', async ({
  page,
  context,
}) => {
  const bank = JSON.parse(readFileSync('content/questions/hunyin-jiating.json', 'utf8')) as ShippedQuestion[];
  await signIn(page, '13900003101');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, "the villager's home");
  test.skip(!SHARED_LAWS, '../shared/laws is absent, so the phone holds no law texts');
  await page.goto('/zh/laws');
  await expect(page.getByRole('link', { name: /^民法典.*已存手机/ })).toBeVisible({ timeout: 60_000 });
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveText('离线');

  await nav(page).getByRole('link', { name: '答题' }).click();
  await page
    .getByRole('region', { name: '专题练习' })
    .getByRole('link', { name: /婚姻家庭/ })
    .click();
  const stem = (await page.getByTestId('question-stem').textContent())!.trim();
  const q = bank.find((x) => x.stem === stem);
  expect(q, `question "${stem}" is in the shipped bank`).toBeDefined();
  expect(q!.type).not.toBe('truefalse');
  const key = q!.answer as number[];
  const wrong = q!.options!.findIndex((_, i) => !key.includes(i));
  const letter = (i: number) => String.fromCharCode(65 + i);
  await page
    .getByRole(q!.type === 'single' ? 'radio' : 'checkbox', { name: `${letter(wrong)}. ${q!.options![wrong]}`, exact: true })
    .check();
  await page.getByRole('button', { name: '提交答案' }).click();
  await expect(page.getByRole('status').filter({ hasText: '回答错误' })).toBeVisible();

  for (const i of key)
    await expect(
      page.getByRole(q!.type === 'single' ? 'radio' : 'checkbox', { name: `${letter(i)}. ${q!.options![i]}` }),
    ).toHaveAccessibleName(/正确答案$/);
  await expect(
    page.getByRole(q!.type === 'single' ? 'radio' : 'checkbox', { name: `${letter(wrong)}. ${q!.options![wrong]}` }),
  ).toHaveAccessibleName(/你选错了$/);

  const basis = page
    .getByRole('status')
    .getByRole('link', { name: /^《民法典》第.+条$/ })
    .first();
  const article = (await basis.textContent())!.trim();
  await basis.click();
  await expect(page).toHaveURL(/\/zh\/laws\/article\?/);
  await expect(page.getByRole('heading', { level: 1, name: article })).toBeVisible();

  // /zh/ with a trailing slash opens offline like /zh
  await page.goto('/zh/');
  await expect(nav(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.setOffline(false);
});

test.describe('inside WeChat', () => {
  test.use({
    userAgent:
      'Mozilla/5.0 (Linux; Android 13; V2134A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/4G Language/zh_CN',
  });
  test('says in one line how to open the app in the phone browser', async ({ page }) => {
    await page.goto('/zh/login');
    await expect(page.getByRole('note')).toContainText('点右上角 ··· 选择“在浏览器打开”');
  });
});

test('an administrator: the home passes axe, and a task submitted twice is assigned once', async ({ page }) => {
  await signIn(page, '13800000001');
  await expect(page.getByRole('region', { name: '待办事项' })).toBeVisible();
  await expectNoSeriousViolations(page, "the admin's home");
  await nav(page).getByRole('link', { name: '管理' }).click();
  await page.getByRole('navigation', { name: '管理栏目' }).getByRole('link', { name: '任务' }).click();
  const form = page.getByRole('region', { name: '每周学法任务' });
  // next week's Monday, so no seeded task is the same
  const monday = new Date();
  monday.setDate(monday.getDate() + ((8 - monday.getDay()) % 7 || 7));
  const week = `${monday.getFullYear()}-${String(monday.getMonth() + 1).padStart(2, '0')}-${String(monday.getDate()).padStart(2, '0')}`;
  await form.getByLabel('周一日期').fill(week);
  await form.getByRole('combobox').nth(1).selectOption({ label: '宪法：国家的根本法' });
  await form.getByRole('searchbox', { name: '搜索村名' }).fill('东山');
  await form
    .getByRole('checkbox', { name: /东山村/ })
    .first()
    .check();
  await expect(form.getByText('已选 1 个单位')).toBeVisible();
  const submit = form.getByRole('button', { name: '布置任务' });
  await submit.dblclick();
  await expect(form.getByRole('status')).toHaveText(/已布置任务|同样的任务已经布置过/);
  await submit.click();
  await expect(form.getByRole('status')).toHaveText('同样的任务已经布置过，没有重复创建。');

  const db = serverDb();
  try {
    const rows = db.prepare('select id from studyTask where weekStart = ? and moduleId is not null and deletedAt is null').all(week);
    expect(rows).toHaveLength(1);
  } finally {
    db.close();
  }
  await expect(page.getByRole('list', { name: '已布置的任务' }).getByRole('listitem').filter({ hasText: week })).toHaveCount(1);
});
