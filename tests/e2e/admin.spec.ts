import { expect } from '@playwright/test';
import { serverDb, signIn, test } from './helpers';

/** Administration end to end: authoring reaches a cadre's phone, imports preview every row and import all or nothing. */
const csv = (rows: string[][]) =>
  Buffer.from('\uFEFF' + rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n'));

test('an admin writes a lesson citing an article and publishes it; a cadre sees it after a pull', async ({ page, browser, baseURL }) => {
  await signIn(page, '13800000003');
  const desk = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const admin = await desk.newPage();
  await signIn(admin, '13800000001');
  await admin.goto('/zh/admin/content');
  await admin.getByRole('button', { name: '在“婚姻家庭：民法典里的家事”中新建课程' }).click();
  await admin.getByLabel('课程标题').fill('彩礼不能变成买卖婚姻');
  await admin.getByLabel('英文标题').fill('A bride price must not become a purchase');
  await admin.getByLabel('正文（Markdown）').fill('## 法律怎么说\n\n> 禁止借婚姻索取财物。\n\n- 彩礼数额要量力而行');
  const preview = admin.getByRole('region', { name: '预览' });
  await expect(preview.getByRole('heading', { name: '法律怎么说' })).toBeVisible();
  await expect(preview.getByRole('blockquote')).toHaveText('禁止借婚姻索取财物。');
  await admin.getByLabel('在法规库中查找法条').fill('借婚姻索取财物');
  await admin.getByRole('button', { name: '查找' }).click();
  await admin.getByRole('button', { name: '引用 民法典:1042' }).click();
  await expect(admin.getByRole('list', { name: '引用法条' }).getByRole('listitem')).toHaveText(/民法典:1042/);
  await admin.getByRole('button', { name: '发布' }).click();
  await expect(admin.getByRole('status')).toHaveText('已发布，手机下次同步时收到。');
  await desk.close();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });
  await page.goto('/zh/study/module?id=hunyin-jiating');
  await page.getByRole('link', { name: /彩礼不能变成买卖婚姻/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '彩礼不能变成买卖婚姻' })).toBeVisible();
  await expect(page.getByRole('link', { name: /第一千零四十二条/ })).toBeVisible();
});

test('an admin imports a question file: two bad rows are shown and nothing is imported until the file is fixed', async ({ page }) => {
  const db = serverDb();
  const tag = (
    JSON.parse(
      (db.prepare("select tags from question where moduleId = 'hunyin-jiating' limit 1").get() as { tags: string }).tags,
    ) as string[]
  )[0]!;
  db.close();
  const header = ['模块', '题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '解析', '依据', '标签', '难度'];
  const row = (n: number, answer = 'A', t = tag) => [
    'hunyin-jiating',
    '单选',
    `导入题${n}：男方家能否以彩礼为条件逼婚？`,
    '不能，禁止借婚姻索取财物',
    '能，彩礼是习俗',
    '只要村里同意就能',
    '给了彩礼就能',
    answer,
    '民法典第一千零四十二条禁止借婚姻索取财物。',
    '民法典:1042',
    t,
    '2',
  ];
  await signIn(page, '13800000001');
  await page.goto('/zh/admin/question-bank');
  const file = page.getByLabel('选择文件（.xlsx 或 .csv）');
  await file.setInputFiles({
    name: 'bank.csv',
    mimeType: 'text/csv',
    buffer: csv([header, row(1), row(2, ''), row(3, 'A', '没有这个标签')]),
  });
  await page.getByRole('button', { name: '预览', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('1 行可以导入，2 行有错误。');
  const rows = page.getByRole('list', { name: '逐行预览' });
  await expect(rows.getByRole('listitem').nth(1)).toContainText('缺少答案');
  await expect(rows.getByRole('listitem').nth(2)).toContainText('未知标签“没有这个标签”');
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();

  await file.setInputFiles({ name: 'bank.csv', mimeType: 'text/csv', buffer: csv([header, row(1), row(2), row(3)]) });
  await page.getByRole('button', { name: '预览', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('3 行可以导入，0 行有错误。');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByRole('status')).toHaveText('已导入 3 行。');
  const check = serverDb();
  const n = check.prepare("select count(*) as n from question where stem like '导入题%'").get() as { n: number };
  check.close();
  expect(n.n).toBe(3);
});

test('an admin bulk-imports 200 people and finds one by phone', async ({ page }) => {
  const db = serverDb();
  const villages = (
    db.prepare("select name from orgUnit where level = 'village' group by name having count(*) = 1").all() as { name: string }[]
  ).map((v) => v.name);
  db.close();
  const rows = [['姓名', '手机号', '角色', '村', '法律明白人', '认定日期']];
  for (let i = 0; i < 200; i++)
    rows.push([
      `导入村民${i}`,
      `137${String(i).padStart(8, '0')}`,
      i % 10 === 0 ? '镇村干部' : '村民',
      villages[i % villages.length]!,
      i % 4 === 1 ? '是' : '否',
      i % 4 === 1 ? '2025-03-01' : '',
    ]);
  await signIn(page, '13800000001');
  await page.goto('/zh/admin/user-import');
  await page.getByLabel('选择文件（.xlsx 或 .csv）').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: csv(rows) });
  await page.getByLabel('初始密码').fill('Cun-Min-2026');
  await page.getByRole('button', { name: '预览', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('200 行可以导入，0 行有错误。');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByRole('status')).toHaveText('已导入 200 行。');

  await page.goto('/zh/admin/users');
  await page.getByRole('searchbox', { name: '搜索姓名或手机号' }).fill('13700000123');
  const users = page.getByRole('region', { name: '用户', exact: true });
  await expect(users.getByRole('listitem')).toHaveCount(1);
  await expect(users.getByRole('listitem')).toContainText('导入村民123');
});

test('every admin page fits a 360-px phone in Chinese and English', async ({ page }) => {
  await signIn(page, '13800000001');
  const pages: [string, string, string][] = [
    ['content', '内容编写', 'Content authoring'],
    ['questions', '题目编写', 'Question authoring'],
    ['question-bank', '题库导入导出', 'Question bank import/export'],
    ['exam-manage', '考试管理', 'Manage exams'],
    ['thesaurus', '常用说法', 'Everyday words'],
    ['user-import', '用户批量导入', 'Import people'],
    ['villages', '村组管理', 'Villages'],
    ['audit', '审计日志', 'Audit log'],
  ];
  for (const [path, zh, en] of pages)
    for (const [locale, title] of [
      ['zh', zh],
      ['en', en],
    ] as const) {
      await page.goto(`/${locale}/admin/${path}`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
});
