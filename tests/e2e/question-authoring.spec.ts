import { expect } from '@playwright/test';
import { signIn, test } from './helpers';

const STEM = '收了彩礼以后，男方家可以借婚姻向女方家再索要财物吗？';

test('an admin writes a single-choice question, fixes the fields it names, publishes it, and a cadre’s phone gets it', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, '13800000003');
  const desk = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const admin = await desk.newPage();
  await signIn(admin, '13800000001');
  await admin.goto('/zh/admin/questions');
  await expect(admin.getByRole('heading', { level: 1, name: '题目编写' })).toBeVisible();
  await admin.getByRole('button', { name: '新建题目' }).click();
  await admin.getByLabel('专题').selectOption({ label: '婚姻家庭：民法典里的家事' });
  await admin.getByLabel('题干').fill(STEM);
  await admin.getByLabel('选项 A', { exact: true }).fill('不可以，法律禁止借婚姻索取财物');
  await admin.getByLabel('选项 B', { exact: true }).fill('可以，按村里习惯办');
  await admin.getByRole('button', { name: '发布' }).click();
  await expect(admin.getByText('选择题需要 3 到 5 个选项，且不能留空')).toBeVisible();
  await expect(admin.getByText('请填写解析（至少 4 个字）')).toBeVisible();
  await expect(admin.getByText('请至少添加一条依据')).toBeVisible();

  await admin.getByLabel('选项 C', { exact: true }).fill('可以，只要女方家同意');
  await admin.getByLabel('选项 A 是正确答案').check();
  await admin.getByLabel('解析').fill('民法典第一千零四十二条规定，禁止借婚姻索取财物。');
  await admin.getByLabel('在法规库中查找法条').fill('借婚姻索取财物');
  await admin.getByRole('button', { name: '查找' }).click();
  await admin.getByRole('button', { name: '引用 民法典:1042' }).click();
  await admin.getByLabel('标签').fill('婚姻家庭');
  await admin.getByRole('button', { name: '发布' }).click();
  await expect(admin.getByRole('status')).toHaveText('已发布，手机下次同步时更新。');
  await admin.getByRole('button', { name: '返回列表' }).click();
  await admin.getByRole('searchbox', { name: '搜索题干或标签' }).fill('借婚姻向女方家');
  await expect(admin.getByRole('list', { name: '题目' }).getByRole('button')).toContainText([/已发布/]);
  await desk.close();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });
  const onPhone = await page.evaluate(
    (stem) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('pufa');
        open.onerror = () => reject(new Error('cannot open IndexedDB'));
        open.onsuccess = () => {
          const all = open.result.transaction('questions').objectStore('questions').getAll();
          all.onsuccess = () => resolve((all.result as { stem: string; answer: unknown }[]).find((q) => q.stem === stem)?.answer);
        };
      }),
    STEM,
  );
  expect(onPhone).toEqual([0]);
});
